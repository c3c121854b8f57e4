import { describe, expect, it } from 'vitest';
import type { KpiRow } from './api.ts';
import { worstFirst } from './kpi.ts';

const row = (label: string, incidents: number, reached: number): KpiRow => ({
  key: label,
  label,
  incidents,
  reached,
  share: incidents ? reached / incidents : null,
  medianMinutes: null,
});

describe('communes worst first', () => {
  it('puts the lowest share first, the busiest first among equals, the empty ones last', () => {
    const rows = [
      row('Tân Phong', 8, 8),
      row('Sìn Hồ', 14, 8),
      row('Mù Cả', 0, 0),
      row('Hồng Thu', 3, 0),
      row('Nậm Tăm', 14, 7),
      row('Pu Sam Cáp', 2, 1),
    ];
    expect(worstFirst(rows).map((r) => r.label)).toEqual([
      'Hồng Thu',
      'Nậm Tăm',
      'Pu Sam Cáp',
      'Sìn Hồ',
      'Tân Phong',
      'Mù Cả',
    ]);
    // The input is left as it was.
    expect(rows[0]?.label).toBe('Tân Phong');
  });
});
