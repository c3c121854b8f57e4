import { describe, expect, it } from 'vitest';
import {
  batchTypeOf,
  CAMERA_COLUMNS,
  CAMERA_TEMPLATE_CSV,
  CSV,
  guessBatchType,
  NDJSON,
  problemOf,
} from './api.ts';
import { lastMonth, validateViolationsSearch } from './search.ts';
import { fineRange, violationLabel, violationTypeGroups } from './ui.tsx';

describe('enforcement web helpers', () => {
  it('reads the server problem paths by line and field', () => {
    expect(problemOf({ path: 'dòng 12.plate', message: 'x' })).toEqual({
      line: 12,
      field: 'plate',
      message: 'x',
    });
    expect(problemOf({ path: 'dòng 2', message: 'y' })).toEqual({ line: 2, field: '', message: 'y' });
    expect(problemOf({ path: 'body', message: 'z' })).toEqual({ line: null, field: 'body', message: 'z' });
  });

  it('tells NDJSON from CSV by file name and by pasted text', () => {
    expect(batchTypeOf('thang-11.NDJSON')).toBe(NDJSON);
    expect(batchTypeOf('a.jsonl')).toBe(NDJSON);
    expect(batchTypeOf('a.csv')).toBe(CSV);
    expect(batchTypeOf('a.xlsx')).toBeNull();
    expect(guessBatchType('\uFEFF  {"cameraId":"A"}')).toBe(NDJSON);
    expect(guessBatchType('cameraId,eventId\nA,1')).toBe(CSV);
  });

  it('ships a template with the server columns and one example line', () => {
    const [header, example, rest] = CAMERA_TEMPLATE_CSV.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(CAMERA_COLUMNS.join(','));
    expect(header).toBe(
      'cameraId,eventId,occurredAt,violation,plate,vehicleType,speedKmh,speedLimitKmh,lat,lon,place,imageSha256,imageUrl',
    );
    expect(example).toContain('25A-123.45');
    expect(rest).toBe('');
  });

  it('writes fines the Vietnamese way', () => {
    expect(fineRange(6_000_000, 8_000_000)).toBe('6.000.000 – 8.000.000 đ');
    expect(fineRange(400_000, 400_000)).toBe('400.000 đ');
    expect(fineRange(null, null)).toBe('');
  });

  it('groups the catalogue for the type filter', () => {
    const groups = violationTypeGroups();
    expect(groups[0]?.label).toBe('Nồng độ cồn, ma túy');
    expect(groups.flatMap((g) => g.options).some((o) => o.value === 'speed_20_35')).toBe(true);
    expect(violationLabel('red_light')).toBe('Không chấp hành hiệu lệnh của đèn tín hiệu giao thông');
  });

  it('keeps only valid filters from the URL, and knows last month', () => {
    expect(
      validateViolationsSearch({
        plate: ' 25a 123 45 ',
        type: 'bay',
        source: 'camera',
        from: '2026-11-30',
        to: '2026-11-01',
      }),
    ).toEqual({
      plate: '25a 123 45',
      type: undefined,
      source: 'camera',
      from: '2026-11-01',
      to: '2026-11-30',
      page: undefined,
      pageSize: undefined,
    });
    expect(lastMonth('2026-01-15')).toBe('2025-12');
    expect(lastMonth('2026-11-24')).toBe('2026-10');
  });
});
