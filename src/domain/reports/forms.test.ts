import { describe, expect, it } from 'vitest';
import { checkDefinition, checkValues, type FormDefinition } from './forms.ts';

const form: FormDefinition = {
  indicators: [
    { code: 'detected', label: 'Số vụ vi phạm phát hiện', unit: 'vụ', kind: 'integer', required: true },
    { code: 'fined', label: 'Số vụ xử phạt', unit: 'vụ', kind: 'integer', required: true },
    { code: 'amount', label: 'Số tiền phạt', unit: 'đồng', kind: 'money', required: false },
    { code: 'share', label: 'Tỷ lệ đội mũ bảo hiểm', unit: '%', kind: 'percent', required: false },
  ],
  sections: [{ code: 'results', title: 'Kết quả thực hiện', required: true }],
  tables: [
    {
      code: 'campaigns',
      title: 'Các đợt cao điểm',
      columns: [
        { code: 'name', label: 'Tên đợt', kind: 'text' },
        { code: 'violations', label: 'Số vi phạm', kind: 'integer' },
      ],
      maxRows: 2,
    },
  ],
  rules: [
    {
      code: 'fined_within',
      left: ['fined'],
      operator: '<=',
      right: ['detected'],
      message: 'Số vụ xử phạt không được lớn hơn số vụ phát hiện.',
    },
  ],
};

describe('form definitions', () => {
  it('a good form has no problems; codes must be well formed and unique, rules name real indicators', () => {
    expect(checkDefinition(form)).toEqual([]);
    const bad = checkDefinition({
      ...form,
      indicators: [
        ...form.indicators,
        { ...form.indicators[0]!, code: 'Số vụ' },
        { ...form.indicators[1]!, min: 5, max: 1 },
      ],
      rules: [{ ...form.rules[0]!, right: ['missing'] }],
    });
    expect(bad.map((p) => p.path)).toEqual([
      'indicators.4.code',
      'indicators.5.code',
      'indicators.5.max',
      'rules.0.right.0',
    ]);
    expect(bad[0]!.message).toContain('chữ thường không dấu');
    expect(checkDefinition({ indicators: [], sections: [], tables: [], rules: [] })).toHaveLength(1);
  });
});

describe('submitted values', () => {
  const good = {
    indicators: { detected: 1200, fined: 1150, amount: 3_450_000_000, share: 98.5 },
    sections: { results: 'Tổ chức 25 đợt tuần tra, kiểm soát.' },
    tables: { campaigns: [{ name: 'Cao điểm Tết Nguyên đán', violations: 420 }] },
  };

  it('a complete report passes', () => {
    expect(checkValues(form, good, true)).toEqual([]);
  });

  it('a draft may be partial, but what it holds must be valid; rules across fields wait for submit', () => {
    const partial = { indicators: { detected: 10, fined: 20 }, sections: {}, tables: {} };
    expect(checkValues(form, partial, false)).toEqual([]);
    expect(checkValues(form, partial, true)).toEqual([
      { path: 'sections.results', message: 'Chưa viết mục "Kết quả thực hiện".' },
      { path: 'indicators.fined', message: 'Số vụ xử phạt không được lớn hơn số vụ phát hiện.' },
    ]);
  });

  it('names every bad value by field, in Vietnamese', () => {
    const problems = checkValues(
      form,
      {
        indicators: { detected: -1, fined: 2.5, amount: 10.5, share: 101, other: 1 },
        sections: { unknown: 'x' },
        tables: { campaigns: [{ violations: 'nhiều' }, { violations: 1.5 }, {}] },
      },
      false,
    );
    expect(problems).toEqual([
      { path: 'indicators.other', message: 'Chỉ tiêu "other" không có trong biểu mẫu.' },
      { path: 'sections.unknown', message: 'Mục "unknown" không có trong biểu mẫu.' },
      { path: 'indicators.detected', message: '"Số vụ vi phạm phát hiện" không được nhỏ hơn 0.' },
      { path: 'indicators.fined', message: '"Số vụ xử phạt" phải là số nguyên.' },
      { path: 'indicators.amount', message: '"Số tiền phạt" phải là số nguyên.' },
      { path: 'indicators.share', message: '"Tỷ lệ đội mũ bảo hiểm" không được lớn hơn 100.' },
      { path: 'tables.campaigns', message: 'Bảng "Các đợt cao điểm" có tối đa 2 dòng.' },
      {
        path: 'tables.campaigns.0.violations',
        message: 'Bảng "Các đợt cao điểm", dòng 1, cột "Số vi phạm": phải là số không âm.',
      },
      {
        path: 'tables.campaigns.1.violations',
        message: 'Bảng "Các đợt cao điểm", dòng 2, cột "Số vi phạm": phải là số nguyên.',
      },
    ]);
  });
});
