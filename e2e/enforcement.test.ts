/**
 * Enforcement in a real browser (journey 2, anh Tuấn): the police upload the month's camera file, a replay
 * of it creates no duplicates, a file with a bad line is refused whole with the line and field named; the
 * violations list finds a plate however it is written; a department that is not the police is told why it
 * may not feed camera data; the office has no import page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type E2E,
  expectAccessible,
  login,
  newPage,
  PHONE,
  screenshot,
  startE2E,
} from './support.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(200);
}

/** Yesterday at 07:15 in Viet Nam, with its offset, as a camera writes it. */
function yesterdayMorning(minute: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
  return `${day}T07:${String(15 + minute).padStart(2, '0')}:30+07:00`;
}

const event = (i: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    cameraId: 'CAM-QL4D-KM45',
    eventId: `E2E-${i}`,
    occurredAt: yesterdayMorning(i),
    violation: 'speed_20_35',
    plate: ['25A-123.45', '25-B1 678.90', '30K-567.89'][i % 3],
    vehicleType: i % 3 === 1 ? 'motorbike' : 'car',
    speedKmh: 78,
    speedLimitKmh: 50,
    place: 'Km 45+200, QL4D',
    ...over,
  });

const GOOD = [0, 1, 2].map((i) => event(i)).join('\n');
const BAD = [event(10), event(11, { plate: 'XYZ' }), event(12)].join('\n');

async function upload(page: Page, name: string, text: string): Promise<void> {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text, 'utf8') });
  await page.getByText(/^Đã nhận /).waitFor({ state: 'hidden' });
  await page.getByText(`Đã chọn: ${name}`).waitFor();
  await page.getByRole('button', { name: 'Gửi lô dữ liệu' }).click();
}

/** A JSON write through the signed-in page's session, with its CSRF token (for set-up the UI has no form for). */
async function apiPost<T>(page: Page, path: string, body: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([p, b]) => {
      const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
      const res = await fetch(p as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [path, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await (await fetch(p)).json()) as unknown, path) as Promise<T>;
}

/** Now in Viet Nam minus an hour, with its offset. */
function anHourAgo(): string {
  return `${new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

const thisMonth = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

describe('enforcement', () => {
  it('the police import camera data once, see refused lines, and find a plate', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'congan');
    await page.getByRole('navigation').getByRole('link', { name: 'Nhập dữ liệu camera' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu camera' }).waitFor();

    await upload(page, 'camera-thang-11.ndjson', GOOD);
    await page.getByText(/Đã nhận 3, tạo mới 3, trùng 0/).waitFor();

    // The same file again: nothing new.
    await upload(page, 'camera-thang-11.ndjson', GOOD);
    await page.getByText(/Đã nhận 3, tạo mới 0, trùng 3 \(đã có từ trước\)/).waitFor();

    // A bad plate on line 2: the whole batch is refused, the line and field are named.
    await upload(page, 'camera-loi.ndjson', BAD);
    const alert = page.getByRole('alert').filter({ hasText: 'không dòng nào được lưu' });
    await alert.waitFor();
    const row = alert.getByRole('row').filter({ hasText: 'plate' });
    await expect(row.textContent()).resolves.toContain('dòng 2');
    await expect(alert.textContent()).resolves.toContain('Không nhận ra biển số "XYZ"');
    await settle(page);
    await screenshot(page, 'enforcement-import');
    await expectAccessible(page, 'camera import (refused batch)');

    // The list: the plate written another way finds the row; nothing of the refused batch is there.
    await page.getByRole('navigation').getByRole('link', { name: 'Vi phạm', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vi phạm' }).waitFor();
    const plate = page.getByLabel('Biển số', { exact: true });
    await plate.fill('25a 123 45');
    await plate.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('plate') === '25a 123 45');
    await page.getByText('1 vi phạm').waitFor();
    const found = page.getByRole('row').filter({ hasText: '25A-123.45' });
    await found.waitFor();
    const text = (await found.textContent()) ?? '';
    expect(text).toContain('Chạy quá tốc độ trên 20 đến 35 km/h');
    expect(text).toContain('78 / 50 km/h');
    expect(text).toContain('6.000.000 – 8.000.000 đ');
    expect(text).toContain('Camera CAM-QL4D-KM45');
    await plate.fill('');
    await plate.press('Enter');
    await page.getByText('3 vi phạm').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Tải trang này/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vi-pham-\d{4}-\d{2}-\d{2}\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv).toContain('25A-123.45');
    expect(csv).toContain('6.000.000 – 8.000.000 đ');
    await settle(page);
    await screenshot(page, 'enforcement-violations');
    await expectAccessible(page, 'violations');

    // Not a plate: the server's word under the box.
    await plate.fill('khong-phai-bien');
    await plate.press('Enter');
    await page.getByText('Không nhận ra biển số "khong-phai-bien"').waitFor();
    await expectAccessible(page, 'violations (bad plate)');
    await context.close();
  });

  it('a department that is not the police is told why it may not feed camera data', async () => {
    const { context, page } = await newPage(e, PHONE);
    await login(page, 'xaydung');
    await page.goto('/violations/camera-import');
    await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu camera' }).waitFor();
    await upload(page, 'camera.ndjson', event(20));
    await page.getByText('Không có quyền nhập dữ liệu camera').waitFor();
    await page.getByText('Chỉ lực lượng Công an được nhập dữ liệu').waitFor();
    await expectAccessible(page, 'camera import refused (phone)');
    await context.close();
  });

  it('the police record a patrol violation with personal data; the office sees it masked', async () => {
    const police = await newPage(e, DESKTOP);
    await login(police.page, 'congan');
    const units = await apiGet<{ items: { id: number; name: string }[] }>(
      police.page,
      '/api/v1/directory/org-units?pageSize=100',
    );
    const sxd = units.items.find((u) => u.name === 'Sở Xây dựng');
    expect(sxd).toBeDefined();
    const created = await apiPost<{ id: number; personName: string }>(police.page, '/api/v1/violations', {
      typeCode: 'alcohol_1',
      occurredAt: anHourAgo(),
      place: 'Ngã ba Tam Đường',
      plate: '25-B1 111.11',
      vehicleType: 'motorbike',
      personName: 'Lò Văn Pản',
      personOrgUnitId: sxd?.id,
      fineVnd: 2_000_000,
    });
    expect(created.status).toBe(201);
    await police.context.close();

    const { context, page } = await newPage(e, PHONE);
    await login(page, 'vanphong');
    // The demo province has its own violations: find this one by its plate.
    await page.goto(`/violations?plate=${encodeURIComponent('25-B1 111.11')}`);
    await page.getByRole('heading', { level: 1, name: 'Vi phạm' }).waitFor();
    await page.getByText('1 vi phạm').waitFor();
    const row = page.getByRole('row').filter({ hasText: '25-B1 111.11' });
    await row.getByText('Lò V. P.').waitFor();
    await row.getByRole('button', { name: /đã che/ }).waitFor();
    expect(await row.textContent()).toContain('2.000.000 đ');
    await page.getByText('Tên người vi phạm đã được che bớt').waitFor();
    await settle(page);
    await screenshot(page, 'enforcement-violations-phone');
    await expectAccessible(page, 'violations (office, phone, masked)');
    await page.goto('/violations/camera-import');
    await page.getByText('403').first().waitFor();
    await context.close();
  });

  it('statistics, notices to units and a campaign with its daily tally', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'vanphong');

    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê vi phạm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê vi phạm' }).waitFor();
    await page.getByText(/^[\d.]+ vi phạm từ /).waitFor();
    await settle(page);
    await screenshot(page, 'enforcement-stats');
    await expectAccessible(page, 'violation statistics');

    await page.goto(`/violations/unit-notices?month=${thisMonth()}`);
    await page.getByRole('heading', { level: 1, name: 'Thông báo về đơn vị' }).waitFor();
    await page.getByRole('button', { name: 'Xem danh sách của Sở Xây dựng' }).click();
    await page.locator('#enf-unit-list').waitFor();
    await page.getByRole('cell', { name: 'Lò V. P.' }).waitFor();
    await settle(page);
    await screenshot(page, 'enforcement-unit-notices');
    await expectAccessible(page, 'notices to units');

    // A campaign (set up through the API), then the day's tally through its form.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    // Three days back: after the demo's history ends, so only this test's violation falls in it.
    const threeDaysAgo = new Date(Date.now() + 7 * 3600_000 - 3 * 86_400_000).toISOString().slice(0, 10);
    const campaign = await apiPost<{ id: number }>(page, '/api/v1/patrol-campaigns', {
      name: 'Cao điểm nồng độ cồn cuối năm',
      from: threeDaysAgo,
      to: today,
      focus: ['alcohol_1', 'speed_20_35'],
      forces: 'Phòng CSGT, Công an các huyện',
    });
    expect(campaign.status).toBe(201);
    await page.goto('/violations/campaigns');
    await page.getByRole('link', { name: 'Cao điểm nồng độ cồn cuối năm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cao điểm nồng độ cồn cuối năm' }).waitFor();
    await page.getByRole('button', { name: 'Nhập kết quả ngày' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Số trường hợp').first().fill('12');
    await dialog.getByLabel('Tiền phạt (đ)').first().fill('24000000');
    await dialog.getByLabel('Số trường hợp').nth(1).fill('5');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const tallies = page
      .locator('#enf-campaign-tallies')
      .locator('xpath=ancestor::div[contains(@class,"ant-card")]');
    await tallies.getByRole('cell', { name: '24.000.000 đ' }).waitFor();
    const alcohol = page.getByRole('row').filter({ hasText: 'Nồng độ cồn mức 1' }).first();
    expect(await alcohol.textContent()).toContain('13'); // 12 by hand + 1 recorded
    await settle(page);
    await screenshot(page, 'enforcement-campaign');
    await expectAccessible(page, 'campaign');
    await context.close();
  });
});
