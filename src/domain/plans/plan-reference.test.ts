import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPlanReference } from './plan-reference.ts';

describe('findPlanReference', () => {
  it('reads the plan an appendix is attached to, from the sample', () => {
    const lines = readFileSync(resolve('fixtures', 'plans', 'appendix-sample.tsv'), 'utf8')
      .split('\n')
      .slice(0, 3);
    expect(findPlanReference(lines)).toEqual({
      number: '15/KH-UBND',
      date: '2025-02-10',
      issuingBody: 'UBND tỉnh',
    });
  });

  it('reads a prose plan header with the long date form', () => {
    expect(findPlanReference(['Số: 123/KH-CAT-PC08', 'Lai Châu, ngày 10 tháng 9 năm 2021'])).toEqual({
      number: '123/KH-CAT-PC08',
      date: '2021-09-10',
    });
  });

  it('ignores dates that do not exist and text with no reference', () => {
    expect(findPlanReference(['Kế hoạch số 7/KH-BATGT ngày 31/02/2025'])).toEqual({ number: '7/KH-BATGT' });
    expect(findPlanReference(['Phân công nhiệm vụ', ''])).toEqual({});
  });
});
