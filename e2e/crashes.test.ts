import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, login, newPage, PHONE, screenshot, startE2E } from './support.ts';

/** The README's screenshots of this capability are taken at this size. */
const SCREEN = { width: 1366, height: 800 };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** Waits until the page has settled (lazy chunks, queries) so axe and screenshots see the real page. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

/** A date `days` from today in Asia/Ho_Chi_Minh, as the date pickers take it (dd/mm/yyyy). */
function ddmmyyyy(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Vietnamese number formatting, as the pages show numbers (1.234). */
const vn = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);

/** Clicks the visible option of the open antd Select dropdown (its role="option" list is for screen readers). */
async function pick(page: Page, option: string | RegExp): Promise<void> {
  const text =
    typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Chooses an option of an antd Select found by its label, typing to filter. */
async function choose(page: Page, label: string, option: string | RegExp, type?: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (type) await input.fill(type);
  await pick(page, option);
}

describe('crash database and statistics in a real browser', () => {
  let crashPath = '';

  it('a police officer enters a crash on a phone: the draft survives a reload, the severity is computed', async () => {
    const { page, context } = await newPage(e, PHONE);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 22.371234, longitude: 103.452167, accuracy: 12 });
    await login(page, 'congan');

    await page.goto('/crashes');
    await page.getByRole('button', { name: 'Thêm vụ TNGT' }).click();
    await page.waitForURL(/\/crashes\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Thêm vụ TNGT' }).waitFor();

    // Thời gian, địa điểm: yesterday at 21:30, in Bình Lư, on QL4D at Km 12+300, position from GPS.
    const date = page.getByLabel('Ngày xảy ra');
    await date.click();
    await date.fill(ddmmyyyy(-1));
    await date.press('Enter');
    const time = page.getByLabel('Giờ xảy ra');
    await time.click();
    await time.fill('21:30');
    await time.press('Enter');
    await choose(page, 'Xã, phường', /Bình Lư/, 'Bình Lư');
    await choose(page, 'Tuyến đường', /^QL4D/, 'QL4D');
    await page.getByLabel('Lý trình').fill('km 12 + 3');
    await page.getByLabel('Lý trình').blur();
    await expect(page.getByLabel('Lý trình').inputValue()).resolves.toBe('Km 12+003');
    await page.getByLabel('Lý trình').fill('Km 12+300');
    await page.getByRole('button', { name: 'Lấy vị trí GPS' }).click();
    await page.getByText(/Đã lấy vị trí/).waitFor();
    await expect(page.getByLabel('Vĩ độ').inputValue()).resolves.toBe('22.371234');

    // Phương tiện, nguyên nhân.
    await page.getByLabel('Xe mô tô, xe gắn máy').check();
    await page.getByLabel('Ô tô tải').check();
    await choose(page, 'Nguyên nhân', 'Chạy quá tốc độ quy định');
    await page.keyboard.press('Escape');
    await page
      .getByLabel('Mô tả')
      .fill('Xe máy va chạm xe tải tại khúc cua; người điều khiển xe máy chết tại chỗ.');

    // The draft is kept on the phone: a reload loses nothing.
    await page.waitForTimeout(700);
    await page.reload();
    await page.getByText(/Đã khôi phục bản nháp/).waitFor();
    await expect(page.getByLabel('Mô tả').inputValue()).resolves.toContain('chết tại chỗ');
    await expect(page.getByLabel('Lý trình').inputValue()).resolves.toBe('Km 12+300');

    // Người liên quan: the motorbike rider died at the scene.
    await page.getByRole('button', { name: 'Thêm người liên quan' }).click();
    const person = page.getByRole('group', { name: 'Người thứ 1' });
    await person.waitFor();
    await person.getByLabel('Thương tích').click();
    await pick(page, 'Chết tại chỗ');
    await person.getByLabel('Tuổi').fill('34');
    await person.locator('label').filter({ hasText: /^Nam$/ }).click();
    await person.getByLabel('Phương tiện').click();
    await pick(page, 'Xe mô tô, xe gắn máy');
    // The counts follow the persons, and the severity class is computed for the officer.
    await expect(page.getByLabel('Số người chết').inputValue()).resolves.toBe('1');
    await page.locator('.severity-preview').getByText('Nghiêm trọng', { exact: true }).waitFor();

    await settle(page);
    await expectAccessible(page, 'crash form (phone)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'crash-form-phone');

    await page.getByRole('button', { name: 'Lưu vụ TNGT' }).click();
    await page.waitForURL(/\/crashes\/\d+$/);
    crashPath = new URL(page.url()).pathname;
    const id = crashPath.split('/').at(-1)!;
    await page.getByRole('heading', { level: 1, name: `Vụ TNGT số ${id}` }).waitFor();
    const outcome = page.locator('.crash-figures');
    await expect(outcome.textContent()).resolves.toContain('Nghiêm trọng');
    await expect(outcome.textContent()).resolves.toContain('Thông tư 26/2024/TT-BCA');
    const persons = page.getByRole('table').filter({ hasText: 'Chết tại chỗ' });
    await expect(persons.getByRole('row').count()).resolves.toBe(2);
    await expect(page.locator('main').textContent()).resolves.toContain('Km 12+300');
    await expect(page.locator('main').textContent()).resolves.toContain('Bình Lư');
    await page.locator('section[aria-labelledby="crash-history"]').getByText('Tạo mới').waitFor();

    // The draft was cleared once saved.
    await page.goto('/crashes/new');
    await page.getByRole('heading', { level: 1, name: 'Thêm vụ TNGT' }).waitFor();
    await expect(page.getByText(/Đã khôi phục bản nháp/).count()).resolves.toBe(0);

    await page.goto(crashPath);
    await page.getByRole('heading', { level: 1, name: `Vụ TNGT số ${id}` }).waitFor();
    await settle(page);
    await expectAccessible(page, 'crash detail (phone)');
    await context.close();
  });

  it('the office sees the crash with its likely duplicate and merges them; the history shows it', async () => {
    expect(crashPath).not.toBe('');
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    const policeId = Number(crashPath.split('/').at(-1));

    // The same crash, reported again by the hospital a few minutes later.
    const police = (await (await page.request.get(`/api/v1${crashPath}`)).json()) as {
      occurredAt: string;
      adminUnitId: string;
      roadId: number;
      lat: number;
      lon: number;
    };
    const csrf = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
    const res = await page.request.post('/api/v1/crashes', {
      headers: { 'x-csrf-token': csrf.token },
      data: {
        occurredAt: new Date(Date.parse(police.occurredAt) + 10 * 60_000)
          .toISOString()
          .replace('Z', '+00:00'),
        adminUnitId: police.adminUnitId,
        roadId: police.roadId,
        kmMarker: 'Km 12+250',
        lat: police.lat + 0.0003,
        lon: police.lon,
        deaths: 1,
        injured: 0,
        vehicles: ['motorbike'],
        source: 'health',
      },
    });
    expect(res.status()).toBe(201);
    const healthId = ((await res.json()) as { id: number }).id;

    await page.goto(`/crashes/${healthId}`);
    await page.getByRole('heading', { level: 1, name: `Vụ TNGT số ${healthId}` }).waitFor();
    const dupes = page.locator('section[aria-labelledby="crash-duplicates"]');
    const row = dupes.getByRole('row').filter({ hasText: `Vụ TNGT số ${policeId}` });
    await row.waitFor();
    await settle(page);
    await expectAccessible(page, 'crash detail with duplicates');
    await row.getByRole('button', { name: `Gộp vào vụ này (gộp vụ số ${policeId})` }).click();
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await page.getByText(`Đã gộp vụ số ${policeId} vào vụ số ${healthId}.`).waitFor();
    await page.locator('section[aria-labelledby="crash-history"]').getByText('Nhận gộp vụ trùng').waitFor();
    // The persons moved over to the record kept.
    await page.getByRole('table').filter({ hasText: 'Chết tại chỗ' }).waitFor();

    // A correction: the office verifies the record kept; the history shows the change.
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.waitForURL(/\/edit$/);
    await page.getByRole('heading', { level: 1, name: `Sửa vụ TNGT số ${healthId}` }).waitFor();
    await page.getByLabel('Đã xác minh').check();
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(new RegExp(`/crashes/${healthId}$`));
    const history = page.locator('section[aria-labelledby="crash-history"]');
    const edit = history.locator('li.history-item').filter({ hasText: 'Sửa' }).first();
    await edit.waitFor();
    await expect(edit.textContent()).resolves.toMatch(/Xác minh: Không.*Có/);

    // The merged record says where it went.
    await page.goto(crashPath);
    await page.getByText('Vụ này là bản ghi trùng, đã được gộp vào').waitFor();
    await context.close();
  });

  it('the office reads the statistics of 2025: the figures are those of the API, and Excel exports', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê TNGT' }).waitFor();

    // Choose the year 2025 with the period picker.
    await page.getByRole('combobox', { name: 'Loại kỳ' }).click();
    await pick(page, 'Năm');
    await page.getByRole('combobox', { name: 'Năm', exact: true }).click();
    await pick(page, 'Năm 2025');
    await page.waitForURL(/period=year%3A2025|period=year:2025/);

    const api = (await (
      await page.request.get('/api/v1/crash-stats?period=year:2025&by=commune&verified=true')
    ).json()) as {
      sentence: string;
      total: { current: Record<string, number>; previous: Record<string, number> };
      rows: { label: string; current: Record<string, number>; previous: Record<string, number> }[];
    };
    expect(api.total.current.crashes).toBeGreaterThan(500);

    await page.getByTestId('stats-sentence').getByText(api.sentence).waitFor();
    for (const k of ['crashes', 'deaths', 'injured']) {
      await expect(page.getByTestId(`kpi-${k}`).textContent()).resolves.toBe(vn(api.total.current[k]!));
      await expect(page.getByTestId(`kpi-${k}-previous`).textContent()).resolves.toBe(
        vn(api.total.previous[k]!),
      );
    }
    // The table: the first rows and the total, as the API gives them.
    const table = page.locator('section[aria-labelledby="stats-table"] table');
    for (const r of api.rows.slice(0, 3)) {
      const cells = await table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: r.label, exact: true }) })
        .first()
        .getByRole('cell')
        .allTextContents();
      expect(cells[1]).toBe(vn(r.current.crashes!));
      expect(cells[2]).toBe(vn(r.previous.crashes!));
      expect(cells[4]).toBe(vn(r.current.deaths!));
      expect(cells[7]).toBe(vn(r.current.injured!));
    }
    const total = await table.locator('.stats-total-row td').allTextContents();
    expect(total[0]).toBe('Tổng cộng');
    expect(total[1]).toBe(vn(api.total.current.crashes!));
    expect(total[4]).toBe(vn(api.total.current.deaths!));
    expect(total[7]).toBe(vn(api.total.current.injured!));

    await page.locator('section[aria-labelledby="stats-targets"] .target-card').first().waitFor();
    await settle(page);
    await expectAccessible(page, 'stats');
    await page.getByRole('heading', { level: 1, name: 'Thống kê TNGT' }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'crash-stats');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Thong-ke-TNGT-2025-01-01-2025-12-31.xlsx');
    expect(
      readFileSync(await download.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // The hour × weekday breakdown draws a heat map.
    await page.getByRole('combobox', { name: 'Thống kê theo' }).click();
    await pick(page, 'Giờ và ngày trong tuần');
    await page.getByRole('img', { name: /Biểu đồ nhiệt/ }).waitFor();
    await settle(page);
    await expectAccessible(page, 'stats by hour and weekday');
    await context.close();
  });

  it('the map shows the crashes when the browser can draw it, and a clear message when it cannot', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/crashes/map?from=2025-01-01&to=2025-12-31');
    await page.getByRole('heading', { level: 1, name: 'Bản đồ TNGT' }).waitFor();
    await page.getByText(/vụ có tọa độ từ 01\/01\/2025 đến 31\/12\/2025/).waitFor();
    const map = page.locator('section.crash-map');
    const noWebGL = page.getByText('Trình duyệt này không vẽ được bản đồ (không hỗ trợ WebGL).');
    await Promise.race([map.waitFor(), noWebGL.waitFor()]);
    if (await map.isVisible()) {
      await page.locator('section.crash-map[data-ready]').waitFor();
      await page.locator('.cluster-count').first().waitFor({ timeout: 20_000 });
      await settle(page);
      await screenshot(page, 'crash-map');
    }
    await expectAccessible(page, 'map');
    await context.close();
  });

  it('the office imports the template file: preview, then import', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/crashes/import');
    await page.getByRole('heading', { level: 1, name: 'Nhập dữ liệu TNGT' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải mẫu' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Mau-nhap-TNGT.xlsx');
    const file = await download.path();

    await page
      .locator('section, .ant-card')
      .filter({ hasText: '1. Chọn tệp' })
      .locator('input[type=file]')
      .first()
      .setInputFiles({
        name: 'Mau-nhap-TNGT.xlsx',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(file),
      });
    await page.getByText('1 dòng dữ liệu').waitFor();
    await page.getByText('0 lỗi').waitFor();
    await page.mouse.move(0, 0);
    await settle(page);
    await expectAccessible(page, 'import preview');
    await page.getByRole('button', { name: 'Nhập 1 vụ' }).click();
    await page.getByText('Đã nhập 1 vụ TNGT.').first().waitFor();
    await context.close();
  });
});
