/**
 * The public transparency page in a real browser, without an account: reached from the login page, the three
 * figures equal the public API's, the black spots are listed, the staff-only pages stay closed; phone width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type E2E, expectAccessible, newPage, PHONE, screenshot, startE2E } from './support.ts';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

describe('public transparency page', () => {
  it('shows the verified figures and the black spots to anyone', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Xem số liệu công khai về trật tự, an toàn giao thông' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Số liệu công khai về trật tự, an toàn giao thông' })
      .waitFor();
    const api = (await (await page.request.get('/api/v1/public/statistics')).json()) as {
      total: { current: { crashes: number; deaths: number; injured: number } };
      sentence: string;
    };
    for (const [title, value] of [
      ['Số vụ', api.total.current.crashes],
      ['Số người chết', api.total.current.deaths],
      ['Số người bị thương', api.total.current.injured],
    ] as const) {
      const card = page
        .locator('.ant-card')
        .filter({ has: page.getByText(title, { exact: true }) })
        .first();
      await expect(card.locator('.ant-statistic-content').textContent()).resolves.toBe(vi(value));
    }
    await page.getByText(api.sentence).waitFor();
    const spots = (await (await page.request.get('/api/v1/public/black-spots')).json()) as {
      features: { properties: { name: string } }[];
    };
    await page.getByText(`Điểm đen (${spots.features.length})`).waitFor();
    if (spots.features[0])
      await page.getByRole('cell', { name: spots.features[0].properties.name }).first().waitFor();
    await page.getByText('Theo xã, phường').waitFor();
    await expectAccessible(page, 'public page');
    await screenshot(page, 'public-page');
    // Still nobody: the staff pages ask for a login.
    const crashes = await page.request.get('/api/v1/crashes');
    expect(crashes.status()).toBe(401);
    await context.close();
  });

  it('reads on a phone', async () => {
    const { context, page } = await newPage(e, PHONE);
    await page.goto('/cong-khai');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.ant-statistic-content').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    await screenshot(page, 'public-page-phone');
    await context.close();
  });
});
