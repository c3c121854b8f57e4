/**
 * The command dashboards in a real browser (journey 5, the leader on his tablet before the quarterly meeting;
 * journey 7, the commune officer who sees only her commune): each role opens its own dashboard, the tiles show
 * the figures the API answers, and a tile opens the records behind it, filtered.
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

/** The leader's tablet (iPad Pro, portrait). */
const TABLET = { width: 1024, height: 1366 };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Vietnamese number formatting, as the dashboard shows numbers (1.234). */
const vn = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(n);

/** The crash list's summary line ("Tổng hợp theo bộ lọc: 65 vụ, 4 người chết, …") for this many crashes. */
const summaryLine = (page: Page, crashes: number) =>
  page.locator('.summary-line').filter({ hasText: new RegExp(`: ${vn(crashes).replace('.', '\\.')} vụ,`) });

async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await (await fetch(p)).json()) as unknown, path) as Promise<T>;
}

interface Link {
  to: string;
  search: Record<string, string | number | boolean>;
}
interface Tile {
  key: string;
  current: number;
  link: Link;
}

const tileValue = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('command dashboards', () => {
  it('the leader sees the province on his tablet and opens the crashes behind a route', async () => {
    const { context, page } = await newPage(e, TABLET);
    await login(page, 'lanhdao');
    await page.getByRole('navigation').getByRole('link', { name: 'Bảng điều hành' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
    await page.getByTestId('dash-crashes').waitFor();
    const d = await apiGet<{
      criteria: { tiles: Tile[] };
      routes: { rows: (Tile & { label: string })[] };
      tasks: { overdue: number };
      incidents: { open: number };
      headline: { text: string }[];
    }>(page, '/api/v1/dashboard/leader');
    for (const x of d.criteria.tiles) expect(await tileValue(page, `dash-${x.key}`)).toBe(vn(x.current));
    expect(await tileValue(page, 'dash-tasks-overdue')).toBe(vn(d.tasks.overdue));
    expect(await tileValue(page, 'dash-incidents-open')).toBe(vn(d.incidents.open));
    // The key points, as the server wrote them.
    await page.getByText(d.headline[0]!.text).waitFor();
    await settle(page);
    await screenshot(page, 'dashboard-leader');
    await expectAccessible(page, 'leader dashboard (tablet)');

    // The route with the most crashes opens the crash list filtered to that route and period.
    const route = d.routes.rows[0]!;
    const section = page.locator('section[aria-labelledby="dash-routes"]');
    await section.getByRole('link', { name: route.label }).click();
    await page.waitForURL((url) => url.pathname === '/crashes' && url.searchParams.has('roadId'));
    const url = new URL(page.url());
    expect(url.searchParams.get('roadId')).toBe(String(route.link.search.roadId));
    expect(url.searchParams.get('from')).toBe(String(route.link.search.from));
    await page.getByRole('heading', { level: 1, name: 'Tai nạn giao thông' }).waitFor();
    await summaryLine(page, route.current).waitFor();
    const code = route.label.split(' ')[0]!;
    const rows = page.getByRole('row').filter({ hasText: /\d{2}\/\d{2}\/\d{4}/ });
    await rows.first().waitFor();
    for (const text of await rows.allTextContents()) expect(text).toContain(code);
    await context.close();
  });

  it('a member agency sees its own work and opens its overdue tasks', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'congan');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
    await page.getByText('Công việc của Công an tỉnh').waitFor();
    const d = await apiGet<{
      tasks: { tiles: { key: string; value: number }[] };
      reports: { tiles: { key: string; value: number }[] };
      emulation: { units: { orgUnitId: number; score: number }[] } | null;
    }>(page, '/api/v1/dashboard/unit');
    const overdue = d.tasks.tiles.find((x) => x.key === 'overdue')!.value;
    expect(await tileValue(page, 'dash-count-overdue')).toBe(vn(overdue));
    expect(await tileValue(page, 'dash-count-onTime')).toBe(
      vn(d.reports.tiles.find((x) => x.key === 'onTime')!.value),
    );
    expect(overdue).toBeGreaterThan(0);
    await settle(page);
    await expectAccessible(page, 'unit dashboard');

    // The overdue tile opens "my unit's tasks" on its overdue tab, with exactly those tasks.
    await page.getByTestId('dash-count-overdue').click();
    await page.waitForURL(
      (url) => url.pathname === '/tasks/mine' && url.searchParams.get('tab') === 'overdue',
    );
    await page
      .getByText(`Quá hạn (${vn(overdue)})`)
      .first()
      .waitFor();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await expect.poll(() => rows.count()).toBe(overdue);
    await context.close();
  });

  it('the commune officer sees only her commune on her phone and opens its crashes', async () => {
    const { context, page } = await newPage(e, PHONE);
    await login(page, 'xa.binhlu');
    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành' }).waitFor();
    await page.getByTestId('dash-crashes').waitFor();
    const d = await apiGet<{ area: { label: string }; criteria: { tiles: Tile[]; sentence: string } }>(
      page,
      '/api/v1/dashboard/commune',
    );
    expect(d.criteria.sentence).toContain('trên địa bàn xã Bình Lư');
    for (const x of d.criteria.tiles) expect(await tileValue(page, `dash-${x.key}`)).toBe(vn(x.current));
    await page.getByText(d.area.label).first().waitFor();
    await settle(page);
    await screenshot(page, 'dashboard-commune-phone');
    await expectAccessible(page, 'commune dashboard (phone)');

    // The crashes tile opens her commune's crash list for the period: the same count.
    const crashes = d.criteria.tiles.find((x) => x.key === 'crashes')!;
    await page.getByTestId('dash-crashes').click();
    await page.waitForURL(
      (url) => url.pathname === '/crashes' && url.searchParams.get('verified') === 'true',
    );
    await summaryLine(page, crashes.current).waitFor();
    const list = await apiGet<{ items: { currentAdminUnitName: string }[] }>(
      page,
      `/api/v1/crashes?from=${crashes.link.search.from}&to=${crashes.link.search.to}&verified=true&pageSize=100`,
    );
    expect(new Set(list.items.map((c) => c.currentAdminUnitName))).toEqual(new Set(['Bình Lư']));
    await context.close();
  });

  it('another role’s dashboard is not served', async () => {
    const { context, page } = await newPage(e, DESKTOP);
    await login(page, 'xa.binhlu');
    const status = await page.evaluate(async () => (await fetch('/api/v1/dashboard/leader')).status);
    expect(status).toBe(403);
    await context.close();
  });
});
