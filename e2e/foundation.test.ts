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

/** Number of crashes shown in the summary line, e.g. "4.426 vụ, 527 người chết, …" (Vietnamese digits grouping). */
async function shownCrashCount(page: Page): Promise<number> {
  const line = page.getByText(/[\d.]+ vụ, [\d.]+ người chết/);
  await line.waitFor();
  const text = (await line.textContent()) ?? '';
  return Number(/([\d.]+) vụ/.exec(text)![1]!.replaceAll('.', ''));
}

async function apiCrashCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/v1/crashes?pageSize=1');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { summary: { crashes: number } }).summary.crashes;
}

describe('foundation in a real browser', () => {
  it('the committee office and a commune officer see different data', async () => {
    const office = await newPage(e);
    await login(office.page, 'vanphong');
    await office.page.getByRole('link', { name: 'Tai nạn giao thông' }).first().click();
    const officeCount = await shownCrashCount(office.page);
    expect(officeCount).toBe(await apiCrashCount(office.page));
    expect(officeCount).toBeGreaterThan(4000);
    await screenshot(office.page, 'crashes-office');

    const commune = await newPage(e, PHONE);
    await login(commune.page, 'xa.binhlu');
    await commune.page.goto('/crashes');
    const communeCount = await shownCrashCount(commune.page);
    expect(communeCount).toBe(await apiCrashCount(commune.page));
    expect(communeCount).toBeGreaterThan(0);
    expect(communeCount).toBeLessThan(officeCount / 5);
    await expect(commune.page.getByText('Bình Lư').first().isVisible()).resolves.toBe(true);
    await screenshot(commune.page, 'crashes-commune-phone');

    // The office's audit log is closed to a commune officer, in the UI and on the server.
    const audit = await commune.page.request.get('/api/v1/audit');
    expect(audit.status()).toBe(403);
    await office.context.close();
    await commune.context.close();
  });

  it('shows navigation by role: accounts only for the admin, the audit log for admin and office', async () => {
    const visibleLinks = async (page: Page) => {
      const nav = page.getByRole('navigation').first();
      await nav.waitFor();
      return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
    };
    const admin = await newPage(e);
    await login(admin.page, 'admin');
    const adminLinks = await visibleLinks(admin.page);
    expect(adminLinks).toEqual(expect.arrayContaining(['Tài khoản', 'Nhật ký thay đổi', 'Danh sách']));
    const commune = await newPage(e);
    await login(commune.page, 'xa.binhlu');
    const communeLinks = await visibleLinks(commune.page);
    expect(communeLinks).toContain('Danh sách');
    expect(communeLinks).not.toContain('Tài khoản');
    expect(communeLinks).not.toContain('Nhật ký thay đổi');
    await admin.context.close();
    await commune.context.close();
  });

  it('tells the user why a login failed, in Vietnamese', async () => {
    const { page, context } = await newPage(e);
    await page.goto('/login');
    await page.getByLabel('Tên đăng nhập').fill('vanphong');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'mật khẩu không đúng' }).waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('passes axe checks on every page, on a desktop and a phone, and takes the README screenshots', async () => {
    const pages = [
      '/',
      '/directory/admin-units',
      '/directory/org-units',
      '/directory/people',
      '/directory/users',
      '/crashes',
      '/audit',
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      const { page, context } = await newPage(e, viewport);
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').waitFor();
      await expectAccessible(page, `login ${viewport.width}`);
      if (viewport === DESKTOP) await screenshot(page, 'login');
      await login(page, 'admin');
      for (const path of pages) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${path} ${viewport.width}`);
        if (viewport === DESKTOP) await screenshot(page, path === '/' ? 'home' : path.split('/').at(-1)!);
      }
      await context.close();
    }
  });

  it('works by keyboard: the skip link moves focus to the main content', async () => {
    const { page, context } = await newPage(e);
    await login(page, 'vanphong');
    await page.goto('/crashes');
    await page.locator('main h1').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua điều hướng' });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(
      page.evaluate(
        () => document.activeElement?.closest('main') !== null || document.activeElement?.id === 'main',
      ),
    ).resolves.toBe(true);
    await context.close();
  });
});
