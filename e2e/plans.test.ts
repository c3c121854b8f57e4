import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, login, newPage, PHONE, screenshot, startE2E } from './support.ts';

/** The README's screenshots of this capability are taken at this size. */
const SCREEN = { width: 1366, height: 800 };
const SAMPLE = readFileSync(path.resolve('fixtures', 'plans', 'appendix-sample.tsv'), 'utf8');
const PLAN_NUMBER = '15/KH-UBND';

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

/** Scrolls so that the element sits at the top of the viewport, below the header. */
async function scrollToTop(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (el) window.scrollBy(0, el.getBoundingClientRect().top - 16);
  }, selector);
  await page.waitForTimeout(100);
}

describe('plans and task assignment in a real browser', () => {
  let planPath = '';

  it('the committee office imports the appendix, checks the preview, saves and exports the plan', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');

    await page.getByRole('navigation').getByRole('link', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch' }).waitFor();
    await page.getByLabel('Nội dung phụ lục').fill(SAMPLE);
    await page.getByRole('button', { name: 'Đọc thử' }).click();

    // The preview: item I.3.2 has two joint lead units, both resolved.
    const preview = page.getByRole('table').filter({ hasText: 'I.3.2' }).first();
    const row = preview.getByRole('row').filter({ hasText: 'I.3.2' }).first();
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Công an tỉnh');
    expect(rowText).toContain('Sở Xây dựng');
    expect(rowText).toContain('Quý IV/2025');
    // Sections are shown and the counts are summed up.
    await expect(preview.getByRole('row').filter({ hasText: 'Cứu hộ, cứu nạn' }).count()).resolves.toBe(1);
    await page
      .getByText(/\d+ nhiệm vụ/)
      .first()
      .waitFor();

    // The header is prefilled from the appendix's reference line.
    await expect(page.getByLabel('Số, ký hiệu').inputValue()).resolves.toBe(PLAN_NUMBER);
    await expect(page.getByLabel('Ngày ban hành').inputValue()).resolves.toBe('10/02/2025');

    await settle(page);
    await expectAccessible(page, 'import preview');
    await scrollToTop(page, '#import-preview');
    await screenshot(page, 'plans-import');

    // Confirm the header and save.
    await page.getByLabel('Tên kế hoạch').fill('Kế hoạch bảo đảm trật tự, an toàn giao thông năm 2025');
    await page.getByLabel('Chủ đề').fill('Năm An toàn giao thông 2025');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const save = page.getByRole('button', { name: 'Lưu kế hoạch' });
    await expect(save.isEnabled()).resolves.toBe(true);
    await save.click();

    await page.waitForURL(/\/plans\/\d+$/);
    planPath = new URL(page.url()).pathname;
    await page
      .getByRole('heading', { level: 1, name: 'Kế hoạch bảo đảm trật tự, an toàn giao thông năm 2025' })
      .waitFor();
    // The task tree, with the assignments of each task.
    const tree = page.getByRole('table').filter({ hasText: 'I.3.2' }).first();
    await tree.getByRole('row').filter({ hasText: 'I.3.2' }).first().waitFor();
    const treeRow = (await tree.getByRole('row').filter({ hasText: 'I.3.2' }).first().textContent()) ?? '';
    expect(treeRow).toContain('Công an tỉnh');
    expect(treeRow).toContain('Sở Xây dựng');
    await expect(page.getByText('Giảm 5–10 % số người chết').first().isVisible()).resolves.toBe(true);
    await settle(page);
    await expectAccessible(page, 'plan page');
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await scrollToTop(page, '.ant-tabs');
    await screenshot(page, 'plans-tree');

    // The appendix as Word: a real download with the plan's number in its name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Phu-luc-KH-15-KH-UBND\.docx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK'); // a ZIP, as DOCX is

    await context.close();
  });

  it('the office records a peak campaign, which activates the campaign tasks of the plan', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    await page.goto('/plans/triggers');
    await page.getByRole('heading', { level: 1, name: 'Chỉ đạo, đợt cao điểm' }).waitFor();
    await page.getByLabel('Số văn bản').fill('20/KH-BATGT');
    await page.getByLabel('Kế hoạch', { exact: true }).click();
    await page.getByRole('option', { name: new RegExp(`^${PLAN_NUMBER}`) }).click();
    await page.getByLabel('Thời gian thực hiện').click();
    await page.keyboard.type(ddmmyyyy(-1));
    await page.keyboard.press('Enter');
    await page.keyboard.type(ddmmyyyy(14));
    await page.keyboard.press('Enter');
    await page.getByLabel('Nội dung', { exact: true }).fill('Cao điểm bảo đảm TTATGT dịp cuối năm');
    await page.getByRole('button', { name: 'Ghi nhận và kích hoạt nhiệm vụ' }).click();
    await page.getByText(/Đã ghi nhận; kích hoạt [1-9]\d* phân công/).waitFor();
    await page.getByRole('row').filter({ hasText: 'Cao điểm bảo đảm TTATGT dịp cuối năm' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'triggers');
    await context.close();
  });

  it('the police see the tasks they lead, report progress, and the history shows it', async () => {
    expect(planPath).not.toBe('');
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'congan');

    // The campaign reached the police as a notification; opening it marks it read and follows its link.
    const bell = page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ });
    await bell.click();
    await page.getByRole('menuitem', { name: /Triển khai: Cao điểm bảo đảm TTATGT dịp cuối năm/ }).click();
    await page.waitForURL(/\/tasks\/mine/);
    await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ của đơn vị' }).waitFor();

    const rows = page.getByRole('row').filter({ hasText: `Kế hoạch số ${PLAN_NUMBER}` });
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await settle(page);
    await expectAccessible(page, 'my tasks');
    await screenshot(page, 'tasks-mine');

    // Find the waterway inspection of the new plan and open it.
    await page.getByLabel('Tìm nhiệm vụ').fill('lòng hồ thủy điện');
    await page.getByLabel('Tìm nhiệm vụ').press('Enter');
    await page.waitForURL(/q=/);
    const task = page
      .getByRole('row')
      .filter({ hasText: `Kế hoạch số ${PLAN_NUMBER}` })
      .filter({ hasText: 'I.3.2' })
      .first();
    await task.waitFor();
    await task.getByRole('link').first().click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /^I\.3\.2 / }).waitFor();

    // Report 50 %.
    const report = 'Đã kiểm tra 12 bến thủy nội địa trên lòng hồ; lập biên bản 3 phương tiện.';
    await page.getByLabel('Nội dung đã thực hiện').fill(report);
    await page.getByLabel('Tiến độ (%)').fill('50');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const history = page.locator('section[aria-labelledby="task-history"]');
    await history.getByText(report).waitFor();
    const entry = (await history.locator('li').filter({ hasText: report }).first().textContent()) ?? '';
    expect(entry).toContain('50 %');
    expect(entry).toContain('Công an tỉnh');
    expect(entry).toContain('Đang thực hiện');
    // The assignment shows the new progress too.
    await expect(
      page.getByRole('row').filter({ hasText: 'Công an tỉnh' }).first().textContent(),
    ).resolves.toContain('50 %');
    await settle(page);
    await expectAccessible(page, 'task page');

    // Sở Xây dựng leads the same task; the police may not report for it (the server says so).
    const detail = (await (
      await page.request.get(page.url().replace('/tasks/', '/api/v1/tasks/'))
    ).json()) as {
      assignments: { id: number; orgUnitName: string }[];
    };
    const construction = detail.assignments.find((a) => a.orgUnitName === 'Sở Xây dựng');
    expect(construction).toBeDefined();
    const csrf = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
    const refused = await page.request.post(`/api/v1/assignments/${construction!.id}/progress`, {
      headers: { 'x-csrf-token': csrf.token },
      data: { text: 'x', percent: 10, status: 'in_progress' },
    });
    expect(refused.status()).toBe(403);
    await context.close();
  });

  it('works on a phone: the plan pages pass axe', async () => {
    const { page, context } = await newPage(e, PHONE);
    await login(page, 'congan');
    for (const target of ['/plans', planPath, `${planPath}?tab=timeline`, '/tasks/mine', '/plans/triggers']) {
      await page.goto(target);
      await page.locator('main h1').first().waitFor();
      await settle(page);
      await expectAccessible(page, `${target} phone`);
    }
    await context.close();
  });
});
