import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.ts';

describe('diffRecords', () => {
  it('lists only the fields that changed', () => {
    expect(diffRecords({ name: 'Sở GTVT', isMember: true }, { name: 'Sở Xây dựng', isMember: true })).toEqual(
      [{ field: 'name', before: 'Sở GTVT', after: 'Sở Xây dựng' }],
    );
  });

  it('lists every field of a created record', () => {
    expect(diffRecords(null, { fullName: 'A', phone: null })).toEqual([
      { field: 'fullName', before: undefined, after: 'A' },
      { field: 'phone', before: undefined, after: null },
    ]);
  });

  it('handles no data at all', () => {
    expect(diffRecords(null, null)).toEqual([]);
  });
});
