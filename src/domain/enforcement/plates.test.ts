import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlate, plateKey } from './plates.ts';

const read = (raw: string) => {
  const r = parsePlate(raw);
  if (!r.ok) throw new Error(r.error);
  return r.plate;
};

describe('Vietnamese plates', () => {
  it.each([
    // [as written, key, display, kind]
    ['29A-123.45', '29A12345', '29A-123.45', 'car'],
    ['29a 123 45', '29A12345', '29A-123.45', 'car'],
    ['29A12345', '29A12345', '29A-123.45', 'car'],
    ['30K-567.89', '30K56789', '30K-567.89', 'car'],
    ['30K-5678', '30K5678', '30K-5678', 'car'],
    ['51LD-123.45', '51LD12345', '51LD-123.45', 'car'],
    ['25C-012.34', '25C01234', '25C-012.34', 'car'],
    ['29-B1 123.45', '29B112345', '29-B1 123.45', 'motorbike'],
    ['29B112345', '29B112345', '29-B1 123.45', 'motorbike'],
    ['29 - b1  123.45', '29B112345', '29-B1 123.45', 'motorbike'],
    ['59-X3 1234', '59X31234', '59-X3 1234', 'motorbike'],
    ['29-A1 2345', '29A12345', '29-A1 2345', 'motorbike'],
    ['29-MĐ1 234.56', '29MD123456', '29-MĐ1 234.56', 'motorbike'],
    ['29-md1 23456', '29MD123456', '29-MĐ1 234.56', 'motorbike'],
    ['25-AA 123.45', '25AA12345', '25-AA 123.45', 'moped'],
    ['80-NG-123-45', '80NG12345', '80-NG-123-45', 'foreign'],
    ['41 NN 123 45', '41NN12345', '41-NN-123-45', 'foreign'],
    ['TM-12-34', 'TM1234', 'TM-12-34', 'military'],
  ])('%s → %s (%s)', (raw, key, display, kind) => {
    expect(read(raw)).toMatchObject({ key, display, kind });
  });

  it('gives one key to every way of writing the same plate', () => {
    expect(new Set(['29A-123.45', '29a12345', ' 29A 123.45 ', '29A_123_45'].map(plateKey))).toEqual(
      new Set(['29A12345']),
    );
    // The ambiguous 29-A1 2345 (motorbike) and 29A-123.45 (car) share the key: matching does not need the kind.
    expect(plateKey('29-A1 2345')).toBe(plateKey('29A-123.45'));
    expect(read('25C-012.34').province).toBe('25'); // Lai Châu
  });

  it.each([
    ['', 'Thiếu biển số.'],
    ['   ', 'Thiếu biển số.'],
    ['khong co bien', 'Không nhận ra biển số'],
    ['29A-12.3', 'Không nhận ra biển số'],
    ['29A-1234567', 'Không nhận ra biển số'],
    ['05A-123.45', 'Mã tỉnh 05 không tồn tại.'],
    ['29O-123.45', 'không dùng chữ I, O, Q, W'],
    ['29-I1 123.45', 'không dùng chữ I, O, Q, W'],
    ['29A-123.45;--', 'ký tự không hợp lệ'],
    ['29A–123.45€', 'ký tự không hợp lệ'],
    ['x'.repeat(40), 'quá dài'],
  ])('refuses %j', (raw, message) => {
    const r = parsePlate(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('never throws, and a plate read back from its display gives the same key and display', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        const r = parsePlate(s);
        if (r.ok) {
          const again = parsePlate(r.plate.display);
          expect(again.ok && again.plate.key).toBe(r.plate.key);
          expect(again.ok && again.plate.display).toBe(r.plate.display);
        }
      }),
    );
    const plates = fc
      .tuple(
        fc.integer({ min: 11, max: 99 }),
        fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'K', 'L', 'M', 'N', 'P', 'S', 'T', 'X'),
        fc.integer({ min: 0, max: 99999 }),
      )
      .map(
        ([p, l, n]) =>
          `${p}${l}-${String(n).padStart(5, '0').slice(0, 3)}.${String(n).padStart(5, '0').slice(3)}`,
      );
    fc.assert(
      fc.property(plates, (display) => {
        const r = parsePlate(display.toLowerCase().replace(/[-.]/g, ' '));
        expect(r.ok && r.plate.display).toBe(display);
      }),
    );
  });
});
