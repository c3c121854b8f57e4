/**
 * Linking hospital injury records (hồ sơ cấp cứu/điều trị do TNGT) to police crash records
 * (vụ TNGT), and estimating how many casualties the police data misses.
 *
 * The national crash database integrates police scene data with hospital injury data: health
 * records catch injured people and deaths that the police never recorded. Neither source carries a
 * shared identifier, so a record is matched to a crash by how well their details agree — a
 * probabilistic record linkage in the style of Fellegi & Sunter (1969).
 *
 * Pure: no I/O, no clock. Same input → same output, whatever the order of the input arrays.
 *
 * ## How a match is decided (for the committee office and the auditor)
 *
 * 1. **Candidates.** A health record is compared only with crashes that happened at most
 *    `windowHours` (default 24) before its admission. A record admitted *before* a crash can never
 *    belong to it and is never compared with it. Crashes are sorted by time and the window is found
 *    by binary search, so the work grows with the number of crashes inside each window, not with
 *    records × crashes.
 *
 * 2. **Evidence per field.** Each field compares the two records and lands on one level. Each level
 *    has an m-probability (how often a *true* pair shows that level) and a u-probability (how often
 *    an *unrelated* pair does). The field's weight is log2(m/u) for an agreement level and
 *    log2((1 − Σm)/(1 − Σu)) for disagreement; a field missing on either side weighs 0 (neither for
 *    nor against). The pair's weight is the sum over the five fields. +1 means "twice as likely to
 *    be the same event as not", +3 eight times, −3 eight times less likely.
 *
 *    | field | level | m | u | weight (bits) | why these values |
 *    |---|---|---|---|---|---|
 *    | time (admission − crash) | 0–6 h | 0.75 | 0.04 | +4.23 | most victims reach hospital within hours; u ≈ 6 h out of the week of crashes around an admission (6/168) |
 *    | | 6–24 h | 0.20 | 0.11 | +0.86 | transfers from the commune health station or district hospital arrive later; u ≈ 18/168 |
 *    | | > 24 h | 0.05 | 0.85 | −4.09 | only reachable when `windowHours` > 24 |
 *    | place | same commune, or ≤ 5 km apart | 0.85 | 0.05 | +4.09 | m < 1 because the hospital may write the patient's home commune; u ≈ chance two unrelated crashes of a province share a commune (crashes cluster on a few communes and roads) |
 *    | | different commune / > 5 km | | | −2.66 | |
 *    | age (best person) | ±2 years | 0.78 | 0.10 | +2.96 | police ages are often estimated ("khoảng 35 tuổi"); u ≈ 5 of the ~50 years most victims span |
 *    | | ±5 years | 0.15 | 0.12 | +0.32 | |
 *    | | further | 0.07 | 0.78 | −3.48 | |
 *    | sex (best person) | same | 0.95 | 0.65 | +0.55 | ~78 % of victims are men, so two unrelated people share sex about 0.78² + 0.22² ≈ 0.65 of the time |
 *    | | different | | | −2.81 | |
 *    | vehicle | the record's vehicle is among the crash's | 0.85 | by type, below | | m < 1: a pillion passenger or pedestrian is sometimes coded with the wrong vehicle |
 *
 *    Vehicle u (share of crashes that involve that type; motorbikes are in most Vietnamese crashes,
 *    so a motorbike agreement proves little while a container lorry proves a lot): motorbike 0.80
 *    (+0.09 / −0.42), car 0.25 (+1.77 / −2.32), truck 0.15 (+2.50 / −2.50), container 0.05, bus 0.05,
 *    bicycle 0.05 (+4.09 / −2.66), pedestrian 0.08 (+3.41 / −2.62), tractor 0.03 (+4.82 / −2.69),
 *    boat 0.01 (+6.41 / −2.72); a code not in `VEHICLE_TYPES` 0.05. Codes are compared after trim and
 *    lower-casing.
 *
 *    The values are documented priors, not fitted: re-estimate them (EM, or a clerically reviewed
 *    sample) once a province has a year of linked data, and change `LINKAGE_PARAMETERS` only with a
 *    note of the sample used.
 *
 * 3. **Best person.** A crash lists several people; age and sex are compared with the *one* person
 *    who fits best (so a 34-year-old man is not "matched" by a 34-year-old woman plus some other
 *    man). A person missing age or sex counts as missing for that field. Because a crash with n
 *    people offers n chances of a chance agreement, the table's single-person m and u are adjusted:
 *    for a cumulative level k (at least ±5, at least ±2), with single-person cumulative rates M_k and
 *    U_k, P(best ≥ k | true pair) = 1 − (1 − M_k)(1 − U_k)^(n−1) (the true person plus n − 1 others)
 *    and P(best ≥ k | unrelated) = 1 − (1 − U_k)^n. With n = 1 this is the table; with a 40-seat
 *    coach an age agreement is worth almost nothing, as it should. n is capped at 50.
 *
 * 4. **Decision.** With about one true crash among ten compared (prior odds ≈ 1 : 9, −3.2 bits), a
 *    weight of 8 means odds of about 28 : 1 (≈ 97 %) and 4 means about 1.7 : 1 (≈ 63 %). Defaults:
 *    - weight ≥ `upper` (8) → `link`;
 *    - `lower` (4) ≤ weight < `upper` → `possible` (the office reviews it);
 *    - weight < `lower` → not linked.
 *    Typical weights: time ≤ 6 h + same commune alone ≈ 8.3 (link); everything agreeing but a
 *    different commune ≈ 5–7 (possible); commune missing and everything else agreeing ≈ 7.8
 *    (possible).
 *
 * 5. **Assignment.** Candidate pairs at or above `lower` are taken greedily, heaviest first (ties:
 *    record id, then crash id). A record gets at most one crash. A crash takes at most as many
 *    records as it has people: max(persons listed, deaths + injured) — the persons list bounds who
 *    could be in hospital, the police casualty count is what the police saw; when both are 0 there
 *    is no cap. A record whose best crash is already full may go to its next candidate, but such a
 *    link is only `possible` (the best crash may simply have had more casualties than the police
 *    recorded). A `link` is also lowered to `possible` when another crash is within 1 bit of it
 *    (`AMBIGUITY_MARGIN`), e.g. the same crash entered twice.
 *
 * Not used: `injuredAt` (self-reported, often rounded, and it repeats the evidence of the admission
 * time — scoring both would count the same fact twice); the outcome (a record that died is exactly
 * what police data can miss, so it must not count against a crash with 0 deaths); the persons'
 * `injury` field.
 *
 * Times: ISO date-times; a value without an offset is read as Vietnam time (+07:00), a bare date
 * as 00:00 that day. Unreadable times, coordinates outside the globe and ages outside 0–120 are
 * treated as missing. Records or crashes sharing an id are taken once (the first).
 *
 * ## Under-reporting (capture–recapture)
 *
 * `estimateUnderReporting` applies Chapman's (1951) bias-corrected Lincoln–Petersen estimator to
 * two lists of the same population (e.g. road deaths within 30 days in one period): n1 = police,
 * n2 = health, m = linked people found in both.
 *
 *   N̂ = (n1 + 1)(n2 + 1)/(m + 1) − 1
 *   Var(N̂) = (n1 + 1)(n2 + 1)(n1 − m)(n2 − m) / ((m + 1)²(m + 2))      (Seber 1970; Wittes 1972)
 *   95 % interval ≈ N̂ ± 1.96·√Var, the lower end raised to n1 + n2 − m (people actually seen)
 *   under-reporting % = (N̂ − n1)/N̂ × 100 (the share of the true total the police did not record)
 *
 * Assumptions an auditor should check: both lists cover the same people, place and period; being
 * on one list does not change the chance of being on the other (dependence — e.g. police attend
 * exactly the severe crashes hospitals also see — makes N̂ too low); linkage is correct (missed
 * links make N̂ too high, false links too low) — so pass only reviewed links. With m = 0 the
 * estimator says nothing and every figure is null. `reliable` is m ≥ 7, the usual rule of thumb
 * (Robson & Regier 1964) for the bias to be negligible.
 */
import { VEHICLE_TYPES } from './codes.ts';

export type Sex = 'male' | 'female';
export type HealthOutcome = 'died' | 'serious' | 'minor' | 'discharged';
export type LinkId = string | number;

/** A hospital record of a road-traffic injury (hồ sơ cấp cứu/điều trị do TNGT). */
export interface HealthRecord {
  id: LinkId;
  /** ISO date-time of admission, local +07:00. */
  admittedAt: string;
  /** Time of injury as told to the hospital; informational, not scored. */
  injuredAt?: string;
  /** Current commune code (after the 2025 merger), where the hospital recorded it. */
  communeId?: string | null;
  lat?: number;
  lon?: number;
  age?: number | null;
  sex?: Sex | null;
  /** A code of `VEHICLE_TYPES`. */
  vehicle?: string | null;
  outcome: HealthOutcome;
}

export interface CrashPerson {
  age?: number | null;
  sex?: Sex | null;
  injury?: string | null;
}

/** A police crash record as the linkage sees it (old units already rolled up to current communes). */
export interface CrashCandidate {
  id: LinkId;
  occurredAt: string;
  communeId: string | null;
  lat?: number | null;
  lon?: number | null;
  vehicles: string[];
  persons: CrashPerson[];
  deaths: number;
  injured: number;
}

export interface LinkageOptions {
  /** Weight at or above which a pair is linked (default 8). */
  upper?: number;
  /** Weight at or above which a pair is kept for review (default 4). */
  lower?: number;
  /** Longest admission delay after a crash that is compared at all, in hours (default 24). */
  windowHours?: number;
}

export type LinkStatus = 'link' | 'possible';

export interface HealthLink {
  recordId: LinkId;
  crashId: LinkId;
  /** Sum of the field weights in bits, rounded to 2 decimals. */
  weight: number;
  status: LinkStatus;
  /** Why, in Vietnamese, one line per field and per review flag. */
  reasons: string[];
}

export interface LinkageResult {
  /** Heaviest first; ties by record id, then crash id. */
  links: HealthLink[];
  /** Records with no link, sorted by id. */
  unlinked: LinkId[];
}

// ---------------------------------------------------------------------------------------------
// Parameters

interface MU {
  m: number;
  u: number;
}

/** The m- and u-probabilities of the file comment, as data. */
export const LINKAGE_PARAMETERS = {
  time: {
    strong: { maxHours: 6, m: 0.75, u: 0.04 },
    weak: { maxHours: 24, m: 0.2, u: 0.11 },
  },
  place: { maxKm: 5, m: 0.85, u: 0.05 },
  age: {
    strong: { maxYears: 2, m: 0.78, u: 0.1 },
    weak: { maxYears: 5, m: 0.15, u: 0.12 },
  },
  sex: { m: 0.95, u: 0.65 },
  vehicle: {
    m: 0.85,
    u: {
      motorbike: 0.8,
      car: 0.25,
      truck: 0.15,
      container: 0.05,
      bus: 0.05,
      bicycle: 0.05,
      pedestrian: 0.08,
      tractor: 0.03,
      boat: 0.01,
    } as Readonly<Record<string, number>>,
    uOther: 0.05,
  },
  /** Persons compared per crash, at most (keeps the best-of-n adjustment finite). */
  maxPersons: 50,
} as const;

export const DEFAULT_LINKAGE_OPTIONS = { upper: 8, lower: 4, windowHours: 24 } as const;

/** A link is only `possible` when another crash scores within this many bits of it. */
export const AMBIGUITY_MARGIN = 1;

/** Rule of thumb for a usable Chapman estimate: at least this many linked. */
export const CHAPMAN_MIN_LINKED = 7;

const TINY = 1e-15;
const w = (m: number, u: number): number => Math.log2(Math.max(m, TINY) / Math.max(u, TINY));

/**
 * Weights of a graded field: `levels` from the strongest agreement down, each with its m and u;
 * returns one weight per level and a last one for disagreement.
 */
export function levelWeights(levels: readonly MU[]): number[] {
  const out = levels.map((l) => w(l.m, l.u));
  const mSum = levels.reduce((s, l) => s + l.m, 0);
  const uSum = levels.reduce((s, l) => s + l.u, 0);
  out.push(w(1 - mSum, 1 - uSum));
  return out;
}

/**
 * Weights of a graded field compared with the best of `n` people (see the file comment, point 3).
 * With n = 1 this equals `levelWeights(levels)`.
 */
export function bestOfNWeights(levels: readonly MU[], n: number): number[] {
  const k = Math.max(1, Math.min(Math.floor(n), LINKAGE_PARAMETERS.maxPersons));
  const cumM: number[] = [];
  const cumU: number[] = [];
  let sm = 0;
  let su = 0;
  for (const l of levels) {
    sm += l.m;
    su += l.u;
    cumM.push(1 - (1 - sm) * (1 - su) ** (k - 1));
    cumU.push(1 - (1 - su) ** k);
  }
  const out: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const m = cumM[i]! - (i > 0 ? cumM[i - 1]! : 0);
    const u = cumU[i]! - (i > 0 ? cumU[i - 1]! : 0);
    out.push(w(m, u));
  }
  out.push(w(1 - (cumM.at(-1) ?? 0), 1 - (cumU.at(-1) ?? 0)));
  return out;
}

const P = LINKAGE_PARAMETERS;
const TIME_W = levelWeights([P.time.strong, P.time.weak]);
const PLACE_W = levelWeights([P.place]);
const AGE_LEVELS = [P.age.strong, P.age.weak] as const;
const SEX_LEVELS = [P.sex] as const;

const ageCache = new Map<number, number[]>();
const sexCache = new Map<number, number[]>();
function ageWeights(n: number): number[] {
  let v = ageCache.get(n);
  if (!v) {
    v = bestOfNWeights(AGE_LEVELS, n);
    ageCache.set(n, v);
  }
  return v;
}
function sexWeights(n: number): number[] {
  let v = sexCache.get(n);
  if (!v) {
    v = bestOfNWeights(SEX_LEVELS, n);
    sexCache.set(n, v);
  }
  return v;
}

function vehicleWeights(code: string): [agree: number, disagree: number] {
  const u = P.vehicle.u[code] ?? P.vehicle.uOther;
  return [w(P.vehicle.m, u), w(1 - P.vehicle.m, 1 - u)];
}

const vehicleLabels = new Map<string, string>(VEHICLE_TYPES.map((v) => [v.code, v.label]));

// ---------------------------------------------------------------------------------------------
// Reading input defensively (the data come from other systems)

const HOUR_MS = 3_600_000;
const ISO_RE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch of an ISO date-time; no offset means +07:00. NaN when unreadable. */
export function parseInstant(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const m = ISO_RE.exec(value.trim());
  if (!m) return Number.NaN;
  const [, date, hm, sec, frac, off] = m;
  const offset = !off ? '+07:00' : off.length === 5 ? `${off.slice(0, 3)}:${off.slice(3)}` : off;
  const ms = frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : '';
  const iso = `${date}T${hm ?? '00:00'}:${sec ?? '00'}${ms}${offset.toUpperCase()}`;
  const t = Date.parse(iso);
  // Date.parse rolls 2025-02-30 into March; reject dates that do not round-trip.
  if (Number.isNaN(t)) return Number.NaN;
  const [y, mo, d] = (date ?? '').split('-').map(Number);
  const check = new Date(Date.UTC(y!, mo! - 1, d!));
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d) return Number.NaN;
  return t;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isId = (v: unknown): v is LinkId => typeof v === 'string' || typeof v === 'number';
const str = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};
const code = (v: unknown): string | null => str(v)?.toLowerCase() ?? null;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const age = (v: unknown): number | null => {
  const n = num(v);
  return n !== null && n >= 0 && n <= 120 ? n : null;
};
const sex = (v: unknown): Sex | null => (v === 'male' || v === 'female' ? v : null);
const count = (v: unknown): number => {
  const n = num(v);
  return n !== null && n > 0 ? Math.floor(n) : 0;
};
function coords(lat: unknown, lon: unknown): { lat: number; lon: number } | null {
  const a = num(lat);
  const o = num(lon);
  if (a === null || o === null || Math.abs(a) > 90 || Math.abs(o) > 180) return null;
  return { lat: a, lon: o };
}

interface Rec {
  id: LinkId;
  t: number;
  commune: string | null;
  xy: { lat: number; lon: number } | null;
  age: number | null;
  sex: Sex | null;
  vehicle: string | null;
}

interface Person {
  age: number | null;
  sex: Sex | null;
}

interface Crash {
  id: LinkId;
  t: number;
  commune: string | null;
  xy: { lat: number; lon: number } | null;
  vehicles: Set<string>;
  persons: Person[];
  nAge: number;
  nSex: number;
  capacity: number;
}

function readRecord(raw: Record<string, unknown>, id: LinkId): Rec {
  return {
    id,
    t: parseInstant(raw.admittedAt),
    commune: str(raw.communeId),
    xy: coords(raw.lat, raw.lon),
    age: age(raw.age),
    sex: sex(raw.sex),
    vehicle: code(raw.vehicle),
  };
}

function readCrash(raw: Record<string, unknown>, id: LinkId): Crash {
  const vehicles = new Set<string>();
  if (Array.isArray(raw.vehicles))
    for (const v of raw.vehicles) {
      const c = code(v);
      if (c !== null) vehicles.add(c);
    }
  const persons: Person[] = [];
  if (Array.isArray(raw.persons))
    for (const p of raw.persons)
      persons.push(isObj(p) ? { age: age(p.age), sex: sex(p.sex) } : { age: null, sex: null });
  const listed = persons.length;
  const casualties = count(raw.deaths) + count(raw.injured);
  const cap = Math.max(listed, casualties);
  return {
    id,
    t: parseInstant(raw.occurredAt),
    commune: str(raw.communeId),
    xy: coords(raw.lat, raw.lon),
    vehicles,
    persons,
    nAge: persons.filter((p) => p.age !== null).length,
    nSex: persons.filter((p) => p.sex !== null).length,
    capacity: cap > 0 ? cap : Number.POSITIVE_INFINITY,
  };
}

/** Total order on ids: numbers (ascending) before strings (code-unit order); locale-independent. */
export function compareIds(a: LinkId, b: LinkId): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    const an = Number.isNaN(a);
    const bn = Number.isNaN(b);
    return an === bn ? 0 : an ? 1 : -1;
  }
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** Great-circle distance in km (haversine, mean Earth radius). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const fmt = (x: number, digits: number): string => {
  let s = x.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s.replace('.', ',');
};
function fmtDelay(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} phút`;
  return `${fmt(hours, 1)} giờ`;
}
const sexLabel = (s: Sex): string => (s === 'male' ? 'nam' : 'nữ');

function ageLevel(a: number, b: number): number {
  const d = Math.abs(a - b);
  if (d <= P.age.strong.maxYears) return 0;
  if (d <= P.age.weak.maxYears) return 1;
  return 2;
}

/** Weight of a pair; with `reasons`, also fills in why. Admission before the crash must be excluded by the caller. */
function score(r: Rec, c: Crash, reasons?: string[]): number {
  let total = 0;

  // time
  const hours = (r.t - c.t) / HOUR_MS;
  const tl = hours <= P.time.strong.maxHours ? 0 : hours <= P.time.weak.maxHours ? 1 : 2;
  total += TIME_W[tl]!;
  if (reasons) {
    const base = `Nhập viện ${fmtDelay(hours)} sau vụ tai nạn`;
    reasons.push(tl === 0 ? base : tl === 1 ? `${base} (khớp yếu, 6–24 giờ)` : `${base} (quá 24 giờ)`);
  }

  // place
  if (r.commune !== null && c.commune !== null && r.commune === c.commune) {
    total += PLACE_W[0]!;
    reasons?.push('Cùng xã');
  } else if (r.xy && c.xy) {
    const km = haversineKm(r.xy.lat, r.xy.lon, c.xy.lat, c.xy.lon);
    const near = km <= P.place.maxKm;
    total += PLACE_W[near ? 0 : 1]!;
    reasons?.push(
      near ? `Cách hiện trường ${fmt(km, 1)} km (≤ 5 km)` : `Cách hiện trường ${fmt(km, 1)} km (> 5 km)`,
    );
  } else if (r.commune !== null && c.commune !== null) {
    total += PLACE_W[1]!;
    reasons?.push('Khác xã');
  } else {
    reasons?.push('Thiếu thông tin địa điểm (không tính)');
  }

  // age and sex, on the best person
  const useAge = r.age !== null && c.nAge > 0;
  const useSex = r.sex !== null && c.nSex > 0;
  if (useAge || useSex) {
    const aw = useAge ? ageWeights(c.nAge) : null;
    const sw = useSex ? sexWeights(c.nSex) : null;
    let best = Number.NEGATIVE_INFINITY;
    let bestPerson: Person | null = null;
    for (const p of c.persons) {
      let s = 0;
      if (aw && p.age !== null) s += aw[ageLevel(r.age!, p.age)]!;
      if (sw && p.sex !== null) s += sw[p.sex === r.sex ? 0 : 1]!;
      if (s > best) {
        best = s;
        bestPerson = p;
      }
    }
    total += best;
    if (reasons && bestPerson) {
      if (!useAge) reasons.push('Thiếu thông tin tuổi (không tính)');
      else if (bestPerson.age === null)
        reasons.push(`Tuổi ${fmt(r.age!, 0)}: người phù hợp nhất không ghi tuổi`);
      else {
        const l = ageLevel(r.age!, bestPerson.age);
        reasons.push(
          l === 0
            ? `Tuổi ${fmt(r.age!, 0)} khớp (±2)`
            : l === 1
              ? `Tuổi ${fmt(r.age!, 0)} gần khớp (±5; vụ ghi ${fmt(bestPerson.age, 0)})`
              : `Tuổi ${fmt(r.age!, 0)} không khớp (vụ ghi ${fmt(bestPerson.age, 0)})`,
        );
      }
      if (!useSex) reasons.push('Thiếu thông tin giới tính (không tính)');
      else if (bestPerson.sex === null) reasons.push('Giới tính: người phù hợp nhất không ghi giới tính');
      else if (bestPerson.sex === r.sex) reasons.push(`Giới tính ${sexLabel(r.sex!)} khớp`);
      else reasons.push(`Giới tính ${sexLabel(r.sex!)} không khớp`);
    }
  } else if (reasons) {
    reasons.push('Thiếu thông tin tuổi, giới tính (không tính)');
  }

  // vehicle
  if (r.vehicle !== null && c.vehicles.size > 0) {
    const [agree, disagree] = vehicleWeights(r.vehicle);
    const hit = c.vehicles.has(r.vehicle);
    total += hit ? agree : disagree;
    if (reasons) {
      const label = vehicleLabels.get(r.vehicle) ?? r.vehicle;
      reasons.push(hit ? `Phương tiện khớp: ${label}` : `Phương tiện không có trong vụ: ${label}`);
    }
  } else {
    reasons?.push('Thiếu thông tin phương tiện (không tính)');
  }

  return total;
}

// ---------------------------------------------------------------------------------------------
// Linkage

function finiteOr(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/**
 * Links health records to crashes (see the file comment for the rules). Never throws on malformed
 * input: entries that are not objects or have no string/number id are skipped; unreadable fields
 * are treated as missing; a record whose admission time is unreadable stays unlinked.
 */
export function linkHealthRecords(
  records: readonly HealthRecord[],
  crashes: readonly CrashCandidate[],
  options: LinkageOptions = {},
): LinkageResult {
  const opts = isObj(options) ? options : {};
  const upper = finiteOr(opts.upper, DEFAULT_LINKAGE_OPTIONS.upper);
  const lower = Math.min(finiteOr(opts.lower, DEFAULT_LINKAGE_OPTIONS.lower), upper);
  const wh = finiteOr(opts.windowHours, DEFAULT_LINKAGE_OPTIONS.windowHours);
  const windowMs = (wh > 0 ? wh : DEFAULT_LINKAGE_OPTIONS.windowHours) * HOUR_MS;

  // Read and de-duplicate.
  const recs: Rec[] = [];
  const seenRec = new Set<LinkId>();
  for (const raw of Array.isArray(records) ? records : []) {
    if (!isObj(raw) || !isId(raw.id) || seenRec.has(raw.id)) continue;
    seenRec.add(raw.id);
    recs.push(readRecord(raw, raw.id));
  }
  const crs: Crash[] = [];
  const seenCrash = new Set<LinkId>();
  for (const raw of Array.isArray(crashes) ? crashes : []) {
    if (!isObj(raw) || !isId(raw.id) || seenCrash.has(raw.id)) continue;
    seenCrash.add(raw.id);
    const c = readCrash(raw, raw.id);
    if (Number.isFinite(c.t)) crs.push(c);
  }
  crs.sort((a, b) => a.t - b.t || compareIds(a.id, b.id));
  const times = crs.map((c) => c.t);

  // Candidate pairs inside the window, and each record's two best crashes.
  const pairRec: number[] = [];
  const pairCrash: number[] = [];
  const pairW: number[] = [];
  const bestCrash = new Int32Array(recs.length).fill(-1);
  const bestW = new Float64Array(recs.length).fill(Number.NEGATIVE_INFINITY);
  const secondCrash = new Int32Array(recs.length).fill(-1);
  const secondW = new Float64Array(recs.length).fill(Number.NEGATIVE_INFINITY);
  const better = (wa: number, ca: number, wb: number, cb: number): boolean =>
    wa > wb || (wa === wb && cb >= 0 && compareIds(crs[ca]!.id, crs[cb]!.id) < 0) || cb < 0;

  for (let i = 0; i < recs.length; i++) {
    const r = recs[i]!;
    if (!Number.isFinite(r.t)) continue;
    const from = r.t - windowMs;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (times[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < crs.length && times[j]! <= r.t; j++) {
      const wt = score(r, crs[j]!);
      if (better(wt, j, bestW[i]!, bestCrash[i]!)) {
        secondW[i] = bestW[i]!;
        secondCrash[i] = bestCrash[i]!;
        bestW[i] = wt;
        bestCrash[i] = j;
      } else if (better(wt, j, secondW[i]!, secondCrash[i]!)) {
        secondW[i] = wt;
        secondCrash[i] = j;
      }
      if (wt >= lower) {
        pairRec.push(i);
        pairCrash.push(j);
        pairW.push(wt);
      }
    }
  }

  // Greedy one-to-many assignment, heaviest first.
  const order = pairW.map((_, k) => k);
  order.sort(
    (a, b) =>
      pairW[b]! - pairW[a]! ||
      compareIds(recs[pairRec[a]!]!.id, recs[pairRec[b]!]!.id) ||
      compareIds(crs[pairCrash[a]!]!.id, crs[pairCrash[b]!]!.id),
  );
  const left = crs.map((c) => c.capacity);
  const assigned = new Int32Array(recs.length).fill(-1);
  const assignedW = new Float64Array(recs.length);
  for (const k of order) {
    const i = pairRec[k]!;
    const j = pairCrash[k]!;
    if (assigned[i] !== -1 || left[j]! <= 0) continue;
    assigned[i] = j;
    assignedW[i] = pairW[k]!;
    left[j] = left[j]! - 1;
  }

  const links: (HealthLink & { raw: number })[] = [];
  const unlinked: LinkId[] = [];
  for (let i = 0; i < recs.length; i++) {
    const j = assigned[i]!;
    const r = recs[i]!;
    if (j === -1) {
      unlinked.push(r.id);
      continue;
    }
    const c = crs[j]!;
    const reasons: string[] = [];
    score(r, c, reasons);
    const weight = assignedW[i]!;
    let status: LinkStatus = weight >= upper ? 'link' : 'possible';
    if (bestCrash[i] !== j) {
      status = 'possible';
      const top = crs[bestCrash[i]!]!;
      reasons.push(`Vụ phù hợp hơn (${String(top.id)}) đã đủ số người theo hồ sơ công an`);
    } else if (secondCrash[i]! >= 0 && weight - secondW[i]! < AMBIGUITY_MARGIN) {
      status = 'possible';
      reasons.push(`Vụ ${String(crs[secondCrash[i]!]!.id)} phù hợp gần tương đương — cần xem xét`);
    }
    links.push({
      recordId: r.id,
      crashId: c.id,
      weight: Math.round(weight * 100) / 100,
      status,
      reasons,
      raw: weight,
    });
  }
  links.sort(
    (a, b) => b.raw - a.raw || compareIds(a.recordId, b.recordId) || compareIds(a.crashId, b.crashId),
  );
  unlinked.sort(compareIds);
  return { links: links.map(({ raw: _raw, ...l }) => l), unlinked };
}

// ---------------------------------------------------------------------------------------------
// Under-reporting

export interface UnderReportingInput {
  /** People (or crashes) in the police data. */
  police: number;
  /** The same in the health data. */
  health: number;
  /** Found in both (reviewed links). */
  linked: number;
}

export interface UnderReportingEstimate {
  police: number;
  health: number;
  linked: number;
  /** Chapman's N̂, the estimated true total; null when it cannot be computed. */
  estimate: number | null;
  variance: number | null;
  standardError: number | null;
  /** Approximate 95 % interval, lower end at least police + health − linked. */
  lower95: number | null;
  upper95: number | null;
  /** (N̂ − police)/N̂ × 100. */
  underReportingPercent: number | null;
  /** linked ≥ 7 (rule of thumb). */
  reliable: boolean;
  /** In Vietnamese: what the numbers mean or why they are missing. */
  note: string;
}

const Z95 = 1.959964;

/** Chapman's capture–recapture estimate of the true total and the police under-reporting. */
export function estimateUnderReporting(input: UnderReportingInput): UnderReportingEstimate {
  const obj: Record<string, unknown> = isObj(input) ? input : {};
  const asNum = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
  const n1 = asNum(obj.police);
  const n2 = asNum(obj.health);
  const m = asNum(obj.linked);
  const empty = (note: string): UnderReportingEstimate => ({
    police: n1,
    health: n2,
    linked: m,
    estimate: null,
    variance: null,
    standardError: null,
    lower95: null,
    upper95: null,
    underReportingPercent: null,
    reliable: false,
    note,
  });
  const okCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!okCount(n1) || !okCount(n2) || !okCount(m))
    return empty('Số liệu không hợp lệ: số công an, số y tế và số ghép nối phải là số nguyên không âm.');
  if (m > n1 || m > n2)
    return empty('Số liệu không hợp lệ: số ghép nối không thể lớn hơn số của công an hoặc của y tế.');
  if (m === 0)
    return empty(
      'Chưa có trường hợp nào ghép nối được giữa hai nguồn: ước lượng Chapman không tin cậy, không tính.',
    );

  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  const se = Math.sqrt(variance);
  const seen = n1 + n2 - m;
  const lower95 = Math.max(seen, estimate - Z95 * se);
  const upper95 = estimate + Z95 * se;
  const underReportingPercent = estimate > 0 ? Math.max(0, ((estimate - n1) / estimate) * 100) : 0;
  const reliable = m >= CHAPMAN_MIN_LINKED;
  const note = reliable
    ? 'Ước lượng Chapman (khoảng tin cậy 95 % theo phương sai Seber); giả định hai nguồn độc lập và ghép nối chính xác.'
    : `Chỉ có ${m} trường hợp ghép nối (dưới ${CHAPMAN_MIN_LINKED}): ước lượng chưa tin cậy, chỉ để tham khảo.`;
  return {
    police: n1,
    health: n2,
    linked: m,
    estimate,
    variance,
    standardError: se,
    lower95,
    upper95,
    underReportingPercent,
    reliable,
    note,
  };
}
