import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, login, newPage, screenshot, startE2E } from './support.ts';

/** The README's screenshots of this capability are taken at this size. */
const SCREEN = { width: 1366, height: 800 };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
}

/** Clicks the visible option of the open antd Select dropdown. */
async function pick(page: Page, option: string | RegExp): Promise<void> {
  const text =
    typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Types a date (dd/mm/yyyy) into an antd date picker found by its label. */
async function typeDate(page: Page, label: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

/** Submits the next-step form and waits for the status it leads to. */
async function step(page: Page, button: string, status: string): Promise<void> {
  await page
    .locator('#spot-next')
    .locator('xpath=ancestor::div[contains(@class,"ant-card")]')
    .getByRole('button', { name: button, exact: true })
    .click();
  await page.getByText(`Đã chuyển sang bước: ${status}.`).first().waitFor();
}

describe('black spots in a real browser', () => {
  it('the office detects black spots in 2025 and walks one from candidate to evaluated', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/black-spots');
    await page.getByRole('heading', { level: 1, name: 'Điểm đen, điểm tiềm ẩn TNGT' }).waitFor();

    // Detection over the demo data of 2025, by km marker and by coordinates.
    await page.getByRole('button', { name: 'Phát hiện điểm đen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await typeDate(page, 'Từ ngày', '01/01/2025');
    await typeDate(page, 'Đến ngày', '31/12/2025');
    await dialog.getByRole('button', { name: 'Chạy phát hiện' }).click();
    const summary = dialog.getByTestId('detect-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/từ 01\/01\/2025 đến 31\/12\/2025/);
    await expect(summary.textContent()).resolves.toMatch(/Tiêu chí:/);
    const rows = dialog.getByRole('table').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    await settle(page);
    await expectAccessible(page, 'detection results');
    await dialog.getByRole('button', { name: 'Lưu vào danh sách' }).click();
    await page.getByText(/Đã lưu \S+ điểm chờ xác nhận\./).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The candidates are in the list.
    await page.goto('/black-spots?status=candidate');
    const first = page.locator('main table tbody tr.ant-table-row').first().getByRole('link').first();
    await first.waitFor();
    await settle(page);
    await expectAccessible(page, 'black spot list');
    await screenshot(page, 'black-spots');

    // Both exports answer with a file (the buttons are plain links to them).
    for (const [format, magic] of [
      ['xlsx', 'PK'],
      ['docx', 'PK'],
    ] as const) {
      const res = await page.request.get(`/api/v1/black-spots/export?format=${format}&status=candidate`);
      expect(res.status()).toBe(200);
      expect((await res.body()).subarray(0, 2).toString()).toBe(magic);
    }
    await expect(page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href')).resolves.toBe(
      '/api/v1/black-spots/export?format=xlsx&status=candidate',
    );

    await first.click();
    await page.waitForURL(/\/black-spots\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').at(-1));
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Điểm số ${id}:`) }).waitFor();
    // The evidence: crashes linked to their records.
    const evidence = page.locator('section[aria-labelledby="spot-evidence"]');
    await evidence.getByRole('link').first().waitFor();
    await expect(evidence.getByRole('link').first().getAttribute('href')).resolves.toMatch(
      /^\/crashes\/\d+$/,
    );

    // Confirm, survey, plan the remedy, mark it remedied, evaluate.
    await step(page, 'Xác nhận', 'Đã xác nhận');
    await typeDate(page, 'Ngày khảo sát', '10/03/2025');
    await page
      .getByLabel('Kết quả khảo sát', { exact: true })
      .fill('Khúc cua tầm nhìn hạn chế, thiếu biển báo và gờ giảm tốc.');
    await step(page, 'Ghi kết quả khảo sát', 'Đã khảo sát');

    // Dates first: Enter in a date field submits the form (here still incomplete, so nothing is sent).
    await typeDate(page, 'Thời hạn hoàn thành', '30/06/2025');
    await page
      .getByLabel('Biện pháp xử lý', { exact: true })
      .fill('Cắm biển cảnh báo, sơn gờ giảm tốc, phát quang tầm nhìn.');
    await page.getByLabel('Kinh phí (đồng)', { exact: true }).fill('250000000');
    const lead = page.getByLabel('Đơn vị chủ trì', { exact: true });
    await lead.click();
    await lead.fill('Sở Xây dựng');
    await pick(page, /Sở Xây dựng/);
    await step(page, 'Lập phương án xử lý', 'Có phương án xử lý');
    const remedy = page.locator('.spot-cards');
    await expect(remedy.textContent()).resolves.toContain('250.000.000 đ');
    await expect(remedy.textContent()).resolves.toContain('Sở Xây dựng');
    await expect(
      remedy.getByRole('link', { name: /^Nhiệm vụ số \d+$/ }).getAttribute('href'),
    ).resolves.toMatch(/^\/tasks\/\d+$/);

    // The only field: Enter in the date field submits the step.
    await typeDate(page, 'Ngày hoàn thành xử lý', '30/06/2025');
    await page.getByText('Đã chuyển sang bước: Đã xử lý.').first().waitFor();
    await step(page, 'Đánh giá hiệu quả', 'Đã đánh giá');

    const api = (await (await page.request.get(`/api/v1/black-spots/${id}`)).json()) as {
      status: string;
      evaluation: { statement: string } | null;
      next: string[];
    };
    expect(api.status).toBe('evaluated');
    expect(api.evaluation?.statement).toBeTruthy();
    await page.getByTestId('spot-evaluation').getByText(api.evaluation!.statement).waitFor();
    await expect(page.locator('#spot-next').count()).resolves.toBe(0);
    await page.locator('section[aria-labelledby="spot-history"]').getByText('Đã đánh giá').first().waitFor();

    await settle(page);
    await expectAccessible(page, 'black spot detail');
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, {
      timeout: 10_000,
    });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'black-spot-detail');
    await context.close();
  });

  it('the office registers an illegal railway crossing by hand', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/black-spots');
    await page.getByRole('button', { name: 'Thêm nguy cơ' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.getByText('Lối đi tự mở qua đường sắt').count()).resolves.toBeGreaterThan(0);
    await dialog
      .getByLabel('Tên, vị trí', { exact: true })
      .fill('Lối đi tự mở qua đường sắt tại thôn Nà Lại');
    await dialog.getByLabel('Vĩ độ', { exact: true }).fill('22.3901');
    await dialog.getByLabel('Kinh độ', { exact: true }).fill('103.4702');
    await settle(page);
    await expectAccessible(page, 'hazard form');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/black-spots\/\d+$/);
    await page
      .getByRole('heading', { level: 1, name: /Lối đi tự mở qua đường sắt tại thôn Nà Lại/ })
      .waitFor();
    await context.close();
  });

  it('the map shows the layers, or a clear message without WebGL', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/black-spots/map?from=2025-01-01&to=2025-12-31');
    await page.getByRole('heading', { level: 1, name: 'Bản đồ điểm đen' }).waitFor();
    await page.getByText(/Vụ TNGT từ 01\/01\/2025 đến 31\/12\/2025/).waitFor();
    await page.getByRole('checkbox', { name: /Điểm đen đã xác nhận/ }).waitFor();
    const map = page.locator('section.crash-map');
    const noWebGL = page.getByText('Trình duyệt này không vẽ được bản đồ (không hỗ trợ WebGL).');
    await Promise.race([map.waitFor(), noWebGL.waitFor()]);
    if (await map.isVisible()) {
      await page.locator('section.crash-map[data-ready]').waitFor();
      await page.locator('.cluster-count').first().waitFor({ timeout: 20_000 });
      // A layer can be switched off.
      await page.getByRole('checkbox', { name: /^Vụ TNGT/ }).uncheck();
      await page.getByRole('checkbox', { name: /^Vụ TNGT/ }).check();
    }
    await settle(page);
    await expectAccessible(page, 'black spot map');
    await screenshot(page, 'black-spots-map');
    await context.close();
  });
});
