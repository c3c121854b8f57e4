/**
 * Emulation in a real browser (journey 7, cô Thảo of Ban ATGT xã Bình Lư): the office opens a campaign whose
 * participants include her commune's committee; on her phone she finds the data criteria already scored,
 * scores the criteria assessed by hand, attaches evidence and sends it; the office changes one score with a
 * reason, finishes the review, moves the campaign to review, proposes the commune for an award and downloads
 * the proposal list (DOCX), which names the commune and the award.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../src/server/reports/docx-reader.ts';
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

const CAMPAIGN = 'Thi đua bảo đảm trật tự ATGT năm (kiểm thử)';
const AWARD = 'Giấy khen của Trưởng Ban ATGT tỉnh';
const EVIDENCE = 'bien-ban-kiem-tra.pdf';

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(200);
}

/** A JSON request through the signed-in page's session, with its CSRF token on writes. */
async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (m !== 'GET') {
        const { token } = (await (await fetch('/api/v1/auth/csrf')).json()) as { token: string };
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = token;
      }
      const res = await fetch(p as string, {
        method: m as string,
        headers,
        body: m === 'GET' ? undefined : JSON.stringify(b ?? {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

/** Clicks the visible option of the open antd Select dropdown. */
async function pick(page: Page, option: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

interface OrgUnit {
  id: number;
  name: string;
  kind: string;
  adminUnitId: string | null;
  isMember: boolean;
}

let campaignId = 0;
let communeUnit: OrgUnit;

describe('emulation', () => {
  it('the commune self-assesses on its phone with the data criteria filled in, and sends it', async () => {
    // Who the commune officer is, and her commune's committee (the org unit of that commune).
    const commune = await newPage(e, PHONE);
    await login(commune.page, 'xa.binhlu');
    const me = await apiCall<{ user: { adminUnit: { id: string } | null } }>(
      commune.page,
      'GET',
      '/api/v1/auth/me',
    );
    const communeId = me.body.user.adminUnit?.id;
    expect(communeId).toBeTruthy();

    // The office sets the campaign up through the API and opens self-assessment.
    const office = await newPage(e, DESKTOP);
    await login(office.page, 'vanphong');
    const units = await apiCall<{ items: OrgUnit[] }>(
      office.page,
      'GET',
      '/api/v1/directory/org-units?pageSize=500',
    );
    const committee = units.body.items.find(
      (u) => u.kind === 'commune_committee' && u.adminUnitId === communeId,
    );
    expect(committee, 'the commune committee of xa.binhlu').toBeDefined();
    communeUnit = committee as OrgUnit;
    const others = [
      units.body.items.find((u) => u.name === 'Sở Xây dựng'),
      units.body.items.find((u) => u.kind === 'commune_committee' && u.id !== communeUnit.id),
    ].filter((u): u is OrgUnit => u !== undefined);
    expect(others.length).toBe(2);
    const template = await apiCall<{ areaAdminUnitId: string }>(
      office.page,
      'GET',
      '/api/v1/emulation-campaigns/template',
    );
    expect(template.status).toBe(200);
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const created = await apiCall<{ id: number }>(office.page, 'POST', '/api/v1/emulation-campaigns', {
      name: CAMPAIGN,
      documentNumber: '27/QĐ-BATGT',
      issuingBody: 'Ban An toàn giao thông tỉnh',
      areaAdminUnitId: template.body.areaAdminUnitId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      selfAssessmentDue: `${year}-12-31`,
      criteria: [
        {
          code: 'I',
          title: 'Kết quả kéo giảm tai nạn giao thông trên địa bàn',
          children: [
            {
              code: '1.1',
              title: 'Giảm số vụ TNGT so với cùng kỳ',
              maxPoints: 30,
              kind: 'computed',
              metric: 'crashes_change',
              zeroAt: 0,
              fullAt: -10,
              appliesTo: 'all',
            },
            {
              code: '1.2',
              title: 'Không để xảy ra TNGT đặc biệt nghiêm trọng',
              maxPoints: 20,
              kind: 'computed',
              metric: 'very_serious_crashes',
              zeroAt: 1,
              fullAt: 0,
              appliesTo: 'all',
            },
          ],
        },
        {
          code: 'II',
          title: 'Nội dung phong trào (đánh giá theo hồ sơ)',
          children: [
            {
              code: '2.1',
              title: 'Lãnh đạo, chỉ đạo; kiểm tra, đôn đốc thực hiện Kết luận 45-KL/TW',
              maxPoints: 25,
              kind: 'manual',
              appliesTo: 'all',
              evidenceRequired: true,
              guidance: 'Kế hoạch, biên bản kiểm tra của đơn vị trong năm',
            },
            {
              code: '2.2',
              title: 'Cứu hộ, cứu nạn; tập huấn kỹ năng sơ cứu',
              maxPoints: 25,
              kind: 'manual',
              appliesTo: 'all',
              evidenceRequired: false,
            },
          ],
        },
      ],
      awardLevels: [
        { code: 'giay_khen', title: AWARD, minScore: 10, maxCount: null, requiresFullPoints: [] },
      ],
      participantIds: [communeUnit.id, ...others.map((u) => u.id)],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    campaignId = created.body.id;
    const opened = await apiCall<{ status: string }>(
      office.page,
      'POST',
      `/api/v1/emulation-campaigns/${campaignId}/status`,
      { status: 'self_assessment' },
    );
    expect(opened.body.status).toBe('self_assessment');
    await office.context.close();

    // On the phone: the list offers "Tự chấm điểm" for her unit.
    const { page, context } = commune;
    await page.goto('/emulation');
    await page.getByRole('heading', { level: 1, name: 'Phong trào thi đua' }).waitFor();
    await page.getByRole('link', { name: `Tự chấm điểm: ${CAMPAIGN}` }).click();
    await page.getByRole('heading', { level: 1, name: communeUnit.name }).waitFor();

    // The data criteria come scored, with the figures behind them; they cannot be edited.
    for (const code of ['1.1', '1.2']) {
      const row = page.locator(`[data-code="${code}"]`);
      await row.getByText(/^Điểm: [\d,]+\/(30|20)$/).waitFor();
      expect(((await row.locator('.em-explanation').textContent()) ?? '').length).toBeGreaterThan(5);
      await expect(row.locator('input').count()).resolves.toBe(0);
    }
    await page.getByRole('button', { name: 'Cập nhật số liệu' }).waitFor();

    // Sending with nothing scored by hand names what is missing, row by row.
    await page.getByRole('button', { name: 'Gửi Văn phòng' }).click();
    await page
      .getByRole('alert')
      .getByText(/Còn 2 tiêu chí cần bổ sung/)
      .waitFor();
    await page.locator('[data-code="2.1"]').getByText('Chưa có tệp minh chứng.').waitFor();

    const r21 = page.locator('[data-code="2.1"]');
    await r21.getByLabel('Điểm tự chấm (0–25)').fill('20');
    await r21.getByLabel('Giải trình, kết quả đạt được').fill('Ban hành 3 kế hoạch, kiểm tra 4 thôn, bản.');
    await r21.locator('input[type=file]').setInputFiles({
      name: EVIDENCE,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% minh chứng\n%%EOF\n'),
    });
    await r21.getByRole('link', { name: EVIDENCE }).waitFor();
    const r22 = page.locator('[data-code="2.2"]');
    await r22.getByLabel('Điểm tự chấm (0–25)').fill('22,5');
    await r22.getByLabel('Giải trình, kết quả đạt được').fill('Tập huấn sơ cứu cho 45 người.');
    await page.getByLabel('Nhận xét chung, kiến nghị của đơn vị').click();

    // The totals follow what is typed (50 of the data points at most, plus 42,5).
    await page
      .getByTestId('totals')
      .getByText(/Tổng: [\d,]+\/100 điểm/)
      .waitFor();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu nháp.').first().waitFor();
    await page.getByTestId('assessment-status').getByText('Đang chấm (chưa gửi)').waitFor();
    // The top of the page for the picture: the data criteria as the unit finds them.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'hidden' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await screenshot(page, 'emulation-assessment-phone');
    await expectAccessible(page, 'self-assessment (phone)');

    await page.getByRole('button', { name: 'Gửi Văn phòng' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(/Điểm tự chấm [\d,]+\/100/).waitFor();
    await confirm.getByRole('button', { name: 'Gửi Văn phòng' }).click();
    await page.getByTestId('assessment-status').getByText('Đã gửi Văn phòng').waitFor();
    // Locked now, and the page says why.
    await page
      .getByTestId('locked-reason')
      .getByText(/Đơn vị đã gửi kết quả tự chấm ngày/)
      .waitFor();
    await expect(page.getByRole('button', { name: 'Lưu nháp' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('the office reviews, moves to review, proposes the award and gets the list in Word', async () => {
    const { page, context } = await newPage(e, DESKTOP);
    await login(page, 'vanphong');
    await page.goto(`/emulation/${campaignId}`);
    await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();
    const participants = page.getByRole('row').filter({ hasText: communeUnit.name });
    await participants.getByText('Đã gửi Văn phòng').waitFor();
    await participants.getByRole('link', { name: `Xem / chấm điểm: ${communeUnit.name}` }).click();
    await page.getByRole('heading', { level: 1, name: communeUnit.name }).waitFor();

    // A lower score without a reason is flagged before anything is sent.
    const r22 = page.locator('[data-code="2.2"]');
    await r22.getByLabel('Điểm thẩm định (0–25)').fill('20');
    await page.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    await page.getByRole('alert').getByText('1 tiêu chí đổi điểm nhưng chưa có ý kiến thẩm định.').waitFor();
    await r22
      .locator('.em-field-error')
      .getByText(/cần ghi ý kiến/)
      .waitFor();
    await r22.getByLabel('Ý kiến thẩm định').fill('Chưa có danh sách học viên tập huấn quý IV.');
    await page.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    const done = page.getByRole('dialog');
    await done.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    await page.getByTestId('assessment-status').getByText('Đã thẩm định').waitFor();
    // The review stays open to the office while the campaign runs; the reviewed points stand.
    await expect(r22.getByLabel('Điểm thẩm định (0–25)').inputValue()).resolves.toBe('20');
    await page
      .getByTestId('totals')
      .getByText(/Tổng: [\d,]+\/100 điểm/)
      .waitFor();

    // The campaign moves on to review.
    await page.getByRole('link', { name: 'Về trang phong trào' }).click();
    await page.getByRole('heading', { level: 1, name: CAMPAIGN }).waitFor();
    await page.getByRole('button', { name: 'Chuyển sang thẩm định' }).click();
    const move = page.getByRole('dialog');
    await move.getByRole('button', { name: 'Chuyển sang thẩm định' }).click();
    await page.getByText('Phong trào chuyển sang: Thẩm định.').first().waitFor();
    await move.waitFor({ state: 'hidden' });

    // Ranking: the reviewed commune is suggested the award; the office proposes it and saves the list.
    await page.getByRole('tab', { name: 'Xếp hạng, khen thưởng' }).click();
    const row = page.getByRole('row').filter({ hasText: communeUnit.name });
    await row.getByText(`Theo tiêu chuẩn: ${AWARD}`).waitFor(); // suggested by the rules
    await row.getByLabel(`Hình thức đề nghị cho ${communeUnit.name}`).click();
    await pick(page, AWARD);
    const achievement = row.getByLabel(`Thành tích của ${communeUnit.name}`);
    await expect(achievement.inputValue()).resolves.toMatch(/^Đạt [\d,]+ điểm, xếp thứ \d+/);
    await achievement.fill(
      'Không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng; tập huấn sơ cứu cho 45 người.',
    );
    await page.getByRole('button', { name: 'Lưu danh sách đề nghị' }).click();
    await page.getByText('Đã lưu danh sách đề nghị khen thưởng.').first().waitFor();
    await page.getByText('Đề nghị khen thưởng 1 đơn vị').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'hidden' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await screenshot(page, 'emulation-ranking');
    await expectAccessible(page, 'ranking and awards');

    // The proposal list in Word names the commune and its award.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Danh sách đề nghị \(DOCX\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const docx = await readDocx(new Uint8Array(await readFile((await download.path()) as string)));
    const text = docx.lines.join('\n');
    expect(text).toContain(communeUnit.name);
    expect(text).toContain(AWARD);
    expect(text).toContain('tập huấn sơ cứu cho 45 người');
    await context.close();
  });
});
