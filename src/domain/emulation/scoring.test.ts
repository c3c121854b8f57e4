import { describe, expect, it } from 'vitest';
import {
  type AwardLevel,
  type Criterion,
  criteriaProblems,
  defaultAwardLevels,
  maxTotal,
  trafficOrderCriteria,
} from './criteria.ts';
import { awardDecisionDocument } from './documents.ts';
import {
  formatPointsVi,
  measure,
  pointsFor,
  proposalProblems,
  rank,
  totalsOf,
  type UnitFacts,
} from './scoring.ts';

const facts = (over: Partial<UnitFacts> = {}): UnitFacts => ({
  current: { crashes: 0, deaths: 0, injured: 0, alcoholCrashes: 0, verySeriousCrashes: 0 },
  previous: { crashes: 0, deaths: 0, injured: 0, alcoholCrashes: 0, verySeriousCrashes: 0 },
  tasks: { due: 0, onTime: 0 },
  reports: { due: 0, onTime: 0 },
  staffViolators: 0,
  propagandaSessions: 0,
  ...over,
});
const leaf = (code: string) =>
  trafficOrderCriteria()
    .flatMap((g) => g.children)
    .find((c) => c.code === code)!;
const totals = (score: number, fullLeaves: string[] = ['1.5']) => ({
  earned: score,
  max: 100,
  score,
  fullLeaves,
});

describe('the template of seed 003', () => {
  it('has 100 points, seed 003 aims computed and its content assessed with evidence', () => {
    const groups = trafficOrderCriteria();
    expect(maxTotal(groups)).toBe(100);
    expect(criteriaProblems(groups, defaultAwardLevels())).toEqual([]);
    const leaves = groups.flatMap((g) => g.children);
    expect(leaves.filter((c) => c.kind === 'manual').every((c) => c.evidenceRequired)).toBe(true);
    expect(leaves.map((c) => c.metric).filter(Boolean)).toEqual([
      'crashes_change',
      'deaths_change',
      'injured_change',
      'alcohol_crashes_change',
      'very_serious_crashes',
      'tasks_on_time',
      'reports_on_time',
      'propaganda_sessions',
      'staff_violators',
    ]);
  });

  it('reports problems by path', () => {
    const bad: Criterion = {
      code: 'x',
      title: 'X',
      maxPoints: 0,
      kind: 'computed',
      metric: 'crashes_change',
      zeroAt: 5,
      fullAt: 5,
      appliesTo: 'all',
    };
    const levels: AwardLevel[] = [
      { code: 'a', title: 'A', minScore: 120, maxCount: 0, requiresFullPoints: ['zz'] },
    ];
    expect(criteriaProblems([{ code: 'I', title: 'I', children: [bad] }], levels)).toEqual([
      { path: 'criteria.0.children.0.maxPoints', message: 'Điểm tối đa phải lớn hơn 0' },
      { path: 'criteria.0.children.0.fullAt', message: 'Mức điểm tối đa phải khác mức 0 điểm' },
      { path: 'awardLevels.0.minScore', message: 'Điểm tối thiểu phải từ 0 đến 100' },
      { path: 'awardLevels.0.maxCount', message: 'Số lượng tối đa phải từ 1 trở lên' },
      { path: 'awardLevels.0.requiresFullPoints', message: 'Không có tiêu chí "zz"' },
    ]);
  });
});

describe('measuring and scoring', () => {
  it('scores a change linearly from 0 % (no points) to −10 % (full), clamped', () => {
    const at = (now: number, before: number) =>
      pointsFor(
        leaf('1.1'),
        measure(
          'crashes_change',
          facts({
            current: { ...facts().current, crashes: now },
            previous: { ...facts().previous, crashes: before },
          }),
        ),
      );
    expect(at(9, 10)).toBe(10);
    expect(at(19, 20)).toBe(5);
    expect(at(16, 17)).toBe(5.9); // −5,9 %
    expect(at(12, 10)).toBe(0);
    expect(at(1, 10)).toBe(10);
  });

  it('applies the zero-base rule: none in both periods is full, none before and some now is zero', () => {
    const none = measure('deaths_change', facts());
    expect(none).toEqual({
      value: null,
      outcome: 'full',
      explanation: 'Không có người chết ở cả kỳ này và cùng kỳ',
    });
    expect(pointsFor(leaf('1.2'), none)).toBe(10);
    const some = measure('deaths_change', facts({ current: { ...facts().current, deaths: 2 } }));
    expect(some.explanation).toBe('Cùng kỳ không có, kỳ này 2 người chết');
    expect(pointsFor(leaf('1.2'), some)).toBe(0);
  });

  it('scores shares, counts and nothing due', () => {
    // Points follow the share as shown (66,7 %), so anyone can check them from the page: 15 × 0,667.
    expect(pointsFor(leaf('2.1'), measure('tasks_on_time', facts({ tasks: { due: 3, onTime: 2 } })))).toBe(
      10.01,
    );
    expect(measure('tasks_on_time', facts({ tasks: { due: 3, onTime: 2 } })).explanation).toBe(
      '2/3 nhiệm vụ đúng hạn (66,7 %)',
    );
    expect(pointsFor(leaf('2.2'), measure('reports_on_time', facts()))).toBe(10);
    expect(
      pointsFor(
        leaf('1.5'),
        measure('very_serious_crashes', facts({ current: { ...facts().current, verySeriousCrashes: 2 } })),
      ),
    ).toBe(0);
    expect(pointsFor(leaf('3.1'), measure('propaganda_sessions', facts({ propagandaSessions: 30 })))).toBe(
      10,
    );
    expect(pointsFor(leaf('3.2'), measure('staff_violators', facts({ staffViolators: 2 })))).toBe(3);
  });

  it('totals on the leaves that apply, reviewed points first, on a scale of 100', () => {
    const groups = [
      {
        code: 'I',
        title: 'I',
        children: [
          { ...leaf('1.1'), maxPoints: 30 },
          { ...leaf('4.1'), maxPoints: 10 },
          { ...leaf('4.2'), maxPoints: 10, appliesTo: 'communes' as const },
        ],
      },
    ];
    const scores = [
      { code: '1.1', computedPoints: 15, selfPoints: null, reviewPoints: null },
      { code: '4.1', computedPoints: null, selfPoints: 10, reviewPoints: 8 },
      { code: '4.2', computedPoints: null, selfPoints: 10, reviewPoints: null },
    ];
    expect(totalsOf(groups, 'agency', scores)).toEqual({ earned: 23, max: 40, score: 57.5, fullLeaves: [] });
    expect(totalsOf(groups, 'commune_committee', scores)).toEqual({
      earned: 33,
      max: 50,
      score: 66,
      fullLeaves: ['4.2'],
    });
  });

  it('writes points the Vietnamese way', () => {
    expect([82.25, 60.9, 95, 1234.5].map(formatPointsVi)).toEqual(['82,25', '60,9', '95', '1.234,5']);
  });
});

describe('ranking and awards', () => {
  const levels = defaultAwardLevels();
  it('shares a rank on equal scores, lists them by name, and fills each level up to its limit', () => {
    const ranked = rank(
      [
        { orgUnitId: 1, name: 'Xã Bình Lư', reviewed: true, totals: totals(96) },
        { orgUnitId: 2, name: 'Xã Bản Hon', reviewed: true, totals: totals(96) },
        { orgUnitId: 3, name: 'Xã Sơn Bình', reviewed: true, totals: totals(91, []) },
        { orgUnitId: 4, name: 'Công an tỉnh', reviewed: false, totals: totals(99) },
        { orgUnitId: 5, name: 'Sở Y tế', reviewed: true, totals: totals(85) },
      ],
      levels,
    );
    expect(ranked.map((r) => [r.rank, r.orgUnitId, r.classification, r.suggestedLevel])).toEqual([
      [1, 4, 'Hoàn thành xuất sắc', null],
      [2, 2, 'Hoàn thành xuất sắc', 'co_thi_dua'],
      [2, 1, 'Hoàn thành xuất sắc', 'bang_khen'],
      // 91 but a very serious crash: no certificate of merit, the committee's certificate instead.
      [4, 3, 'Hoàn thành xuất sắc', 'giay_khen'],
      [5, 5, 'Hoàn thành tốt', 'giay_khen'],
    ]);
    expect(
      proposalProblems(
        [
          { orgUnitId: 2, levelCode: 'co_thi_dua' },
          { orgUnitId: 1, levelCode: 'co_thi_dua' },
          { orgUnitId: 3, levelCode: 'bang_khen' },
          { orgUnitId: 3, levelCode: 'giay_khen' },
          { orgUnitId: 9, levelCode: 'giay_khen' },
        ],
        ranked,
        levels,
      ),
    ).toEqual([
      { path: 'items.1.levelCode', message: 'Cờ thi đua của UBND tỉnh chỉ đề nghị tối đa 1 đơn vị' },
      {
        path: 'items.2.levelCode',
        message:
          'Xã Sơn Bình chưa đạt điểm tối đa ở tiêu chí 1.5, điều kiện của Bằng khen của Chủ tịch UBND tỉnh',
      },
      { path: 'items.3.orgUnitId', message: 'Xã Sơn Bình đã có trong danh sách' },
      { path: 'items.4.orgUnitId', message: 'Đơn vị không tham gia phong trào' },
    ]);
  });

  it('writes one article per level in the draft decision', () => {
    const doc = awardDecisionDocument(
      {
        name: 'Phong trào thi đua "Bảo đảm trật tự ATGT năm 2023"',
        documentNumber: '27/QĐ-BATGT',
        issuingBody: 'Ban An toàn giao thông tỉnh Lai Châu',
        from: '2023-01-01',
        to: '2023-12-31',
        place: 'Lai Châu',
        provinceName: 'Lai Châu',
      },
      levels,
      [
        {
          rank: 2,
          name: 'Xã Bình Lư',
          score: 96,
          classification: 'Hoàn thành xuất sắc',
          levelCode: 'bang_khen',
          achievement: null,
        },
        {
          rank: 1,
          name: 'Xã Bản Hon',
          score: 96,
          classification: 'Hoàn thành xuất sắc',
          levelCode: 'co_thi_dua',
          achievement: 'Giảm 20 % số vụ',
        },
      ],
    );
    expect(doc.sections.map((s) => s.number)).toEqual(['', '', 'Điều 1', 'Điều 2', 'Điều 3', 'Điều 4']);
    expect(doc.sections[0]!.paragraphs[1]).toBe(
      'Căn cứ Phong trào thi đua "Bảo đảm trật tự ATGT năm 2023" (phát động theo văn bản số 27/QĐ-BATGT), từ ngày 01/01/2023 đến ngày 31/12/2023;',
    );
    expect(doc.sections[2]!.paragraphs).toEqual(['- Xã Bản Hon: Giảm 20 % số vụ.']);
    expect(doc.sections[5]!.heading).toContain('tại Điều 1 đến Điều 2 chịu trách nhiệm thi hành');
  });
});
