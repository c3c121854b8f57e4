import { describe, expect, it } from 'vitest';
import { checkValues, type FormDefinition } from '../../domain/reports/forms.ts';
import { sameData } from './draft.ts';
import { fieldIdOf, fromServer, isEmptyAt, mergeProblems, normalizeValues, sameValues } from './values.ts';

const def: FormDefinition = {
  indicators: [
    { code: 'deaths', label: 'Số người chết', unit: 'người', kind: 'integer', required: true },
    { code: 'student_deaths', label: 'Số học sinh chết', unit: 'người', kind: 'integer', required: false },
  ],
  sections: [{ code: 'results', title: 'Kết quả', required: true }],
  tables: [],
  rules: [
    {
      code: 'r',
      left: ['student_deaths'],
      operator: '<=',
      right: ['deaths'],
      message: 'Học sinh chết ≤ người chết.',
    },
  ],
};

describe('report values in the browser', () => {
  it('drops empty entries, so that a blank field and a missing one are the same draft', () => {
    const v = normalizeValues({
      indicators: { deaths: 3, student_deaths: null },
      sections: { results: '  ', other: 'x' },
      tables: { campaigns: [], rows: [{ a: '', b: 2, c: null }] },
    });
    expect(v).toEqual({ indicators: { deaths: 3 }, sections: { other: 'x' }, tables: { rows: [{ b: 2 }] } });
    expect(sameValues({ indicators: { deaths: 3 }, sections: {}, tables: {} }, v)).toBe(false);
    expect(sameData({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
  });

  it('reads the server paths of the request body as form paths', () => {
    expect(fromServer([{ path: 'values.indicators.deaths', message: 'm' }])).toEqual([
      { path: 'indicators.deaths', message: 'm' },
    ]);
    expect(fieldIdOf('indicators.deaths')).toBe('rp-ind-deaths');
    expect(fieldIdOf('tables.campaigns.2.name')).toBe('rp-tab-campaigns-2-name');
    expect(fieldIdOf('values')).toBeNull();
  });

  it('shows "not filled in" only after a try to send, and forgets server problems of fields changed since', () => {
    const values = { indicators: { deaths: 1, student_deaths: 2 }, sections: {}, tables: {} };
    const server = checkValues(def, values, true); // the rule, and the missing section
    expect(server.map((p) => p.path).sort()).toEqual(['indicators.student_deaths', 'sections.results']);
    const before = mergeProblems(checkValues(def, values, false), server, values, values, false);
    expect(before.map((p) => p.message)).toEqual(['Học sinh chết ≤ người chết.']);
    const after = mergeProblems(checkValues(def, values, true), server, values, values, true);
    expect(after).toHaveLength(2);
    // The unit corrects the figure: the server's complaint about it is stale, the live check is clean.
    const fixed = { ...values, indicators: { deaths: 2, student_deaths: 2 } };
    expect(mergeProblems(checkValues(def, fixed, false), server, values, fixed, false)).toEqual([]);
    expect(isEmptyAt(fixed, 'sections.results')).toBe(true);
    expect(isEmptyAt(fixed, 'indicators.deaths')).toBe(false);
  });
});
