import { describe, expect, it } from 'vitest';
import { haversineM } from '../blackspots/spatial.ts';
import { INCIDENT_STATUSES, NEXT_STATUSES } from './codes.ts';
import {
  boxAround,
  findSameEvent,
  type IncidentCandidate,
  judge,
  nearestCentre,
  nearestFacilities,
  normalisePlace,
  responseKpi,
  responseSentence,
  trackingCodeOf,
  transitionProblem,
} from './response.ts';

const T0 = Date.parse('2026-11-20T02:00:00Z'); // 09:00 in Viet Nam
const min = (n: number) => T0 + n * 60_000;
// Dốc Cổng Trời on QL4D (Ô Quy Hồ pass) and a point 300 m further along, 2 km away.
const PASS = { lat: 22.3527, lon: 103.7708 };
const NEAR = { lat: 22.3527 + 0.0027, lon: 103.7708 };
const FAR = { lat: 22.3527 + 0.018, lon: 103.7708 };

const incident = (id: number, at: number, place: Partial<IncidentCandidate>): IncidentCandidate => ({
  id,
  occurredAt: at,
  lat: null,
  lon: null,
  placeText: null,
  status: 'received',
  ...place,
});

describe('reports of one event are grouped', () => {
  it('joins a report 300 m and 10 minutes from an open incident, not one 2 km away', () => {
    const open = [incident(1, min(0), FAR), incident(2, min(-5), PASS)];
    expect(findSameEvent({ occurredAt: min(10), ...NEAR, placeText: null }, open)).toBe(2);
  });
  it('opens a new incident after the time window or for a closed incident', () => {
    expect(
      findSameEvent({ occurredAt: min(61), ...PASS, placeText: null }, [incident(1, min(0), PASS)]),
    ).toBeNull();
    expect(
      findSameEvent({ occurredAt: min(5), ...PASS, placeText: null }, [
        incident(1, min(0), { ...PASS, status: 'closed' }),
        incident(2, min(0), { ...PASS, status: 'dismissed' }),
      ]),
    ).toBeNull();
  });
  it('prefers the nearest of two candidates', () => {
    const open = [incident(1, min(0), { lat: PASS.lat + 0.004, lon: PASS.lon }), incident(2, min(0), NEAR)];
    expect(findSameEvent({ occurredAt: min(1), ...PASS, placeText: null }, open)).toBe(2);
  });
  it('matches typed places without coordinates by their normalised text', () => {
    expect(normalisePlace('  Dốc  Cổng Trời, Km 45+200 QL4D ')).toBe('doc cong troi km 45+200 ql4d');
    const open = [incident(7, min(0), { placeText: 'Dốc Cổng Trời, Km 45+200 QL4D' })];
    expect(
      findSameEvent(
        { occurredAt: min(3), lat: null, lon: null, placeText: 'doc cong troi km 45+200 ql4d' },
        open,
      ),
    ).toBe(7);
    expect(
      findSameEvent({ occurredAt: min(3), lat: null, lon: null, placeText: 'Bản Hon' }, open),
    ).toBeNull();
  });
});

describe('nearest facilities', () => {
  const facilities = [
    { id: 1, kind: 'health_station', lat: 22.36, lon: 103.77, active: true, name: 'Trạm y tế xã Sơn Bình' },
    { id: 2, kind: 'hospital', lat: 22.4, lon: 103.46, active: true, name: 'Bệnh viện Đa khoa tỉnh' },
    { id: 3, kind: 'health_station', lat: 22.353, lon: 103.771, active: false, name: 'Trạm tạm ngừng' },
    { id: 4, kind: 'traffic_police', lat: 22.37, lon: 103.6, active: true, name: 'Trạm CSGT Tam Đường' },
    { id: 5, kind: 'emergency_115', lat: 22.39, lon: 103.47, active: true, name: 'Cấp cứu 115' },
    { id: 6, kind: 'health_station', lat: 22.3, lon: 103.8, active: true, name: 'Trạm y tế xã Bản Bo' },
  ];
  it('lists active facilities nearest first, at most n of each group', () => {
    const near = nearestFacilities(PASS, facilities, 2);
    expect(near.map((f) => f.id)).toEqual([1, 6, 4]);
    expect(near[0]!.distanceKm).toBeCloseTo(0.816, 2); // 0,0073° north ≈ 812 m, 0,0008° east ≈ 82 m
    expect(near.map((f) => f.group)).toEqual(['health', 'health', 'police']);
  });
  it('puts a point in the commune whose centre is nearest', () => {
    const centres = [
      { id: 'A', lat: 22.39, lon: 103.46 },
      { id: 'B', lat: 22.36, lon: 103.76 },
    ];
    expect(nearestCentre(PASS, centres)?.id).toBe('B');
    expect(nearestCentre(PASS, [])).toBeNull();
  });
});

describe('status rules', () => {
  it('allows skipping forward but never going back', () => {
    expect(transitionProblem('received', 'on_scene', min(9), min(0), min(10))).toBeNull();
    expect(transitionProblem('on_scene', 'closed', min(30), min(0), min(40))).toBeNull();
    expect(transitionProblem('closed', 'received', min(9), min(0), min(10))).toMatch(/Không thể chuyển/);
    expect(transitionProblem('on_scene', 'dispatched', min(9), min(0), min(10))).toMatch(/Không thể chuyển/);
  });
  it('refuses a time in the future or before the first report', () => {
    expect(transitionProblem('dispatched', 'on_scene', min(20), min(0), min(10))).toMatch(/tương lai/);
    expect(transitionProblem('dispatched', 'on_scene', min(-1), min(0), min(10))).toMatch(/trước lúc nhận/);
  });
  it('every status in the transition table is a known status', () => {
    const known = new Set(INCIDENT_STATUSES.map((s) => s.code));
    for (const [from, tos] of Object.entries(NEXT_STATUSES)) {
      expect(known.has(from as never)).toBe(true);
      for (const to of tos) expect(known.has(to)).toBe(true);
    }
  });
});

describe('tracking codes', () => {
  it('uses no characters that are misheard on the phone', () => {
    const code = trackingCodeOf(new Uint8Array([0, 1, 2, 3, 29, 30, 31, 255]));
    expect(code).toBe('TN-2345-Z23H');
    expect(code).not.toMatch(/[01ILOU]/);
    expect(() => trackingCodeOf(new Uint8Array(4))).toThrow();
  });
});

describe('the 30-minute response KPI', () => {
  const fact = (
    status: IncidentStatus,
    onScene: number | null,
    month: string,
    commune: string,
    start = 0,
  ) => ({
    status,
    firstReportedAt: min(start),
    onSceneAt: onScene === null ? null : min(start + onScene),
    keys: { month, commune },
  });
  type IncidentStatus = Parameters<typeof judge>[0]['status'];

  it('judges arrival against 30 minutes; an unreached incident counts once its 30 minutes are over', () => {
    const now = min(100);
    expect(judge(fact('closed', 26, '2026-11', 'X'), now)).toEqual({ reached: true, minutes: 26 });
    expect(judge(fact('closed', 30, '2026-11', 'X'), now)?.reached).toBe(true);
    expect(judge(fact('closed', 31, '2026-11', 'X'), now)?.reached).toBe(false);
    expect(judge(fact('received', null, '2026-11', 'X', 90), now)).toBeNull(); // 10 minutes old
    expect(judge(fact('dispatched', null, '2026-11', 'X'), now)).toEqual({ reached: false, minutes: null });
    expect(judge(fact('dismissed', null, '2026-11', 'X'), now)).toBeNull();
  });

  it('gives "83 % reached within 30 minutes" and shows which commune pulls it down', () => {
    // Journey 3: six incidents in the month, five reached in time; the late one is in Sìn Hồ.
    const facts = [
      fact('closed', 9, '2026-10', 'TAM-DUONG'),
      fact('closed', 26, '2026-10', 'TAM-DUONG'),
      fact('closed', 18, '2026-10', 'BINH-LU'),
      fact('closed', 12, '2026-10', 'BINH-LU'),
      fact('closed', 29, '2026-10', 'SIN-HO'),
      fact('closed', 47, '2026-10', 'SIN-HO'),
      fact('dismissed', null, '2026-10', 'SIN-HO'),
      fact('closed', 20, '2026-11', 'SIN-HO'),
    ];
    const kpi = responseKpi(facts, min(1000), ['month', 'commune']);
    expect(kpi.total).toEqual({ incidents: 7, reached: 6, share: 6 / 7, medianMinutes: 20 });
    const oct = kpi.groups.month!.get('2026-10')!;
    expect(oct.incidents).toBe(6);
    expect(oct.reached).toBe(5);
    expect(Math.round(oct.share! * 1000) / 10).toBe(83.3);
    expect(oct.medianMinutes).toBe(22); // 9 12 18 26 29 47 → (18 + 26) / 2
    const sinHo = kpi.groups.commune!.get('SIN-HO')!;
    expect(sinHo).toEqual({ incidents: 3, reached: 2, share: 2 / 3, medianMinutes: 29 });
    expect([...kpi.groups.commune!.keys()]).toEqual(['BINH-LU', 'SIN-HO', 'TAM-DUONG']);
  });

  it('has no share when nothing needed a response', () => {
    const kpi = responseKpi([fact('dismissed', null, '2026-10', 'X')], min(1000), ['month']);
    expect(kpi.total).toEqual({ incidents: 0, reached: 0, share: null, medianMinutes: null });
  });
});

describe('the box around a point', () => {
  it('holds every point within the radius, in every direction, and not much more', () => {
    const box = boxAround(PASS.lat, PASS.lon, 500);
    for (let deg = 0; deg < 360; deg += 15) {
      const a = (deg * Math.PI) / 180;
      // 499 m away in direction a (small-distance approximation, checked with haversine)
      const p = {
        lat: PASS.lat + (499 / 111_195) * Math.cos(a),
        lon: PASS.lon + (499 / (111_195 * Math.cos((PASS.lat * Math.PI) / 180))) * Math.sin(a),
      };
      expect(haversineM(PASS.lat, PASS.lon, p.lat, p.lon)).toBeLessThan(500);
      expect(p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon).toBe(
        true,
      );
    }
    expect(haversineM(box.minLat, PASS.lon, box.maxLat, PASS.lon)).toBeLessThan(1100);
  });
});

describe('the review report sentence on rescue', () => {
  it('gives the share and names the communes below it', () => {
    const t = (incidents: number, reached: number) => ({
      incidents,
      reached,
      share: incidents ? reached / incidents : null,
      medianMinutes: null,
    });
    expect(
      responseSentence(t(133, 111), [
        { label: 'Hồng Thu', ...t(1, 0) }, // one incident: not named
        { label: 'Sìn Hồ', ...t(14, 8) },
        { label: 'Nậm Tăm', ...t(14, 10) },
        { label: 'Bình Lư', ...t(10, 10) },
      ]),
    ).toBe(
      'Tiếp nhận 133 sự cố TNGT qua ứng dụng báo tin; lực lượng chức năng có mặt tại hiện trường trong 30 phút ' +
        'đối với 111 sự cố (83,5 %); thấp nhất: Sìn Hồ (57,1 %), Nậm Tăm (71,4 %).',
    );
    expect(responseSentence(t(0, 0), [])).toBeNull();
  });
});
