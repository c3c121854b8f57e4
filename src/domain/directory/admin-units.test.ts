import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentSuccessor, isValidOn, normalizeName } from './admin-units.ts';

describe('normalizeName', () => {
  it('drops diacritics, đ and case, and collapses spaces', () => {
    expect(normalizeName('Sở Giao thông Vận tải')).toBe('so giao thong van tai');
    expect(normalizeName('  ĐOÀN   Kết ')).toBe('doan ket');
    expect(normalizeName('Sở GD&ĐT')).toBe('so gd&dt');
    // Composed and decomposed forms of the same text compare equal.
    expect(normalizeName('Thu\u0301y')).toBe(normalizeName('Thúy'));
  });

  it('handles upper-case Đ, every tone mark, tabs and line breaks', () => {
    expect(normalizeName('Đ')).toBe('d');
    expect(normalizeName('ĐT128')).toBe('dt128');
    expect(normalizeName('Điện Biên\tĐông\n')).toBe('dien bien dong');
    expect(normalizeName('Ủy ban Mặt trận Tổ quốc Việt Nam')).toBe('uy ban mat tran to quoc viet nam');
    expect(normalizeName('Sìn Hồ, Mường Tè, Nậm Nhùn, Tủa Sín Chải, Pắc Ta, Pa Ủ')).toBe(
      'sin ho, muong te, nam nhun, tua sin chai, pac ta, pa u',
    );
  });

  it('is idempotent and leaves only lower-case text without combining marks', () => {
    const vietnamese = fc.string({
      unit: fc.constantFrom(
        ...'aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ \t',
      ),
    });
    fc.assert(
      fc.property(vietnamese, (s) => {
        const n = normalizeName(s);
        expect(normalizeName(n)).toBe(n);
        expect(n).toMatch(/^(?:[a-z]+(?: [a-z]+)*)?$/);
      }),
    );
  });
});

describe('isValidOn', () => {
  const district = { validFrom: '2008-01-01', validTo: '2025-06-30' };
  it('includes both ends and excludes the day after', () => {
    expect(isValidOn(district, '2008-01-01')).toBe(true);
    expect(isValidOn(district, '2025-06-30')).toBe(true);
    expect(isValidOn(district, '2025-07-01')).toBe(false);
    expect(isValidOn(district, '2007-12-31')).toBe(false);
    expect(isValidOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('currentSuccessor', () => {
  const chain = [
    { oldId: 'A', newId: 'B', effectiveDate: '2020-01-01' },
    { oldId: 'B', newId: 'C', effectiveDate: '2025-07-01' },
    { oldId: 'X', newId: 'Y', effectiveDate: '2025-07-01' },
    { oldId: 'X', newId: 'Z', effectiveDate: '2025-07-01' },
  ];
  it('follows the chain up to the date', () => {
    expect(currentSuccessor('A', chain, '2024-01-01')).toBe('B');
    expect(currentSuccessor('A', chain, '2026-01-01')).toBe('C');
    expect(currentSuccessor('C', chain, '2026-01-01')).toBe('C');
  });
  it('does not follow a succession before its effective date, and leaves unknown units alone', () => {
    expect(currentSuccessor('B', chain, '2025-06-30')).toBe('B');
    expect(currentSuccessor('A', chain, '2019-12-31')).toBe('A');
    expect(currentSuccessor('NOPE', chain, '2026-01-01')).toBe('NOPE');
  });
  it('takes the first listed successor of a split unit as primary', () => {
    expect(currentSuccessor('X', chain, '2026-01-01')).toBe('Y');
  });
  it('stops on a cycle instead of looping', () => {
    const cyclic = [
      { oldId: 'P', newId: 'Q', effectiveDate: '2020-01-01' },
      { oldId: 'Q', newId: 'P', effectiveDate: '2020-01-01' },
    ];
    expect(['P', 'Q']).toContain(currentSuccessor('P', cyclic, '2026-01-01'));
    const triangle = [
      { oldId: 'R', newId: 'S', effectiveDate: '2020-01-01' },
      { oldId: 'S', newId: 'T', effectiveDate: '2021-01-01' },
      { oldId: 'T', newId: 'R', effectiveDate: '2022-01-01' },
    ];
    expect(['R', 'S', 'T']).toContain(currentSuccessor('R', triangle, '2026-01-01'));
  });
});
