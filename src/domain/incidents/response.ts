/**
 * The domain of quick reports and response: grouping reports of one event, the nearest facilities, the
 * status rules, tracking codes, and the 30-minute response KPI. Plain TypeScript, no I/O.
 */
import { haversineM } from '../blackspots/spatial.ts';
import { formatNumberVi } from '../crashes/comparison.ts';
import {
  type FacilityGroup,
  facilityGroupOf,
  type IncidentStatus,
  NEXT_STATUSES,
  OPEN_STATUSES,
  RESPONSE_TARGET_MINUTES,
} from './codes.ts';

const MINUTE = 60_000;

// ── Grouping reports of one event (gộp tin báo trùng) ─────────────────────────────────────────────

/** Two reports belong to one event when they are this close in place and time. */
export const SAME_EVENT = { radiusM: 500, windowMinutes: 60 } as const;

export interface ReportPlace {
  /** Epoch milliseconds of the crash as reported. */
  occurredAt: number;
  lat: number | null;
  lon: number | null;
  placeText: string | null;
}
export interface IncidentCandidate extends ReportPlace {
  id: number;
  status: IncidentStatus;
}

/** Lower case, no diacritics, single spaces: "Dốc  Cổng Trời" and "doc cong troi" compare equal. */
export function normalisePlace(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/**
 * The open incident a new report belongs to, or null for a new incident. With coordinates on both
 * sides: within `radiusM` and `windowMinutes`, nearest first. Without: the same typed place (after
 * normalising) within the window. Closed and dismissed incidents never take new reports.
 */
export function findSameEvent(
  report: ReportPlace,
  candidates: readonly IncidentCandidate[],
  rule: { radiusM: number; windowMinutes: number } = SAME_EVENT,
): number | null {
  let best: { id: number; score: number } | null = null;
  const place = report.placeText ? normalisePlace(report.placeText) : '';
  for (const c of candidates) {
    if (!OPEN_STATUSES.includes(c.status)) continue;
    const minutes = Math.abs(report.occurredAt - c.occurredAt) / MINUTE;
    if (minutes > rule.windowMinutes) continue;
    let score: number;
    if (report.lat !== null && report.lon !== null && c.lat !== null && c.lon !== null) {
      const d = haversineM(report.lat, report.lon, c.lat, c.lon);
      if (d > rule.radiusM) continue;
      score = d / rule.radiusM + minutes / rule.windowMinutes;
    } else if (place !== '' && c.placeText && normalisePlace(c.placeText) === place) {
      score = 1 + minutes / rule.windowMinutes;
    } else continue;
    if (best === null || score < best.score) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/**
 * The box around a point that holds every place within `radiusM` (a little larger, never smaller), for a
 * database to narrow the candidates before findSameEvent measures them.
 */
export function boxAround(
  lat: number,
  lon: number,
  radiusM: number = SAME_EVENT.radiusM,
): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = (radiusM / 111_000) * 1.01;
  const dLon = dLat / Math.max(0.01, Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

// ── Nearest facilities ───────────────────────────────────────────────────────────────────────────

export interface FacilityPoint {
  id: number;
  kind: string;
  lat: number;
  lon: number;
  active: boolean;
}

/** Up to `perGroup` nearest active facilities of each group (health, police, rescue), nearest first. */
export function nearestFacilities<F extends FacilityPoint>(
  point: { lat: number; lon: number },
  facilities: readonly F[],
  perGroup = 3,
): (F & { distanceKm: number; group: FacilityGroup })[] {
  const withDistance = facilities
    .filter((f) => f.active)
    .map((f) => ({
      ...f,
      group: facilityGroupOf(f.kind) ?? 'rescue',
      distanceKm: haversineM(point.lat, point.lon, f.lat, f.lon) / 1000,
    }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.id - b.id);
  const taken = new Map<FacilityGroup, number>();
  return withDistance.filter((f) => {
    const n = taken.get(f.group) ?? 0;
    if (n >= perGroup) return false;
    taken.set(f.group, n + 1);
    return true;
  });
}

/** The nearest centre (the commune a point falls in, when communes are known only by their centres). */
export function nearestCentre<C extends { lat: number; lon: number }>(
  point: { lat: number; lon: number },
  centres: readonly C[],
): C | null {
  let best: C | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of centres) {
    const d = haversineM(point.lat, point.lon, c.lat, c.lon);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

// ── Status rules ─────────────────────────────────────────────────────────────────────────────────

/** Why a status change is refused, in Vietnamese, or null when it is allowed. */
export function transitionProblem(
  from: IncidentStatus,
  to: IncidentStatus,
  at: number,
  firstReportedAt: number,
  now: number,
): string | null {
  if (!NEXT_STATUSES[from].includes(to))
    return 'Không thể chuyển sự cố sang trạng thái này từ trạng thái hiện tại.';
  if (at > now + MINUTE) return 'Thời điểm không được ở tương lai.';
  if (at < firstReportedAt) return 'Thời điểm không được trước lúc nhận tin báo đầu tiên.';
  return null;
}

// ── Tracking codes ───────────────────────────────────────────────────────────────────────────────

/** No 0/O, 1/I/L, U: a code read aloud over the phone is not misheard. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 'TN-7K3Q-X9MA' from 8 random bytes (the caller brings the randomness). */
export function trackingCodeOf(random: Uint8Array): string {
  if (random.length < 8) throw new Error('trackingCodeOf needs 8 random bytes');
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[random[i]! % CODE_ALPHABET.length];
  return `TN-${s.slice(0, 4)}-${s.slice(4)}`;
}

// ── Response KPI (tỷ lệ tiếp cận trong 30 phút) ─────────────────────────────────────────────────

export interface ResponseFact {
  status: IncidentStatus;
  firstReportedAt: number;
  onSceneAt: number | null;
  /** Grouping keys, e.g. the local month 'yyyy-mm' and the commune id. */
  keys: Record<string, string>;
}
export interface KpiTally {
  incidents: number;
  reached: number;
  share: number | null;
  medianMinutes: number | null;
}

/** Minutes from the first report to on scene, or null while nobody has arrived. */
export function responseMinutes(f: { firstReportedAt: number; onSceneAt: number | null }): number | null {
  return f.onSceneAt === null ? null : Math.max(0, (f.onSceneAt - f.firstReportedAt) / MINUTE);
}

/**
 * Whether an incident counts, and whether help reached it in time. Dismissed reports do not count. An
 * incident with nobody on scene counts as missed once its 30 minutes are over (closed without arrival,
 * or still open); one still inside its 30 minutes is not judged yet.
 */
export function judge(f: ResponseFact, now: number, targetMinutes = RESPONSE_TARGET_MINUTES) {
  if (f.status === 'dismissed') return null;
  const minutes = responseMinutes(f);
  if (minutes === null) {
    if (now - f.firstReportedAt <= targetMinutes * MINUTE && f.status !== 'closed') return null;
    return { reached: false, minutes: null };
  }
  return { reached: minutes <= targetMinutes, minutes };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The KPI for all facts and grouped by each key ('month', 'commune' …), groups sorted by key. */
export function responseKpi(
  facts: readonly ResponseFact[],
  now: number,
  groupBy: readonly string[],
  targetMinutes = RESPONSE_TARGET_MINUTES,
): { total: KpiTally; groups: Record<string, Map<string, KpiTally>> } {
  type Acc = { incidents: number; reached: number; minutes: number[] };
  const blank = (): Acc => ({ incidents: 0, reached: 0, minutes: [] });
  const total = blank();
  const groups = Object.fromEntries(groupBy.map((g) => [g, new Map<string, Acc>()]));
  for (const f of facts) {
    const v = judge(f, now, targetMinutes);
    if (!v) continue;
    const accs = [total];
    for (const g of groupBy) {
      const key = f.keys[g] ?? '';
      const m = groups[g]!;
      if (!m.has(key)) m.set(key, blank());
      accs.push(m.get(key)!);
    }
    for (const a of accs) {
      a.incidents++;
      if (v.reached) a.reached++;
      if (v.minutes !== null) a.minutes.push(v.minutes);
    }
  }
  const tally = (a: Acc): KpiTally => ({
    incidents: a.incidents,
    reached: a.reached,
    share: a.incidents === 0 ? null : a.reached / a.incidents,
    medianMinutes: median(a.minutes),
  });
  return {
    total: tally(total),
    groups: Object.fromEntries(
      groupBy.map((g) => [
        g,
        new Map(
          [...groups[g]!.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, a]) => [k, tally(a)]),
        ),
      ]),
    ),
  };
}

const percentVi = (share: number) => `${formatNumberVi(share * 100, 1)} %`;

/**
 * The review report's sentence on rescue, e.g. "Tiếp nhận 133 sự cố TNGT qua ứng dụng báo tin; lực lượng
 * chức năng có mặt tại hiện trường trong 30 phút đối với 111 sự cố (83,5 %); thấp nhất: Sìn Hồ (57,1 %)."
 * `places` are the communes, worst first; up to three below the whole are named. Null when nothing was reported.
 */
export function responseSentence(
  total: KpiTally,
  places: readonly (KpiTally & { label: string })[],
  targetMinutes = RESPONSE_TARGET_MINUTES,
): string | null {
  if (total.incidents === 0 || total.share === null) return null;
  const whole = total.share;
  const low = places.filter((p) => p.share !== null && p.share < whole && p.incidents >= 2).slice(0, 3);
  return (
    `Tiếp nhận ${formatNumberVi(total.incidents)} sự cố TNGT qua ứng dụng báo tin; lực lượng chức năng có mặt tại hiện trường ` +
    `trong ${targetMinutes} phút đối với ${formatNumberVi(total.reached)} sự cố (${percentVi(whole)})` +
    (low.length ? `; thấp nhất: ${low.map((p) => `${p.label} (${percentVi(p.share!)})`).join(', ')}` : '') +
    '.'
  );
}
