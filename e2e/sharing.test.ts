/**
 * Data sharing in a real browser: the admin issues a key to a partner's system that may read black spots only;
 * the key is shown once; with it the partner reads black spots and is refused crashes; the call is in the
 * client's log; revoking the key shuts the partner out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, expectAccessible, login, newPage, screenshot, startE2E } from './support.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const NAME = 'Sở Xây dựng — hệ thống quản lý kết cấu hạ tầng giao thông';

describe('data sharing', () => {
  it('the admin issues a scoped key; the partner reads only its scope; revoking shuts it out', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'admin');
    await page.goto('/sharing/clients');
    await page.getByRole('heading', { level: 1, name: 'Chia sẻ dữ liệu — ứng dụng đối tác' }).waitFor();

    await page.getByRole('button', { name: 'Cấp khóa cho ứng dụng' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Tên ứng dụng').fill(NAME);
    await drawer.getByRole('checkbox', { name: /Đọc điểm đen/ }).check();
    await drawer.getByRole('button', { name: 'Cấp khóa' }).click();

    const modal = page.getByRole('dialog', { name: `Khóa truy cập của ${NAME}` });
    await modal.waitFor();
    const token = (await modal.getByTestId('api-token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^atgt_[A-Za-z0-9_-]{40,}$/);
    await expectAccessible(page, 'token shown once');
    await screenshot(page, 'sharing-token');
    await modal.getByRole('button', { name: 'Tôi đã sao chép khóa' }).click();
    await modal.waitFor({ state: 'hidden' });
    // Shown once: the list only shows the key's first characters.
    const row = page.locator('main table tbody tr.ant-table-row').filter({ hasText: NAME });
    await row.waitFor();
    await expect(row.textContent()).resolves.not.toContain(token);

    // The partner's system, with no session: its scope, and nothing else.
    const partner = await e.browser.newContext({ baseURL: e.server.url });
    const bearer = { authorization: `Bearer ${token}` };
    const spots = await partner.request.get('/api/share/v1/black-spots', { headers: bearer });
    expect(spots.status()).toBe(200);
    expect(((await spots.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const csv = await partner.request.get('/api/share/v1/black-spots.csv', { headers: bearer });
    expect(csv.status()).toBe(200);
    expect((await partner.request.get('/api/share/v1/crashes', { headers: bearer })).status()).toBe(403);

    // The calls are in the client's log.
    await page.reload();
    await row.waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'sharing-clients');
    await row.getByRole('button', { name: `Nhật ký gọi API của ${NAME}` }).click();
    const log = page.getByRole('dialog');
    await log.getByText('/api/share/v1/black-spots.csv').waitFor();
    await log.getByText('/api/share/v1/crashes').first().waitFor();
    await page.keyboard.press('Escape');

    await row.getByRole('button', { name: `Thu hồi khóa của ${NAME}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi khóa truy cập.').waitFor();
    expect((await partner.request.get('/api/share/v1/black-spots', { headers: bearer })).status()).toBe(401);
    await partner.close();
    await context.close();
  });
});
