import { describe, expect, it } from 'vitest';
import { narrativeEntries, riseDrivers, sumIndicators } from './consolidate.ts';
import type { FormDefinition } from './forms.ts';
import { buildReviewDocument, reviewTitle } from './review-content.ts';

const form: FormDefinition = {
  indicators: [
    { code: 'sessions', label: 'Số buổi tuyên truyền', unit: 'buổi', kind: 'integer', required: true },
    { code: 'rate', label: 'Tỷ lệ', unit: '%', kind: 'number', required: false },
  ],
  sections: [{ code: 'shortcomings', title: 'Tồn tại, hạn chế', required: false }],
  tables: [],
  rules: [],
};
const v = (sessions: number | null, rate: number | null, text = '') => ({
  indicators: { sessions, rate },
  sections: { shortcomings: text },
  tables: {},
});

describe('consolidation', () => {
  it('sums by agencies and communes, counting only units that gave a value', () => {
    const totals = sumIndicators(form, [
      { group: 'agency', values: v(12, 0.1) },
      { group: 'agency', values: v(3, 0.2) },
      { group: 'commune', values: v(5, null) },
      { group: 'commune', values: v(null, null) },
    ]);
    expect(totals).toEqual([
      {
        code: 'sessions',
        label: 'Số buổi tuyên truyền',
        unit: 'buổi',
        group: null,
        total: 20,
        agencies: 15,
        communes: 5,
        reporting: 3,
      },
      // 0.1 + 0.2 is written 0.3, not 0.30000000000000004.
      {
        code: 'rate',
        label: 'Tỷ lệ',
        unit: '%',
        group: null,
        total: 0.3,
        agencies: 0.3,
        communes: 0,
        reporting: 2,
      },
    ]);
  });

  it('keeps what each unit wrote, leaving out empty entries', () => {
    expect(
      narrativeEntries(form, [
        { unitName: 'Công an tỉnh', values: v(1, null, ' Lực lượng còn mỏng. ') },
        { unitName: 'Sở Y tế', values: v(1, null, '') },
      ]),
    ).toEqual([
      {
        code: 'shortcomings',
        title: 'Tồn tại, hạn chế',
        entries: [{ unitName: 'Công an tỉnh', text: 'Lực lượng còn mỏng.' }],
      },
    ]);
  });
});

const c = (crashes: number, deaths: number, injured: number) => ({ crashes, deaths, injured });

describe('what drove a rise', () => {
  it('names the communes, routes and causes that rose most, for each criterion that rose', () => {
    const text = riseDrivers(
      { current: c(45, 30, 28), previous: c(40, 32, 28) },
      {
        communes: [
          { key: 'A', label: 'Xã Bình Lư', current: c(8, 3, 5), previous: c(5, 4, 5) },
          { key: 'B', label: 'Phường Tân Phong', current: c(6, 2, 4), previous: c(4, 2, 4) },
          { key: 'C', label: 'Xã Sìn Hồ', current: c(2, 1, 1), previous: c(4, 3, 1) },
        ],
        routes: [
          { key: 'QL4D', label: 'QL4D', current: c(12, 6, 9), previous: c(8, 7, 9) },
          { key: '', label: 'Ngoài các tuyến', current: c(9, 4, 4), previous: c(2, 1, 1) },
        ],
        causes: [
          { key: 'speed', label: 'Chạy quá tốc độ quy định', current: c(10, 5, 5), previous: c(7, 5, 5) },
        ],
      },
    );
    // Deaths fell (30 < 32) and injured stayed level: only the crashes sentence.
    expect(text).toBe(
      'Số vụ TNGT tăng chủ yếu tại xã Bình Lư (+3 vụ), phường Tân Phong (+2 vụ); trên tuyến QL4D (+4 vụ); ' +
        'do nguyên nhân chạy quá tốc độ quy định (+3 vụ).',
    );
  });

  it('says nothing when nothing rose', () => {
    expect(
      riseDrivers({ current: c(3, 1, 2), previous: c(5, 1, 4) }, { communes: [], routes: [], causes: [] }),
    ).toBe('');
  });
});

describe('the review report draft', () => {
  it('titles follow the review calendar', () => {
    expect(reviewTitle('2026-Q4', 'Quý IV/2026', 2026)).toBe(
      'Sơ kết công tác bảo đảm trật tự, an toàn giao thông quý IV năm 2026, nhiệm vụ trọng tâm quý I năm 2027',
    );
    expect(reviewTitle('2026-H1', '6 tháng đầu năm 2026', 2026)).toContain(
      '6 tháng đầu năm 2026, nhiệm vụ trọng tâm 6 tháng cuối năm 2026',
    );
    expect(reviewTitle('2026-Y', 'Năm 2026', 2026)).toBe(
      'Tổng kết công tác bảo đảm trật tự, an toàn giao thông năm 2026, phương hướng, nhiệm vụ năm 2027',
    );
    expect(reviewTitle('2026-M03', 'Tháng 3/2026', 2026)).toBe(
      'Kết quả công tác bảo đảm trật tự, an toàn giao thông tháng 3/2026',
    );
  });

  it('writes the reporting discipline and the units own words; what the office must add says so', () => {
    const doc = buildReviewDocument({
      place: 'Lai Châu',
      parentBody: 'UBND TỈNH LAI CHÂU',
      issuingBody: 'BAN AN TOÀN GIAO THÔNG',
      symbol: 'BC-BATGT',
      periodKey: '2026-H1',
      periodLabel: '6 tháng đầu năm 2026',
      year: 2026,
      crashes: {
        sentence: 'Từ ngày 15/12/2025 đến ngày 14/6/2026, toàn tỉnh xảy ra 45 vụ TNGT …',
        drivers: '',
        currentLabel: '6 tháng đầu năm 2026',
        previousLabel: 'Cùng kỳ 2025',
        total: { current: c(45, 30, 28), previous: c(50, 32, 25) },
        byCommune: [
          { label: 'Xã Bình Lư', current: c(2, 1, 1), previous: c(1, 0, 1) },
          { label: 'Xã Không Có', current: c(0, 0, 0), previous: c(0, 0, 0) },
        ],
        byRoute: [],
        byCause: [],
      },
      tasks: {
        planNumber: '12/KH-UBND',
        total: 20,
        done: 5,
        inProgress: 12,
        notStarted: 3,
        overdue: 2,
        rows: [],
      },
      indicators: [],
      narratives: narrativeEntries(form, [
        { unitName: 'Công an tỉnh', values: v(1, null, 'Lực lượng còn mỏng.\nPhương tiện thiếu.') },
      ]),
      board: {
        counts: { expected: 25, onTime: 22, late: 2, missing: 1, pending: 0, accepted: 20 },
        late: ['Sở Y tế', 'Xã A'],
        missing: ['Xã B'],
      },
    });
    expect(doc.number).toBe('…/BC-BATGT');
    expect(doc.issuedOn).toBeNull();
    const results = doc.sections[0]!.paragraphs;
    expect(results).toContain(
      'Theo Kế hoạch 12/KH-UBND, các cơ quan, đơn vị được giao 20 nhiệm vụ: đã hoàn thành 5 nhiệm vụ (25,0 %), đang thực hiện 12 nhiệm vụ, chưa triển khai 3 nhiệm vụ; 2 nhiệm vụ quá hạn (chi tiết tại Phụ lục).',
    );
    expect(results).toContain(
      'Có 24/25 cơ quan, đơn vị gửi báo cáo, trong đó 22 đơn vị đúng hạn, 2 đơn vị gửi muộn (Sở Y tế, Xã A); 1 đơn vị chưa gửi báo cáo (Xã B).',
    );
    // Only communes with crashes in either period, and a total row.
    const table = doc.sections[0]!.tables![0]!;
    expect('rows' in table && table.rows.map((r) => (Array.isArray(r) ? r[0] : r.label))).toEqual([
      'Xã Bình Lư',
    ]);
    expect(doc.sections[1]).toEqual({
      number: 'II',
      heading: 'TỒN TẠI, HẠN CHẾ',
      paragraphs: ['- Công an tỉnh: Lực lượng còn mỏng. Phương tiện thiếu.'],
    });
    expect(doc.sections[2]!.paragraphs).toEqual(['(Văn phòng Ban ATGT bổ sung.)']);
    expect(doc.sections[3]!.heading).toBe('NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026');
  });
});
