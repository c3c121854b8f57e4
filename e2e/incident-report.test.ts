/**
 * The public crash quick report (/bao-tin) in a real browser — journey 4, Em Mai: with no signal she
 * reports a crash with a photo; the page keeps it ("Đang chờ gửi"), still opens after a reload with no
 * network (service worker), sends it by itself when the signal returns, gives her a tracking code, and
 * later shows "Đã có lực lượng tới hiện trường". The dispatch board sees it within 2 s.
 *
 * Offline here is Playwright's context.setOffline(true). Old Playwright/Chromium pairs did not apply it to
 * service workers (microsoft/playwright#2311); this test checks that the worker is really cut off too
 * (a fetch made inside the worker must fail) instead of assuming it.
 */
import type { BrowserContext, Page } from 'playwright-core';
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

const HERE = { latitude: 22.39, longitude: 103.46 };

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** A phone with the location permission granted and a fix inside the demo province. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e.browser.newContext({
    baseURL: e.server.url,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // Granting permissions through Playwright denies every one not listed: Background Sync must be named.
    permissions: ['geolocation', 'background-sync'],
    geolocation: { ...HERE, accuracy: 12 },
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  // A beforeunload prompt (a send in progress) must not block the reload.
  page.on('dialog', (d) => void d.accept());
  return { context, page };
}

/** A camera-like JPEG: 2000×1500, noisy (so it does not compress to nothing), with a GPS position. */
async function cameraJpeg(): Promise<Buffer> {
  const w = 2000;
  const h = 1500;
  const raw = Buffer.alloc(w * h * 3);
  let seed = 7;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = ((i % (w * 3)) / 12 + (seed >> 24)) & 255;
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'ATGT e2e', Model: 'Điện thoại của Mai' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 23/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 27/1 3600/100',
      },
    })
    .toBuffer();
}

/** Waits until the page is controlled by its (activated) service worker. */
async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, {
    timeout: 20_000,
  });
}

/** A fetch made inside the service worker: 'failed' when the worker is offline. */
async function workerFetch(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/bao-tin-sw.js'));
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(async () => {
    try {
      const res = await fetch('/api/v1/public/incident-reports/KHONG-CO', { cache: 'no-store' });
      return `status ${res.status}`;
    } catch {
      return 'failed';
    }
  });
}

interface IncidentItem {
  id: number;
  lat: number | null;
  lon: number | null;
  placeText: string | null;
}
interface IncidentDetail {
  reports: {
    placeText: string | null;
    photos: { width: number; height: number; exifLat: number | null }[];
  }[];
}

describe('public crash quick report (/bao-tin)', () => {
  it('with no signal: queued, opens again offline, sends itself when the signal returns, reaches the board', async () => {
    const place = `E2E ${Date.now()} dốc Cổng Trời`;

    // The police's dispatch board is open in another browser.
    const board = await newPage(e, DESKTOP);
    await login(board.page, 'congan');
    await board.page.goto('/dispatch');
    await board.page.getByRole('heading', { level: 1, name: 'Điều phối ứng cứu' }).waitFor();
    await board.page.getByTestId('live-indicator').getByText('Trực tiếp', { exact: true }).waitFor();

    // Em Mai opened the page once before (that visit installs the service worker).
    const { context, page } = await phone();
    await page.goto('/bao-tin');
    await page.getByRole('heading', { level: 1, name: 'Báo tin tai nạn giao thông' }).waitFor();
    await waitForWorker(page);
    const manifest = (await (await page.request.get('/bao-tin.webmanifest')).json()) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: 'Báo tin tai nạn giao thông',
      short_name: 'Báo tin TNGT',
      start_url: '/bao-tin',
      scope: '/bao-tin',
      display: 'standalone',
    });

    // No signal — the worker is cut off too.
    await context.setOffline(true);
    await expect(workerFetch(context)).resolves.toBe('failed');
    await page.getByText('Máy đang không có mạng').waitFor();

    // Her location, 2 injured, 1 trapped, a truck and a motorbike, a photo.
    await page.getByRole('button', { name: 'Lấy vị trí của tôi' }).click();
    await page.getByText('Đã lấy vị trí GPS, độ chính xác khoảng ±12 m.').waitFor();
    await page.getByLabel('Hoặc mô tả địa điểm').fill(place);
    await page.getByRole('button', { name: 'Thêm một (số người mắc kẹt)' }).click();
    await page.getByRole('button', { name: 'Thêm một (số người bị nạn)' }).click();
    await expect(page.getByRole('spinbutton', { name: 'Số người bị nạn' }).inputValue()).resolves.toBe('2');
    await expect(page.getByRole('spinbutton', { name: 'Số người mắc kẹt' }).inputValue()).resolves.toBe('1');
    await page.getByRole('checkbox', { name: 'Ô tô tải' }).check();
    await page.getByRole('checkbox', { name: 'Xe mô tô, xe gắn máy' }).check();
    await page
      .locator('#bt-photo-camera')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg() });
    await page.getByRole('img', { name: 'Ảnh hiện trường 1' }).waitFor();
    await page.getByText('Ảnh có vị trí chụp').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'report form (offline, filled in)');
    await screenshot(page, 'incident-report-phone');

    await page.getByRole('button', { name: 'Gửi báo tin' }).click();
    const card = page.locator('article.bt-report').filter({ hasText: place });
    await card.and(page.locator('[data-state="pending"]')).waitFor();
    await card.getByText('Đang chờ gửi', { exact: true }).waitFor();
    await card.getByText(/Không có mạng\. Sẽ tự gửi khi có mạng\./).waitFor();
    await expect(card.textContent()).resolves.toContain('2 người bị nạn, 1 mắc kẹt, 1 ảnh');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'queued report');
    await screenshot(page, 'incident-report-queued');

    // Still no signal: the page opens again from the service worker, with the report still waiting.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Báo tin tai nạn giao thông' }).waitFor();
    await card.and(page.locator('[data-state="pending"]')).waitFor();
    await expect(page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).resolves.toMatch(
      /\/bao-tin-sw\.js$/,
    );

    // The signal returns: it sends by itself and shows the tracking code.
    await context.setOffline(false);
    const code = card.getByTestId('tracking-code');
    await code.waitFor({ timeout: 30_000 });
    const trackingCode = (await code.textContent())?.trim() ?? '';
    expect(trackingCode).toMatch(/^[A-Z0-9-]{4,20}$/);
    await card.getByText('Tình trạng: Đã tiếp nhận tin báo').waitFor();

    // The board has it within 2 s of the report reaching the server.
    await board.page.getByText(place).first().waitFor({ timeout: 2_000 });

    await page.evaluate(() => window.scrollTo(0, 0));
    await expectAccessible(page, 'receipt');
    await screenshot(page, 'incident-report-receipt');

    // Exactly one report with this place reached the server (resends are idempotent), with one photo
    // shrunk on the phone to at most 1600 px and the camera's GPS kept.
    const api = board.context.request;
    const list = (await (await api.get('/api/v1/incidents?status=all&pageSize=100')).json()) as {
      items: IncidentItem[];
    };
    const near = (i: IncidentItem) =>
      i.lat !== null &&
      i.lon !== null &&
      Math.abs(i.lat - HERE.latitude) < 0.01 &&
      Math.abs(i.lon - HERE.longitude) < 0.01;
    const candidates = list.items.filter((i) => i.placeText === place || near(i));
    expect(candidates.length).toBeGreaterThan(0);
    const reports = (
      await Promise.all(
        candidates.map(
          async (i) =>
            ((await (await api.get(`/api/v1/incidents/${i.id}`)).json()) as IncidentDetail).reports,
        ),
      )
    )
      .flat()
      .filter((r) => r.placeText === place);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.photos).toHaveLength(1);
    const photo = reports[0]!.photos[0]!;
    expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
    expect(photo.width).toBe(1600);
    expect(photo.exifLat).toBeCloseTo(22.39, 3);

    // Later: responders reach the scene, and the tracking code says so.
    const incident = candidates.find((i) => i.placeText === place) ?? candidates[0]!;
    const { token } = (await (await api.get('/api/v1/auth/csrf')).json()) as { token: string };
    for (const status of ['dispatched', 'on_scene']) {
      const res = await api.post(`/api/v1/incidents/${incident.id}/status`, {
        headers: { 'x-csrf-token': token },
        data: { status },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
    await card.getByRole('button', { name: 'Cập nhật tình trạng' }).click();
    await card.getByText('Tình trạng: Đã có lực lượng tới hiện trường').waitFor();

    // Anyone with the code can look it up.
    const other = await phone();
    await other.page.goto(`/bao-tin`);
    await other.page.getByRole('textbox', { name: 'Mã theo dõi' }).fill(trackingCode.toLowerCase());
    await other.page.getByRole('button', { name: 'Tra cứu' }).click();
    const result = other.page.locator('.bt-lookup-result');
    await result.getByText(trackingCode).waitFor();
    await result.getByText('Đã có lực lượng tới hiện trường').first().waitFor();

    await other.context.close();
    await context.close();
    await board.context.close();
  });

  it('with the page closed, the service worker sends the queued report when the signal returns (Background Sync)', async () => {
    const place = `E2E sync ${Date.now()}`;
    const { context, page } = await phone();
    await page.goto('/bao-tin');
    await waitForWorker(page);
    await context.setOffline(true);
    await page.getByLabel('Hoặc mô tả địa điểm').fill(place);
    await page.getByRole('button', { name: 'Gửi báo tin' }).click();
    await page.locator('article.bt-report[data-state="pending"]').filter({ hasText: place }).waitFor();
    const sentByWorker = context.waitForEvent('request', {
      predicate: (r) =>
        r.method() === 'POST' && r.url().endsWith('/api/v1/public/incident-reports') && !!r.serviceWorker(),
      timeout: 30_000,
    });
    await page.close();

    await context.setOffline(false);
    const request = await sentByWorker;
    expect((await request.response())?.status()).toBe(201);

    // Opened again, the page shows what the worker did: sent, with its tracking code.
    const again = await context.newPage();
    await again.goto('/bao-tin');
    const card = again.locator('article.bt-report').filter({ hasText: place });
    await card.and(again.locator('[data-state="sent"]')).waitFor();
    await expect(card.getByTestId('tracking-code').textContent()).resolves.toMatch(/^[A-Z0-9-]{4,20}$/);
    await context.close();
  });

  it('refuses a file that is not a picture, with a clear message, and checks the form before queueing', async () => {
    const { context, page } = await phone();
    await page.goto('/bao-tin');
    await page.getByRole('heading', { level: 1, name: 'Báo tin tai nạn giao thông' }).waitFor();

    await page.locator('#bt-photo-pick').setInputFiles({
      name: 'anh-tai-nan.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('Đây không phải là ảnh, chỉ là chữ.\n'),
    });
    await page
      .getByRole('alert')
      .getByText(
        'Không đọc được «anh-tai-nan.jpg»: tệp bị hỏng hoặc không phải ảnh. Hãy chụp lại hoặc chọn ảnh khác.',
      )
      .waitFor();
    await expect(page.getByRole('img', { name: /Ảnh hiện trường/ }).count()).resolves.toBe(0);

    // Nothing about the place, more trapped than victims, a phone without consent: said before saving.
    await page.getByRole('spinbutton', { name: 'Số người mắc kẹt' }).fill('3');
    await page.getByRole('spinbutton', { name: 'Số người bị nạn' }).fill('1');
    await page.getByLabel('Số điện thoại của bạn (không bắt buộc)').fill('0912 345 678');
    await page.getByRole('button', { name: 'Gửi báo tin' }).click();
    const summary = page.locator('#bt-summary');
    await summary.getByText('Báo tin chưa gửi được, hãy sửa:').waitFor();
    for (const message of [
      'Cần vị trí: bấm «Lấy vị trí của tôi», chọn trên bản đồ hoặc nhập địa điểm.',
      'Số người mắc kẹt không thể lớn hơn số người bị nạn.',
      'Cần đồng ý cho liên hệ lại khi để lại số điện thoại.',
    ])
      await summary.getByRole('link', { name: message }).waitFor();
    await expect(
      page.getByRole('spinbutton', { name: 'Số người mắc kẹt' }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(page.locator('article.bt-report').count()).resolves.toBe(0);
    await expectAccessible(page, 'form errors');
    await context.close();
  });
});
