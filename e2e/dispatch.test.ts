/**
 * The dispatch board in a real browser (journey 3, Bác sĩ Hoa): a citizen's report reaches the open
 * board live, the 115 centre sends the nearest health facility and logs the response, the police make
 * the crash record, the KPI shows the share reached within 30 minutes, and a department that is not a
 * responder sees neither the menu nor the board.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, login, newPage, PHONE, screenshot, startE2E } from './support.ts';

/** The README's screenshots of this capability are taken at this size. */
const SCREEN = { width: 1366, height: 860 };
const PLACE = 'Dốc Pa Khóa, Sìn Hồ';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(200);
}

/** Now in Asia/Ho_Chi_Minh with its offset, as the phone would send it. */
function vietnamNow(): string {
  return `${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** A citizen's report, through the public API (multipart, as the /bao-tin page sends it). */
async function postReport(): Promise<{ status: number; trackingCode: string }> {
  const now = vietnamNow();
  const report = {
    clientId: randomUUID(),
    occurredAt: now,
    createdAt: now,
    location: { lat: 22.3561, lon: 103.2443, accuracyM: 25, source: 'gps' },
    placeText: PLACE,
    victims: 2,
    trapped: 1,
    vehicles: ['motorbike'],
    phone: '0912 345 678',
    phoneConsent: true,
    description: 'Xe máy lao xuống taluy, 1 người mắc kẹt.',
    photoMeta: [],
  };
  const form = new FormData();
  form.set('report', JSON.stringify(report));
  const res = await fetch(`${e.server.url}/api/v1/public/incident-reports`, { method: 'POST', body: form });
  const body = (await res.json()) as { trackingCode: string };
  return { status: res.status, trackingCode: body.trackingCode };
}

/** The current minute in Asia/Ho_Chi_Minh as dd/mm/yyyy HH:mm. */
function vietnamMinute(): string {
  const [date, time] = new Date(Date.now() + 7 * 3600_000).toISOString().split('T') as [string, string];
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time.slice(0, 5)}`;
}

/**
 * Clicks a next-step button, confirms the dialog and waits for the new status; `at` (dd/mm/yyyy HH:mm)
 * logs the step at that time, as when the crew reported it by radio.
 */
async function step(page: Page, button: string, status: string, at?: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (at) {
    const input = dialog.getByLabel('Thời điểm thực tế', { exact: true });
    await input.click();
    await input.fill(at);
    // Enter takes the typed time and, as in every form of the app, submits the dialog.
    await input.press('Enter');
  } else await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText(`Đã cập nhật: ${status}.`).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

let incidentPath = '';

describe('dispatch board in a real browser', () => {
  it('the 115 centre sees a new report live, sends the nearest health facility and logs the response', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'capcuu');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Điều phối ứng cứu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Điều phối ứng cứu' }).waitFor();
    await page.getByTestId('live-indicator').getByText('Trực tiếp', { exact: true }).waitFor();
    await page.locator('main table tbody tr.ant-table-row').first().waitFor();
    await expect(page.getByText(PLACE).count()).resolves.toBe(0);

    // A citizen reports a crash: the board shows it within 2 s, without a reload, with a banner.
    const posted = await postReport();
    expect(posted.status).toBe(201);
    const row = page.locator('main table tbody tr.ant-table-row').filter({ hasText: PLACE });
    await row.waitFor({ timeout: 2000 });
    await page
      .getByTestId('incident-news')
      .getByText(/Có tin báo sự cố mới lúc/)
      .waitFor();
    await expect(row.textContent()).resolves.toContain('1 người mắc kẹt');
    await expect(row.getByTestId('incident-clock').textContent()).resolves.toMatch(/^0\d:\d\d/);
    await page.locator('section.base-map').waitFor();
    await settle(page);
    await expectAccessible(page, 'dispatch board');
    await screenshot(page, 'dispatch-board');

    // Open it.
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/dispatch\/\d+$/);
    incidentPath = new URL(page.url()).pathname;
    const id = Number(incidentPath.split('/').at(-1));
    await page.getByRole('heading', { level: 1, name: /^Sự cố / }).waitFor();
    await page.getByRole('link', { name: '0912345678' }).first().waitFor();
    await expect(page.getByRole('link', { name: '0912345678' }).first().getAttribute('href')).resolves.toBe(
      'tel:0912345678',
    );

    // The nearest health facility: sent with one click.
    const detail = (await (await page.request.get(`/api/v1/incidents/${id}`)).json()) as {
      nearest: { id: number; name: string; group: string; distanceKm: number }[];
    };
    const health = detail.nearest
      .filter((f) => f.group === 'health')
      .sort((a, b) => a.distanceKm - b.distanceKm)[0];
    expect(health).toBeTruthy();
    await page.getByRole('button', { name: `Điều động ${health!.name}` }).click();
    await page.getByText(`Đã điều động ${health!.name}.`).first().waitFor();
    const assignments = page.locator('section[aria-labelledby="inc-assignments"]');
    await assignments.getByText(health!.name).waitFor();

    // On scene, victims transported, closed.
    await step(page, 'Đã tới hiện trường', 'Đã tới hiện trường');
    await settle(page);
    await expectAccessible(page, 'incident detail');
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, {
      timeout: 10_000,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dispatch-incident');
    const transportedAt = vietnamMinute();
    await step(page, 'Đã chuyển nạn nhân', 'Đã chuyển nạn nhân', transportedAt);
    await step(page, 'Kết thúc sự cố', 'Đã kết thúc');

    // The timeline: every step with its time and minutes after the first report.
    const timeline = page.getByTestId('incident-timeline');
    for (const label of [
      'Đã tiếp nhận',
      'Đã điều lực lượng',
      'Đã tới hiện trường',
      'Đã chuyển nạn nhân',
      'Đã kết thúc',
    ])
      await timeline.getByText(label, { exact: true }).waitFor();
    await expect(timeline.getByText(/sau \d+ phút/).count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(timeline.getByText('Chưa thực hiện').count()).resolves.toBe(0);
    await expect(
      timeline.locator('li').filter({ hasText: 'Đã chuyển nạn nhân' }).textContent(),
    ).resolves.toContain(transportedAt);
    // Closed: no more steps, and the response time replaces the running clock.
    await page.getByText('Sự cố đã kết thúc.').waitFor();
    await expect(page.getByTestId('incident-clock').textContent()).resolves.toMatch(/\d+ phút/);
    await context.close();
  });

  it('the police make the crash record from the incident, with the place filled in', async () => {
    expect(incidentPath).not.toBe('');
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'congan');
    await page.goto(incidentPath);
    await page.getByRole('heading', { level: 1, name: /^Sự cố / }).waitFor();
    await page.getByRole('button', { name: 'Tạo hồ sơ vụ TNGT' }).click();
    await page.waitForURL(/\/crashes\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /Vụ TNGT số \d+/ }).waitFor();
    await page.getByText(PLACE).first().waitFor();

    // Back on the incident, the record is linked.
    await page.goto(incidentPath);
    await page
      .getByRole('link', { name: /^Xem hồ sơ vụ TNGT số \d+$/ })
      .first()
      .waitFor();
    await expect(page.getByRole('button', { name: 'Tạo hồ sơ vụ TNGT' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('the KPI shows the share reached within 30 minutes and the communes, worst first', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'capcuu');
    await page.goto('/dispatch/kpi');
    await page.getByRole('heading', { level: 1, name: 'Chỉ số ứng cứu 30 phút' }).waitFor();
    const share = page.getByTestId('kpi-share');
    await share.waitFor();
    await expect(share.textContent()).resolves.toMatch(/\d+,\d %/);
    const communes = page.locator('section[aria-labelledby="kpi-communes"] tbody tr.ant-table-row');
    await communes.first().waitFor();
    expect(await communes.count()).toBeGreaterThan(1);
    // Worst first: the shares never go down the table.
    const shares = (await communes.locator('td:nth-child(4)').allTextContents())
      .filter((s) => /%/.test(s))
      .map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);

    // The Excel file.
    const href = await page.getByRole('link', { name: 'Tải Excel' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/incident-kpi\.xlsx\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}$/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');

    await settle(page);
    await expectAccessible(page, 'response KPI');
    await screenshot(page, 'dispatch-kpi');
    await context.close();
  });

  it('the office keeps the facility registry', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/dispatch/facilities?kind=health_station');
    await page.getByRole('heading', { level: 1, name: 'Cơ sở ứng cứu' }).waitFor();
    await page.locator('main table tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Thêm cơ sở' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Tên cơ sở', { exact: true }).fill('Trạm Y tế bản Pa Khóa');
    await dialog.getByLabel('Loại', { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: /^Trạm y tế xã\/phường$/ })
      .click();
    // The pick is in the field before going on (a loaded machine may still be animating the list).
    await dialog.getByTitle('Trạm y tế xã/phường', { exact: true }).waitFor();
    await dialog.getByLabel('Điện thoại', { exact: true }).fill('0213 3888 111');
    await dialog.getByLabel('Vĩ độ', { exact: true }).fill('22,3570');
    await dialog.getByLabel('Kinh độ', { exact: true }).fill('103,2450');
    await settle(page);
    await expectAccessible(page, 'facility form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const res = await page.request.get('/api/v1/response-facilities?kind=health_station&pageSize=500');
    const list = (await res.json()) as { items: { name: string; lat: number; lon: number; phone: string }[] };
    const added = list.items.find((f) => f.name === 'Trạm Y tế bản Pa Khóa');
    expect(added).toMatchObject({ lat: 22.357, lon: 103.245 });
    await settle(page);
    await expectAccessible(page, 'facility registry');
    await context.close();
  });

  it('on a phone the board is a list of cards', async () => {
    const { page, context } = await newPage(e, PHONE);
    await login(page, 'capcuu');
    await page.goto('/dispatch');
    await page.getByRole('heading', { level: 1, name: 'Điều phối ứng cứu' }).waitFor();
    await page.locator('.inc-card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await settle(page);
    await expectAccessible(page, 'dispatch board on a phone');
    await screenshot(page, 'dispatch-board-phone');
    await context.close();
  });

  it('a department that does not respond sees neither the menu nor the board', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'xaydung');
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Trang chủ' }).waitFor();
    await settle(page);
    await expect(nav.getByText('Ứng cứu', { exact: true }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Điều phối ứng cứu' }).count()).resolves.toBe(0);
    await page.goto('/dispatch');
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    await page.goto('/dispatch/kpi');
    await page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    await context.close();
  });
});
