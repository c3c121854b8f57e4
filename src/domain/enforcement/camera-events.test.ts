import { describe, expect, it } from 'vitest';
import { parseCsv, parseNdjson } from './camera-events.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const event = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    cameraId: 'CAM-QL4D-KM45',
    eventId: 'E-000123',
    occurredAt: '2026-11-20T07:15:30+07:00',
    violation: 'speed_20_35',
    plate: '25A-123.45',
    vehicleType: 'car',
    speedKmh: 92,
    speedLimitKmh: 60,
    lat: 22.3527,
    lon: 103.7708,
    ...over,
  });

describe('camera events', () => {
  it('reads NDJSON into events priced by the catalogue of the day', () => {
    const r = parseNdjson(
      `${event()}\n\n${event({ eventId: 'E-2', plate: '25-B1 234.56', vehicleType: 'motorbike', violation: 'red_light' })}\n`,
      NOW,
    );
    expect(r.problems).toEqual([]);
    expect(r.lines).toBe(2);
    expect(r.events[0]).toMatchObject({
      occurredAt: '2026-11-20T00:15:30.000Z',
      plate: '25A12345',
      plateDisplay: '25A-123.45',
      ruleSet: 'ND168-2024',
      fineMin: 6_000_000,
      fineMax: 8_000_000,
      points: 4,
    });
    expect(r.events[1]).toMatchObject({ plate: '25B123456', fineMin: 4_000_000, points: 4 });
    // The same event in 2024 is priced by Decree 100/2019, without points.
    const old = parseNdjson(event({ occurredAt: '2024-06-01T08:00:00+07:00' }), NOW).events[0]!;
    expect(old).toMatchObject({ ruleSet: 'ND100-2019', fineMin: 6_000_000, points: null });
  });

  it('reports every problem of a malformed batch by line and field', () => {
    const body = [
      event(),
      '{"cameraId": "CAM-1", ',
      event({ plate: 'không rõ', eventId: '' }),
      '[1, 2]',
      event({ occurredAt: '20/11/2026 07:15', violation: 'bay_qua_dau' }),
      event({ speedKmh: -3, lat: 22.1, lon: null, extra: 1 }),
      event({ occurredAt: '2026-12-31T00:00:00+07:00' }),
    ].join('\n');
    const r = parseNdjson(body, NOW);
    expect(r.events).toHaveLength(1);
    expect(r.problems).toEqual([
      { line: 2, field: '', message: 'Dòng không phải JSON hợp lệ.' },
      { line: 3, field: 'eventId', message: 'Thiếu giá trị bắt buộc.' },
      {
        line: 3,
        field: 'plate',
        message: 'Biển số có ký tự không hợp lệ: "không rõ".',
      },
      { line: 4, field: '', message: 'Mỗi dòng phải là một đối tượng JSON.' },
      { line: 5, field: 'occurredAt', message: 'Thời điểm phải có dạng yyyy-mm-ddThh:mm:ss+07:00.' },
      { line: 6, field: 'extra', message: 'Trường "extra" không có trong mẫu dữ liệu camera.' },
      { line: 6, field: 'speedKmh', message: 'Giá trị phải là số nguyên từ 0 đến 400.' },
      { line: 6, field: 'lon', message: 'Cần cả vĩ độ và kinh độ.' },
      { line: 7, field: 'occurredAt', message: 'Thời điểm ở tương lai.' },
    ]);
  });

  it('reads CSV with a header in any order, quoted fields included', () => {
    const csv = [
      'eventId,cameraId,occurredAt,violation,plate,place',
      'E-1,CAM-1,2026-11-20T07:00:00+07:00,no_helmet,25-B1 111.11,"Km 45+200, QL4D"',
      '',
      'E-2,CAM-1,2026-11-20T07:01:00+07:00,phone,25A-222.22,',
    ].join('\r\n');
    const r = parseCsv(csv, NOW);
    expect(r.problems).toEqual([]);
    expect(r.events.map((e) => [e.eventId, e.plateDisplay, e.place])).toEqual([
      ['E-1', '25-B1 111.11', 'Km 45+200, QL4D'],
      ['E-2', '25A-222.22', null],
    ]);
  });

  it('refuses a CSV without the required columns, or with rows of the wrong width', () => {
    expect(parseCsv('cameraId,plate\nCAM-1,25A-123.45', NOW).problems.map((p) => p.message)).toEqual([
      'Thiếu cột "eventId".',
      'Thiếu cột "occurredAt".',
      'Thiếu cột "violation".',
    ]);
    const r = parseCsv(
      'cameraId,eventId,occurredAt,violation,plate\nCAM-1,E-1,2026-11-20T07:00:00+07:00,phone',
      NOW,
    );
    expect(r.problems).toEqual([{ line: 2, field: '', message: 'Dòng có 4 cột, tiêu đề có 5.' }]);
  });
});
