/**
 * Demo enforcement data for the demo province: a year of patrol and camera violations (2026 up to `asOf`), about
 * a third of them with a person whose workplace is one of the demo org units, a school, or a commune of
 * residence; and one peak campaign before Tết Bính Ngọ (17/02/2026) with its daily hand tallies.
 * Priced and checked by the same domain rules as real entries (checkPatrolViolation). Plates are in series
 * the tests never use (25C-… cars, 25-F1 … motorbikes). Seeded: the same data every time.
 */
import { localDateOf } from '../crashes/periods.ts';
import { checkPatrolViolation } from '../enforcement/patrol-violation.ts';
import { pointAtKm } from './province.ts';
import { Rng } from './rng.ts';
import type { DemoProvince } from './types.ts';

export interface DemoViolation {
  source: 'patrol' | 'camera';
  cameraId: string | null;
  cameraEventId: string | null;
  typeCode: string;
  ruleSet: string;
  occurredAt: string;
  place: string;
  lat: number;
  lon: number;
  adminUnitId: string | null;
  plate: string;
  plateDisplay: string;
  vehicleType: string;
  speedKmh: number | null;
  speedLimitKmh: number | null;
  personName: string | null;
  personIdNumber: string | null;
  personOrgUnitCode: string | null;
  personSchool: string | null;
  personAdminUnitId: string | null;
  fineMin: number;
  fineMax: number;
  fineVnd: number | null;
  points: number | null;
  status: string;
  evidence: { sha256: string }[];
  inCampaign: boolean;
}

export interface DemoCampaign {
  name: string;
  from: string;
  to: string;
  focus: string[];
  forces: string;
  leadOrgUnitCode: string;
  tallies: { day: string; typeCode: string; count: number; finesVnd: number }[];
}

export const DEMO_CAMPAIGN_FROM = '2026-01-20';
export const DEMO_CAMPAIGN_TO = '2026-02-28';
const FOCUS = ['alcohol_1', 'alcohol_2', 'speed_20_35', 'no_helmet'];

const PATROL_TYPES: [string, number][] = [
  ['no_helmet', 30],
  ['alcohol_1', 18],
  ['alcohol_2', 6],
  ['no_licence', 12],
  ['wrong_lane', 8],
  ['overtaking', 6],
  ['phone', 6],
  ['speed_10_20', 8],
  ['speed_20_35', 4],
  ['reckless', 2],
];
const SCHOOLS = ['Trường THPT Chuyên Lê Quý Đôn', 'Trường THPT số 1 Tam Đường', 'Trường Cao đẳng Cộng đồng'];
const FAMILIES = ['Nguyễn', 'Lò', 'Giàng', 'Tẩn', 'Vàng', 'Trần', 'Lê', 'Hoàng', 'Sùng', 'Đèo'];
const MIDDLE = ['Văn', 'Thị', 'A', 'Seo', 'Minh', 'Đức'];
const GIVEN = ['Hùng', 'Pản', 'Páo', 'Lan', 'Dế', 'Sơn', 'Chu', 'Mai', 'Tuấn', 'Hoa', 'Xiêng', 'Lử'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const hex = (rng: Rng) => Array.from({ length: 64 }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');

/** Local date and time → ISO instant with +07:00. */
const at = (date: string, minutes: number) =>
  `${date}T${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}:00+07:00`;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function demoEnforcement(
  province: DemoProvince,
  asOf: string,
): { campaign: DemoCampaign; violations: DemoViolation[] } {
  const rng = new Rng(20268);
  const now = Date.parse(`${asOf}T23:59:59+07:00`);
  const communes = province.adminUnits.filter((u) => u.level === 'commune' && u.validTo === null);
  const workplaces = province.orgUnits
    .filter((o) => o.kind === 'agency' || o.kind === 'division' || o.kind === 'office')
    .map((o) => o.code);
  const roads = province.roads;
  const people = Array.from({ length: 120 }, (_, i) => ({
    name: `${rng.pick(FAMILIES)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`,
    idNumber: `0121${pad(rng.int(50, 99), 2)}${pad(i * 37 + rng.int(0, 36), 6)}`,
    orgUnitCode: rng.next() < 0.55 ? rng.pick(workplaces) : null,
    school: rng.next() < 0.2 ? rng.pick(SCHOOLS) : null,
    communeId: rng.pick(communes).id,
  }));
  const violations: DemoViolation[] = [];
  const days = Math.round((Date.parse(asOf) - Date.parse('2026-01-01')) / 86_400_000) + 1;
  for (let d = 0; d < days; d++) {
    const date = addDays('2026-01-01', d);
    const campaign = date >= DEMO_CAMPAIGN_FROM && date <= DEMO_CAMPAIGN_TO;
    const n = rng.poisson(campaign ? 2.2 : 0.75);
    for (let k = 0; k < n; k++) {
      const camera = !campaign && rng.next() < 0.3;
      const road = rng.pick(roads);
      const km = rng.next() * road.lengthKm;
      const { lat, lon } = pointAtKm(road, km);
      const typeCode = camera
        ? rng.weighted([
            ['speed_10_20', 5],
            ['speed_20_35', 3],
            ['red_light', 2],
          ] as const)
        : campaign && rng.next() < 0.6
          ? rng.pick(FOCUS)
          : rng.weighted(PATROL_TYPES);
      const car = camera
        ? rng.next() < 0.7
        : typeCode === 'speed_20_35'
          ? rng.next() < 0.5
          : rng.next() < 0.15;
      const vehicleType = car ? 'car' : 'motorbike';
      if (typeCode === 'no_helmet' && car) continue;
      const number = rng.int(100, 999) * 100 + rng.int(0, 99);
      const plate = car
        ? `25C-${String(number).slice(0, 3)}.${String(number).slice(3)}`
        : `25-F1 ${String(number).slice(0, 3)}.${String(number).slice(3)}`;
      // Evenings and nights for alcohol, daytime for the rest.
      const minutes = typeCode.startsWith('alcohol')
        ? rng.int(18 * 60, 23 * 60 + 59)
        : rng.int(6 * 60, 18 * 60);
      const occurredAt = at(date, minutes);
      const checked = checkPatrolViolation({ typeCode, occurredAt, vehicleType, plate }, now);
      if (!checked.ok) continue;
      const v = checked.value;
      const person = !camera && rng.next() < 0.5 ? rng.pick(people) : null;
      const fineVnd = camera
        ? null
        : v.fineMin + Math.round((rng.next() * (v.fineMax - v.fineMin)) / 100_000) * 100_000;
      const old = Date.parse(asOf) - Date.parse(v.occurredAt) > 30 * 86_400_000;
      const status = camera
        ? rng.weighted([
            ['notice_issued', old ? 3 : 1],
            ['paid', old ? 5 : 0],
            ['recorded', old ? 0 : 4],
          ] as const)
        : old
          ? rng.weighted([
              ['paid', 8],
              ['unpaid', 1],
              ['forwarded', 1],
            ] as const)
          : 'recorded';
      const limit = [50, 60, 80][rng.int(0, 2)]!;
      const over =
        typeCode === 'speed_10_20' ? rng.int(10, 20) : typeCode === 'speed_20_35' ? rng.int(21, 35) : null;
      violations.push({
        source: camera ? 'camera' : 'patrol',
        cameraId: camera ? `CAM-${road.code}-KM${Math.round(km)}` : null,
        cameraEventId: camera ? `DEMO-${date}-${k}` : null,
        typeCode: v.typeCode,
        ruleSet: v.ruleSet,
        occurredAt: v.occurredAt,
        place: `Km ${Math.floor(km)}+${pad(Math.round((km % 1) * 1000) % 1000, 3)} ${road.code}`,
        lat,
        lon,
        adminUnitId: camera ? null : rng.pick(communes).id,
        plate: v.plate!,
        plateDisplay: v.plateDisplay!,
        vehicleType,
        speedKmh: over === null ? null : limit + over,
        speedLimitKmh: over === null ? null : limit,
        personName: person?.name ?? null,
        personIdNumber: person?.idNumber ?? null,
        personOrgUnitCode: person?.orgUnitCode ?? null,
        personSchool: person?.school ?? null,
        personAdminUnitId: person?.communeId ?? null,
        fineMin: v.fineMin,
        fineMax: v.fineMax,
        fineVnd,
        points: v.points,
        status,
        evidence: camera ? [{ sha256: hex(rng) }] : [],
        inCampaign: campaign && !camera && rng.next() < 0.7,
      });
    }
  }
  const tallies: DemoCampaign['tallies'] = [];
  for (let day = DEMO_CAMPAIGN_FROM; day <= DEMO_CAMPAIGN_TO; day = addDays(day, 1))
    for (const typeCode of FOCUS) {
      const count = rng.poisson(typeCode === 'no_helmet' ? 9 : typeCode === 'alcohol_1' ? 5 : 1.5);
      if (count === 0) continue;
      const fine = checkPatrolViolation(
        { typeCode, occurredAt: at(day, 720), vehicleType: 'motorbike' },
        now,
      );
      tallies.push({ day, typeCode, count, finesVnd: fine.ok ? count * fine.value.fineMin : 0 });
    }
  return {
    campaign: {
      name: 'Cao điểm bảo đảm TTATGT dịp Tết Nguyên đán Bính Ngọ và Lễ hội xuân 2026',
      from: DEMO_CAMPAIGN_FROM,
      to: DEMO_CAMPAIGN_TO,
      focus: FOCUS,
      forces: 'Phòng CSGT, Cảnh sát cơ động, Công an các xã, phường',
      leadOrgUnitCode: 'CA',
      tallies,
    },
    violations: violations.filter(
      (v) => Date.parse(v.occurredAt) <= now && localDateOf(Date.parse(v.occurredAt)) <= asOf,
    ),
  };
}
