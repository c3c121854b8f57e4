/**
 * The demo province's response registry and quick-report history: the facilities help comes from (the
 * 115 centre, hospitals, every commune's health station and police, the traffic-police teams) and a
 * year of citizens' reports with their dispatch timelines. Seeded, so every run gives the same figures.
 * Remote communes of the old Sìn Hồ district are reached more slowly, as in journey 3.
 */
import type { FacilityKind, IncidentStatus } from '../incidents/codes.ts';
import { nearestCentre } from '../incidents/response.ts';
import { pointAtKm } from './province.ts';
import { Rng } from './rng.ts';
import type { DemoProvince } from './types.ts';

export interface FacilitySeed {
  name: string;
  kind: FacilityKind;
  adminUnitId: string | null;
  orgUnitCode: string;
  lat: number;
  lon: number;
  phone: string;
}

export interface IncidentReportSeed {
  clientId: string;
  trackingCode: string;
  receivedAt: string;
  occurredAt: string;
  lat: number;
  lon: number;
  accuracyM: number;
  victims: number;
  trapped: number;
  vehicles: string[];
  description: string | null;
}
export interface IncidentSeed {
  firstReportedAt: string;
  occurredAt: string;
  lat: number;
  lon: number;
  accuracyM: number;
  placeText: string | null;
  adminUnitId: string;
  victims: number;
  trapped: number;
  status: IncidentStatus;
  /** Minutes after the first report of each step reached. */
  steps: { status: IncidentStatus; afterMinutes: number }[];
  /** Index into the facilities. */
  assigned: number[];
  reports: IncidentReportSeed[];
}

const MINUTE = 60_000;
/** Communes whose roads are long and steep: help arrives late more often. */
const REMOTE = new Set(['Sìn Hồ', 'Hồng Thu', 'Nậm Tăm', 'Pu Sam Cáp']);

const phone = (rng: Rng) => `0213 ${rng.int(3800, 3899)} ${String(rng.int(0, 999)).padStart(3, '0')}`;

export function demoFacilities(p: DemoProvince): FacilitySeed[] {
  const rng = new Rng(7007);
  const communes = p.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
  const districts = p.adminUnits.filter((u) => u.level === 'district');
  const capital = { lat: 22.396, lon: 103.458 };
  const shift = (lat: number, lon: number) => ({
    lat: Math.round((lat + (rng.next() - 0.5) * 0.006) * 1e5) / 1e5,
    lon: Math.round((lon + (rng.next() - 0.5) * 0.006) * 1e5) / 1e5,
  });
  const out: FacilitySeed[] = [
    {
      name: 'Trung tâm Cấp cứu 115 tỉnh',
      kind: 'emergency_115',
      adminUnitId: null,
      orgUnitCode: 'SYT-TTCC',
      ...capital,
      phone: '115',
    },
    {
      name: 'Bệnh viện Đa khoa tỉnh',
      kind: 'hospital',
      adminUnitId: null,
      orgUnitCode: 'SYT',
      ...shift(capital.lat, capital.lon),
      phone: phone(rng),
    },
    {
      name: 'Đội Tuần tra, kiểm soát giao thông số 1',
      kind: 'traffic_police',
      adminUnitId: null,
      orgUnitCode: 'PC08-D1',
      ...shift(capital.lat, capital.lon),
      phone: phone(rng),
    },
  ];
  for (const d of districts) {
    if (d.name === 'Lai Châu') continue;
    const near = nearestCentre(d, communes);
    out.push(
      {
        name: `Trung tâm Y tế khu vực ${d.name}`,
        kind: 'hospital',
        adminUnitId: near?.id ?? null,
        orgUnitCode: 'SYT',
        ...shift(d.lat, d.lon),
        phone: phone(rng),
      },
      {
        name: `Trạm CSGT ${d.name}`,
        kind: 'traffic_police',
        adminUnitId: near?.id ?? null,
        orgUnitCode: 'PC08',
        ...shift(d.lat, d.lon),
        phone: phone(rng),
      },
    );
  }
  for (const c of communes) {
    out.push(
      {
        name: `Trạm Y tế ${c.kind} ${c.name}`,
        kind: 'health_station',
        adminUnitId: c.id,
        orgUnitCode: 'SYT',
        ...shift(c.lat, c.lon),
        phone: phone(rng),
      },
      {
        name: `Công an ${c.kind} ${c.name}`,
        kind: 'police_post',
        adminUnitId: c.id,
        orgUnitCode: 'CA',
        ...shift(c.lat, c.lon),
        phone: phone(rng),
      },
    );
  }
  return out;
}

/** A version-4-shaped id from the seeded generator (demo data must be the same on every run). */
function uuidOf(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 3) + 8) as number).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const CODE = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeOf = (rng: Rng) => {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE[rng.int(0, CODE.length - 1)];
  return `TN-${s.slice(0, 4)}-${s.slice(4)}`;
};

const DESCRIPTIONS = [
  'Xe máy va chạm với ô tô tải ở khúc cua, một người nằm trên đường.',
  'Xe máy tự ngã khi xuống dốc, người lái bị thương ở chân.',
  'Ô tô khách va chạm xe máy, có người bị kẹt dưới gầm xe.',
  'Hai xe máy đâm nhau, trời tối, đường trơn.',
  'Xe tải mất phanh lao vào ta luy dương.',
  null,
];

/**
 * Incidents from 1 January of asOf's year to asOf (local days), about 14 a month. `now` places the
 * two incidents still open on the board a few minutes before the demo is loaded.
 */
export function demoIncidents(
  p: DemoProvince,
  facilities: FacilitySeed[],
  asOf: string,
  now: Date,
): IncidentSeed[] {
  const rng = new Rng(3030);
  const communes = p.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
  const start = Date.parse(`${asOf.slice(0, 4)}-01-01T00:00:00+07:00`);
  const end = Date.parse(`${asOf}T23:59:59+07:00`);
  const out: IncidentSeed[] = [];
  const make = (first: number, status: IncidentStatus | null): IncidentSeed => {
    const road = rng.pick(p.roads);
    const at = pointAtKm(road, rng.next() * road.lengthKm);
    const lat = Math.round((at.lat + (rng.next() - 0.5) * 0.002) * 1e5) / 1e5;
    const lon = Math.round((at.lon + (rng.next() - 0.5) * 0.002) * 1e5) / 1e5;
    const commune = nearestCentre({ lat, lon }, communes)!;
    const remote = REMOTE.has(commune.name);
    const victims = rng.weighted([
      [1, 5],
      [2, 3],
      [3, 1],
      [4, 1],
    ] as const);
    const trapped = rng.next() < 0.12 ? 1 : 0;
    const occurred = first - rng.int(1, 6) * MINUTE;
    const dispatchAfter = rng.int(1, 5);
    const travel = remote ? rng.int(12, 45) : rng.next() < 0.08 ? rng.int(25, 40) : rng.int(5, 22);
    const steps: IncidentSeed['steps'] = [
      { status: 'dispatched', afterMinutes: dispatchAfter },
      { status: 'on_scene', afterMinutes: dispatchAfter + travel },
      { status: 'transported', afterMinutes: dispatchAfter + travel + rng.int(10, 25) },
      { status: 'closed', afterMinutes: dispatchAfter + travel + rng.int(60, 180) },
    ];
    const dismissed = status === null && rng.next() < 0.04;
    const final = status ?? (dismissed ? 'dismissed' : 'closed');
    const kept = dismissed
      ? [{ status: 'dismissed' as const, afterMinutes: rng.int(10, 30) }]
      : steps.slice(0, steps.findIndex((s) => s.status === final) + 1);
    const health = facilities
      .map((f, i) => ({ i, f }))
      .filter(({ f }) => f.kind === 'health_station' || f.kind === 'hospital' || f.kind === 'emergency_115');
    const nearestHealth = nearestCentre(
      { lat, lon },
      health.map(({ i, f }) => ({ i, lat: f.lat, lon: f.lon })),
    )!.i;
    const reportCount = rng.weighted([
      [1, 6],
      [2, 3],
      [3, 1],
    ] as const);
    const vehicles = [
      rng.weighted([
        ['motorbike', 6],
        ['car', 2],
        ['truck', 2],
        ['bus', 1],
      ] as const),
    ];
    const reports: IncidentReportSeed[] = Array.from({ length: reportCount }, (_, k) => ({
      clientId: uuidOf(rng),
      trackingCode: codeOf(rng),
      receivedAt: new Date(first + k * rng.int(1, 6) * MINUTE).toISOString(),
      occurredAt: new Date(occurred).toISOString(),
      lat: Math.round((lat + (rng.next() - 0.5) * 0.001) * 1e5) / 1e5,
      lon: Math.round((lon + (rng.next() - 0.5) * 0.001) * 1e5) / 1e5,
      accuracyM: rng.int(5, 60),
      victims,
      trapped,
      vehicles,
      description: k === 0 ? rng.pick(DESCRIPTIONS) : null,
    }));
    return {
      firstReportedAt: new Date(first).toISOString(),
      occurredAt: new Date(occurred).toISOString(),
      lat,
      lon,
      accuracyM: reports[0]!.accuracyM,
      placeText: `${road.name}, Km ${Math.round(rng.next() * road.lengthKm)}`,
      adminUnitId: commune.id,
      victims,
      trapped,
      status: final,
      steps: kept,
      assigned: final === 'received' || dismissed ? [] : [nearestHealth],
      reports,
    };
  };
  for (let t = start + rng.int(10, 60) * 60 * MINUTE; t < end; t += rng.int(28, 80) * 60 * MINUTE) {
    out.push(make(t, null));
  }
  // Live on the board: one just reported, one dispatched nine minutes ago and still on its way.
  out.push(make(now.getTime() - 9 * MINUTE, 'dispatched'));
  out.push(make(now.getTime() - 2 * MINUTE, 'received'));
  return out;
}
