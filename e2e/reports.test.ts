import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, login, newPage, PHONE, screenshot, startE2E } from './support.ts';

/** The README's screenshots of this capability are taken at this size. */
const SCREEN = { width: 1366, height: 800 };
const YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
const TITLE = `Báo cáo công tác bảo đảm TTATGT quý (kiểm thử ${YEAR})`;
const RESULTS = 'Tổ chức 12 buổi tuyên truyền Luật Trật tự, an toàn giao thông đường bộ tại các thôn, bản.';
const OFFLINE_TEXT = 'Mất điện cả buổi chiều, một số thôn chưa tổng hợp kịp số liệu.';
const EDITED = 'Đoạn văn do Văn phòng Ban ATGT tỉnh biên tập lại trước khi trình ký.';

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

/** A JSON request with the session's CSRF token (as the web app sends it). */
async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: unknown,
): Promise<T> {
  const csrf = (await (await page.request.get('/api/v1/auth/csrf')).json()) as { token: string };
  const res = await page.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': csrf.token },
    data,
  });
  expect(res.ok(), `${method} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** The form and the quarterly schedule this test reports on (made through the API, as the office would). */
async function setUpSchedule(office: Page, unitIds: number[]): Promise<number> {
  const form = await apiCall<{ id: number }>(office, 'POST', '/report-forms', {
    code: `e2e_quy_${Date.now()}`,
    name: 'Báo cáo công tác bảo đảm TTATGT quý',
    description: 'Mẫu dùng cho kiểm thử giao diện',
    definition: {
      indicators: [
        {
          code: 'tuyen_truyen',
          label: 'Số buổi tuyên truyền',
          unit: 'buổi',
          kind: 'integer',
          required: true,
          group: 'Công tác tuyên truyền',
        },
        {
          code: 'nguoi_nghe',
          label: 'Số lượt người nghe',
          unit: 'lượt',
          kind: 'integer',
          required: false,
          group: 'Công tác tuyên truyền',
        },
        {
          code: 'vi_pham',
          label: 'Số trường hợp vi phạm được nhắc nhở',
          unit: 'trường hợp',
          kind: 'integer',
          required: true,
          group: 'Tuần tra, kiểm soát',
        },
      ],
      sections: [
        { code: 'ket_qua', title: 'Kết quả thực hiện', hint: 'Các việc đã làm trong quý', required: true },
        { code: 'ton_tai', title: 'Tồn tại, hạn chế', required: false },
      ],
      tables: [],
      rules: [],
    },
  });
  const schedule = await apiCall<{ id: number }>(office, 'POST', '/report-schedules', {
    formId: form.id,
    title: TITLE,
    kind: 'periodic',
    frequency: 'quarter',
    year: YEAR,
    cutoffDay: 14,
    dueOffsetDays: 0,
    unitIds,
  });
  return schedule.id;
}

describe('the reporting regime in a real browser', () => {
  let commune: { context: BrowserContext; page: Page };
  let submissionPath = '';
  let periodKey = '';
  let scheduleId = 0;

  it('the office sets up a quarterly report for the police and a commune', async () => {
    commune = await newPage(e, PHONE);
    await login(commune.page, 'xa.binhlu');
    const me = (await (await commune.page.request.get('/api/v1/auth/me')).json()) as {
      user: { orgUnit: { id: number } | null };
    };
    expect(me.user.orgUnit).not.toBeNull();

    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');
    const units = await apiCall<{ items: { id: number; code: string }[] }>(
      page,
      'GET',
      '/directory/org-units?q=C%C3%B4ng%20an&pageSize=50',
    );
    const police = units.items.find((u) => u.code === 'CA');
    expect(police).toBeDefined();
    scheduleId = await setUpSchedule(page, [police!.id, me.user.orgUnit!.id]);

    // The schedule is listed with its two units; the pages of forms and schedules pass axe.
    await page.goto('/reports/schedules');
    await page.getByRole('heading', { level: 1, name: 'Lịch báo cáo' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Hằng quý');
    await settle(page);
    await expectAccessible(page, 'schedules');
    await page.getByRole('button', { name: 'Thêm lịch báo cáo' }).click();
    await page.getByRole('dialog').getByText('Ngày chốt số liệu', { exact: true }).waitFor();
    await settle(page);
    await expectAccessible(page, 'new schedule dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();

    await page.goto('/reports/forms');
    await page.getByRole('heading', { level: 1, name: 'Biểu mẫu báo cáo' }).waitFor();
    await page.getByRole('link', { name: 'Báo cáo công tác bảo đảm TTATGT quý' }).first().click();
    await page.waitForURL(/\/reports\/forms\/\d+$/);
    await page.getByRole('heading', { level: 3, name: 'Chỉ tiêu 3' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'form editor');
    await context.close();
  });

  it('the commune officer fills the quarterly report on her phone; a power cut loses nothing', async () => {
    const { page, context } = commune;
    await page.goto('/');
    await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
    await page
      .getByRole('dialog', { name: 'Menu' })
      .getByRole('link', { name: 'Báo cáo của đơn vị', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    const start = page
      .getByRole('button', { name: new RegExp(`^Lập báo cáo: ${escapeRegExp(TITLE)}, `) })
      .first();
    await start.waitFor();
    await settle(page);
    await expectAccessible(page, 'my reports (phone)');
    await screenshot(page, 'reports-mine');

    // Starting the report saves an empty draft and opens the form.
    await start.click();
    await page.waitForURL(/\/reports\/submissions\/\d+$/);
    submissionPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByLabel(/^Số buổi tuyên truyền/).fill('12');
    await page.getByLabel(/^Số lượt người nghe/).fill('1500');
    await page.getByLabel(/^Kết quả thực hiện/).fill(RESULTS);
    await expect(page.getByLabel(/^Số lượt người nghe/).inputValue()).resolves.toBe('1.500');
    await page.getByTestId('save-state').filter({ hasText: 'Đã lưu nháp lúc' }).waitFor();

    // The draft is on the server: a reload shows it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect(page.getByLabel(/^Số buổi tuyên truyền/).inputValue()).resolves.toBe('12');
    await expect(page.getByLabel(/^Kết quả thực hiện/).inputValue()).resolves.toBe(RESULTS);

    // The power cuts (no network) while she types; she closes the page.
    await context.setOffline(true);
    await page.getByLabel(/^Tồn tại, hạn chế/).fill(OFFLINE_TEXT);
    await page.getByTestId('save-state').filter({ hasText: 'Mất kết nối' }).waitFor();
    await page.close();
    await context.setOffline(false);

    // Back on line, the form restores what she typed and saves it.
    const again = await context.newPage();
    await again.goto(submissionPath);
    await again.getByText(/Đã khôi phục các thay đổi chưa lưu trên máy này/).waitFor();
    await expect(again.getByLabel(/^Tồn tại, hạn chế/).inputValue()).resolves.toBe(OFFLINE_TEXT);
    await again.getByTestId('save-state').filter({ hasText: 'Đã lưu nháp lúc' }).waitFor();
    await settle(again);
    await expectAccessible(again, 'report form (phone)');
    await screenshot(again, 'reports-form');

    // Sending with a required figure missing: the problem is shown next to the field.
    await again.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await again.getByText('Báo cáo còn thiếu hoặc sai số liệu, chưa gửi được.').waitFor();
    const missing = 'Chưa nhập "Số trường hợp vi phạm được nhắc nhở".';
    await expect(again.getByText(missing).count()).resolves.toBeGreaterThanOrEqual(2); // the list and the field
    await again.getByLabel(/^Số trường hợp vi phạm được nhắc nhở/).fill('4');
    await again.getByText(missing).first().waitFor({ state: 'detached' });

    await again.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await again.getByRole('dialog').getByRole('button', { name: 'Gửi', exact: true }).click();
    await again.getByText('Đã gửi báo cáo.').waitFor();
    await again.getByText(/Báo cáo đã gửi lúc .* nên không sửa được/).waitFor();
    await expect(
      again.locator('main').getByText('Đã gửi', { exact: true }).first().isVisible(),
    ).resolves.toBe(true);
    const sub = (await (
      await again.request.get(
        `/api/v1${submissionPath.replace('/reports/submissions/', '/report-submissions/')}`,
      )
    ).json()) as {
      status: string;
      period: { key: string };
      values: { indicators: Record<string, number>; sections: Record<string, string> };
    };
    expect(sub.status).toBe('submitted');
    expect(sub.values.indicators).toMatchObject({ tuyen_truyen: 12, nguoi_nghe: 1500, vi_pham: 4 });
    expect(sub.values.sections.ton_tai).toBe(OFFLINE_TEXT);
    periodKey = sub.period.key;
    await context.close();
  });

  it('the police see their own report due', async () => {
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'congan');
    await page.goto('/reports');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của đơn vị' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TITLE }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Công an tỉnh');
    await expect(row.textContent()).resolves.toContain('Chưa lập');
    await settle(page);
    await expectAccessible(page, 'my reports (police)');
    await context.close();
  });

  it('the office sees the report on the board, accepts it, and drafts the review report from the data', async () => {
    expect(periodKey).not.toBe('');
    const { page, context } = await newPage(e, SCREEN);
    await login(page, 'vanphong');

    await page.getByRole('navigation').getByRole('link', { name: 'Theo dõi nộp báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi nộp báo cáo' }).waitFor();
    await page.goto(`/reports/board?scheduleId=${scheduleId}&period=${periodKey}`);
    const communeRow = page.getByRole('row').filter({ hasText: 'Ban ATGT xã Bình Lư' });
    await communeRow.waitFor();
    await expect(communeRow.textContent()).resolves.toContain('Đã gửi');
    await expect(page.getByTestId('count-expected').textContent()).resolves.toBe('2');
    await settle(page);
    await expectAccessible(page, 'board');
    await screenshot(page, 'reports-board');

    // The unit's history over the year, in a drawer.
    await communeRow.getByRole('link', { name: /Ban ATGT xã Bình Lư: xem các kỳ báo cáo/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(/Ban ATGT xã Bình Lư — các kỳ báo cáo năm/).waitFor();
    await settle(page);
    await expectAccessible(page, 'unit history');
    await drawer.getByRole('button', { name: 'Đóng' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Review and accept it.
    await communeRow.getByRole('link', { name: 'Xem và duyệt: báo cáo của Ban ATGT xã Bình Lư' }).click();
    await page.waitForURL(/\/reports\/submissions\/\d+$/);
    await page.getByText(RESULTS).waitFor();
    await settle(page);
    await expectAccessible(page, 'submitted report (office)');
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Đã duyệt báo cáo.').waitFor();
    await page.getByText(/Báo cáo đã được duyệt nên không sửa được/).waitFor();
    await page.getByRole('link', { name: 'Về bảng theo dõi nộp báo cáo' }).click();
    await page.getByTestId('count-accepted').filter({ hasText: '1' }).waitFor();

    // The consolidated figures of the period.
    await page.getByRole('button', { name: 'Số liệu tổng hợp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Số liệu tổng hợp' }).waitFor();
    const indicator = page.getByRole('row').filter({ hasText: 'Số buổi tuyên truyền' });
    await indicator.waitFor();
    await expect(indicator.textContent()).resolves.toContain('12');
    await expect(page.getByTestId('crash-sentence').textContent()).resolves.toMatch(/TNGT/);
    await page.getByText(RESULTS).waitFor();
    await settle(page);
    await expectAccessible(page, 'consolidation');
    await screenshot(page, 'reports-consolidation');

    // The draft review report, edited and saved.
    await page.getByRole('button', { name: 'Tạo dự thảo báo cáo sơ kết' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const paragraph = page.getByRole('textbox', { name: /^Mục I, đoạn \d+$/ }).first();
    await paragraph.waitFor();
    const label = (await paragraph.getAttribute('id')) ?? '';
    await paragraph.fill(EDITED);
    await page.getByText('Có thay đổi chưa lưu (đã giữ trên máy này).').waitFor();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu thay đổi.').waitFor();
    await page.getByText('Đã lưu mọi thay đổi.').waitFor();
    await page.reload();
    await expect(page.locator(`#${label}`).inputValue()).resolves.toBe(EDITED);
    await settle(page);
    await expectAccessible(page, 'review editor');
    await screenshot(page, 'reports-review');

    // Word, ready to send for signature.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString()).toBe('PK'); // a ZIP, as DOCX is
    expect(file.length).toBeGreaterThan(2000);

    await page.goto('/reviews');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sơ kết, tổng kết' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Dự thảo' }).first().waitFor();
    await settle(page);
    await expectAccessible(page, 'review reports');
    await context.close();
  });

  it('works on a phone: the commune officer finds her reports from the home page', async () => {
    const { page, context } = await newPage(e, PHONE);
    await login(page, 'xa.binhlu');
    await page.getByRole('heading', { level: 2, name: 'Báo cáo đến hạn' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'home (phone)');
    await page.goto('/reports?state=all');
    const sent = page.getByRole('listitem').filter({ hasText: TITLE }).filter({ hasText: 'Đã duyệt' });
    await sent.first().waitFor();
    await sent
      .first()
      .getByRole('button', { name: /^Xem: / })
      .click();
    await page.waitForURL(/\/reports\/submissions\/\d+$/);
    await page.getByText(/Báo cáo đã được duyệt nên không sửa được/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Lịch sử báo cáo' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'accepted report (phone)');
    await context.close();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
