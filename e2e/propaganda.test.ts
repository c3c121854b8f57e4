/**
 * Propaganda in a real browser: the office records a session with a photo, finds it again by words typed
 * without diacritics, sees its photo, opens the statistics and downloads them as Excel; a commune officer on
 * a phone starts a session, and the draft survives a reload; the school commitments page.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
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

/** Clicks the visible option of the open antd Select dropdown. */
async function pick(page: Page, option: string): Promise<void> {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: exact })
    .first()
    .click();
}

/** Chooses an option of an antd Select found by its label inside `scope`, typing to filter. */
async function choose(page: Page, label: string, option: string, type?: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  if (type) await input.fill(type);
  await pick(page, option);
}

const TOPIC = 'Tuyên truyền Luật Trật tự, an toàn giao thông cho lái xe khách tuyến liên tỉnh';

describe('propaganda', () => {
  it('the office records a session with a photo, finds it, and downloads the statistics', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'vanphong');
    await page.getByRole('navigation').getByRole('link', { name: 'Hoạt động tuyên truyền' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoạt động tuyên truyền' }).waitFor();
    // The demo province has its history: about 150 sessions.
    await page.getByText(/^\d+ hoạt động$/).waitFor();

    await page.getByRole('button', { name: 'Ghi hoạt động tuyên truyền' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Nội dung tuyên truyền').waitFor();
    await choose(page, 'Đơn vị tổ chức', 'Phòng Cảnh sát giao thông', 'Phòng Cảnh sát');
    await choose(page, 'Hình thức', 'Hội nghị, tọa đàm');
    await drawer.getByLabel('Nội dung tuyên truyền').fill(TOPIC);
    await drawer.getByLabel('Địa điểm').fill('Bến xe khách tỉnh');
    await choose(page, 'Đối tượng', 'Lái xe kinh doanh vận tải', 'Lái xe');
    // The pick is in the field before the list is closed (a slow machine may still be filtering).
    await drawer
      .locator('.ant-select-selection-item', { hasText: 'Lái xe kinh doanh vận tải' })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    await drawer.getByLabel('Nội dung tuyên truyền').waitFor();
    await drawer.getByLabel('Số người tham dự').fill('75');
    await drawer.getByLabel('Số tài liệu đã phát').fill('120');
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#1d4ed8' } })
      .jpeg()
      .toBuffer();
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: 'hoi-nghi-ben-xe.jpg', mimeType: 'image/jpeg', buffer: photo });
    await drawer.locator('.ant-upload-list-item').first().waitFor();
    await drawer.getByRole('button', { name: 'Lưu hoạt động' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByText('Đã ghi hoạt động tuyên truyền.').waitFor();

    // Found again by words typed without diacritics.
    const search = page.getByLabel('Tìm hoạt động tuyên truyền');
    await search.fill('lai xe khach tuyen lien tinh');
    await search.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'lai xe khach tuyen lien tinh');
    await page.getByText('1 hoạt động', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: TOPIC });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Phòng Cảnh sát giao thông');
    expect(text).toContain('Hội nghị, tọa đàm');
    expect(text).toContain('Lái xe kinh doanh vận tải');
    expect(text).toContain('75');
    await settle(page);
    await screenshot(page, 'propaganda-sessions');
    await expectAccessible(page, 'propaganda sessions');

    // The photo is stored and shown again when the session is opened.
    await row.getByRole('button', { name: /^Sửa hoạt động/ }).click();
    const edit = page.getByRole('dialog');
    const thumb = edit.getByRole('img', { name: 'hoi-nghi-ben-xe.jpg' });
    await thumb.waitFor();
    await expect
      .poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 10_000 })
      .toBe(320);
    await settle(page);
    await expectAccessible(page, 'propaganda session form');
    await edit.getByRole('button', { name: 'Hủy' }).click();
    await edit.waitFor({ state: 'hidden' });

    // The statistics of this year, and the same in Excel.
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê tuyên truyền' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thống kê tuyên truyền' }).waitFor();
    await page.getByRole('heading', { name: 'Theo đơn vị' }).first().waitFor();
    const units = page
      .locator('#prop-stats-units')
      .locator('xpath=ancestor::div[contains(@class,"ant-card")]');
    await units.getByRole('cell', { name: 'Phòng Cảnh sát giao thông' }).waitFor();
    await page.getByRole('img', { name: /^Số buổi tuyên truyền theo đơn vị/ }).waitFor();
    await settle(page);
    await screenshot(page, 'propaganda-stats');
    await expectAccessible(page, 'propaganda statistics');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Tải Excel').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Tuyen-truyen-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path()) as string)) as unknown as ArrayBuffer);
    const list = wb.getWorksheet('Danh sách buổi')!;
    const topics: unknown[] = [];
    list.eachRow((r) => {
      topics.push(r.getCell(6).value);
    });
    expect(topics).toContain(TOPIC);
    await context.close();
  });

  it('a commune officer on a phone starts a session; the draft survives a reload', async () => {
    const { context, page } = await newPage(e, PHONE);
    await login(page, 'xa.binhlu');
    await page.goto('/propaganda');
    await page.getByRole('heading', { level: 1, name: 'Hoạt động tuyên truyền' }).waitFor();
    await page.getByRole('button', { name: 'Ghi hoạt động tuyên truyền' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Nội dung tuyên truyền').fill('Phát loa nhắc đội mũ bảo hiểm khi đi chợ phiên');
    await drawer.getByLabel('Địa điểm').fill('Loa truyền thanh bản Hợp 1');
    await page.waitForTimeout(800); // the draft is written 0,4 s after the last key
    await settle(page);
    await screenshot(page, 'propaganda-form-phone');

    await page.reload();
    await page.getByRole('button', { name: 'Ghi hoạt động tuyên truyền' }).click();
    const again = page.getByRole('dialog');
    await again.getByText(/^Đã khôi phục bản nháp/).waitFor();
    await expect(again.getByLabel('Nội dung tuyên truyền').inputValue()).resolves.toBe(
      'Phát loa nhắc đội mũ bảo hiểm khi đi chợ phiên',
    );
    // The commune's own committee is the unit, the commune the place.
    await expect(again.getByText('Ban ATGT xã Bình Lư').first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'propaganda form (phone, draft restored)');
    await again.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    await expect(again.getByLabel('Nội dung tuyên truyền').inputValue()).resolves.toBe('');
    await context.close();
  });

  it('the school commitments page lists the year with its rate', async () => {
    const { context, page } = await newPage(e, PHONE);
    await login(page, 'vanphong');
    await page.goto('/propaganda/commitments');
    await page.getByRole('heading', { level: 1, name: 'Cam kết ba bên về ATGT' }).waitFor();
    await page.getByText(/^\d+ trường, [\d.]+ học sinh, [\d.]+ bản cam kết đã ký \([\d,]+ %\)$/).waitFor();
    await settle(page);
    await screenshot(page, 'propaganda-commitments-phone');
    await expectAccessible(page, 'school commitments (phone)');
    await context.close();
  });
});
