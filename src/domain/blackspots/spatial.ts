/**
 * Black spots from coordinates, for crashes with no km marker (urban streets, commune roads).
 *
 * Definition (the fast and the reference implementations agree on it exactly):
 * - Only crashes whose recorded calendar date lies in [window.from, window.to] (inclusive) count.
 * - Radius r = segmentMetres / 2; distance is the haversine great-circle distance on a sphere of radius
 *   6 371 008.8 m (mean Earth radius), tested as h ≤ sin²(r/2R) on the haversine term h (the same test as
 *   d ≤ r, without the arcsine).
 * - Every crash p has a neighbourhood N(p) = crashes within r of p (p included). Seeds are the crashes whose
 *   neighbourhood qualifies, in rank order: level, then fatal crashes, crashes, deaths, injured (descending),
 *   then id (ascending).
 * - Greedy: for each seed in that order, the crashes within r of it that no earlier cluster took form its
 *   cluster, if they still qualify. Each crash is in at most one cluster.
 * - A cluster reports the mean of its members' coordinates as its centre (members are within r of the seed,
 *   not necessarily of the mean), its seed, its evidence ids and totals; clusters are ranked like linear
 *   candidates (fatal crashes, crashes, deaths, injured, then seed id).
 *
 * detectSpatial finds neighbours through a grid of cells at least r wide (the longitude cell widened for the
 * highest latitude present), so each query looks at 3 × 3 cells: about O(n·k) for k crashes in those cells,
 * plus sorts. Longitudes are not wrapped at ±180°.
 */
import {
  type BlackSpotCriteria,
  classifyTally,
  inWindow,
  type Level,
  levelRank,
  type Tally,
  windowTest,
} from './criteria.ts';
import { compareByHarm, type DateWindow } from './linear.ts';

export interface PointCrash {
  id: number;
  lat: number;
  lon: number;
  occurredAt: string;
  deaths: number;
  injured: number;
}

export interface SpatialCandidate {
  kind: 'spatial';
  /** Mean of the members' coordinates. */
  lat: number;
  lon: number;
  seedId: number;
  radiusM: number;
  /** Ascending. */
  crashIds: number[];
  crashes: number;
  deaths: number;
  injured: number;
  fatalCrashes: number;
  level: Level;
  rule: number | null;
}

type Criteria = Pick<BlackSpotCriteria, 'rules' | 'potential' | 'segmentMetres'>;

export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Seed {
  index: number;
  level: number;
  t: Tally;
}

const emptyTally = (): Tally => ({ crashes: 0, fatalCrashes: 0, injuryCrashes: 0, deaths: 0, injured: 0 });
const addTo = (t: Tally, c: PointCrash) => {
  t.crashes++;
  if (c.deaths > 0) t.fatalCrashes++;
  if (c.injured > 0) t.injuryCrashes++;
  t.deaths += c.deaths;
  t.injured += c.injured;
};

const compareSeeds = (pts: readonly PointCrash[]) => (a: Seed, b: Seed) =>
  b.level - a.level || compareByHarm(a.t, b.t) || pts[a.index]!.id - pts[b.index]!.id;

const compareSpatial = (a: SpatialCandidate, b: SpatialCandidate) =>
  compareByHarm(a, b) || a.seedId - b.seedId;

function inside(crashes: readonly PointCrash[], window: DateWindow): PointCrash[] {
  const keep = windowTest(window);
  const out: PointCrash[] = [];
  for (const c of crashes) {
    if (keep(c.occurredAt) && Number.isFinite(c.lat) && Number.isFinite(c.lon)) out.push(c);
  }
  return out;
}

/** Builds a cluster from member indices (any order) or returns null when they no longer qualify. */
function clusterOf(
  pts: readonly PointCrash[],
  members: number[],
  seed: PointCrash,
  criteria: Criteria,
  radiusM: number,
): SpatialCandidate | null {
  const t = emptyTally();
  for (const m of members) addTo(t, pts[m]!);
  const cls = classifyTally(t, criteria);
  if (cls.level === null) return null;
  const sorted = members.map((m) => pts[m]!);
  sorted.sort((a, b) => a.id - b.id);
  let lat = 0;
  let lon = 0;
  for (const c of sorted) {
    lat += c.lat;
    lon += c.lon;
  }
  return {
    kind: 'spatial',
    lat: lat / sorted.length,
    lon: lon / sorted.length,
    seedId: seed.id,
    radiusM,
    crashIds: sorted.map((c) => c.id),
    crashes: t.crashes,
    deaths: t.deaths,
    injured: t.injured,
    fatalCrashes: t.fatalCrashes,
    level: cls.level,
    rule: cls.rule,
  };
}

/**
 * Coordinates prepared once: radians, and unit vectors on the sphere. Two points are within r when their chord
 * is at most 2·sin(r/2R), which is the haversine condition sin²(d/2R) ≤ sin²(r/2R) without any trigonometry
 * per pair (h = chord²/4). Both implementations use this same test, so they agree to the last bit.
 */
interface Prepared {
  latR: Float64Array;
  lonR: Float64Array;
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

function prepare(pts: readonly PointCrash[]): Prepared {
  const n = pts.length;
  const p: Prepared = {
    latR: new Float64Array(n),
    lonR: new Float64Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const la = pts[i]!.lat * RAD;
    const lo = pts[i]!.lon * RAD;
    p.latR[i] = la;
    p.lonR[i] = lo;
    p.x[i] = Math.cos(la) * Math.cos(lo);
    p.y[i] = Math.cos(la) * Math.sin(lo);
    p.z[i] = Math.sin(la);
  }
  return p;
}

/** The prepared coordinates in the given order (point j of the result is point order[j]). */
function permute(p: Prepared, order: Int32Array): Prepared {
  const pick = (a: Float64Array) => {
    const out = new Float64Array(order.length);
    for (let j = 0; j < order.length; j++) out[j] = a[order[j]!]!;
    return out;
  };
  return { latR: pick(p.latR), lonR: pick(p.lonR), x: pick(p.x), y: pick(p.y), z: pick(p.z) };
}

/** Squared chord between points i and k of the unit sphere. */
function chord2(p: Prepared, i: number, k: number): number {
  const dx = p.x[i]! - p.x[k]!;
  const dy = p.y[i]! - p.y[k]!;
  const dz = p.z[i]! - p.z[k]!;
  return dx * dx + dy * dy + dz * dz;
}

/** Squared chord at distance r. */
const chordLimit = (radiusM: number) => (2 * Math.sin(radiusM / (2 * EARTH_RADIUS_M))) ** 2;

/**
 * Grid of cells at least r wide: points sorted by cell number (row-major), so the 3 cells of one row around a
 * point are one contiguous run, found by binary search. Cell sizes in radians:
 * |Δφ| ≤ d/R, and sin(d/2R) ≥ cos(φmax)·sin(|Δλ|/2) ⇒ |Δλ| ≤ 2·asin(sin(d/2R)/cos φmax).
 */
class Grid {
  /** Point indices in cell order (the identity after renumber()). */
  readonly order: Int32Array;
  private readonly keys: Float64Array;
  private readonly cellLat: number;
  private readonly cellLon: number;
  private readonly minX: number;
  private readonly minY: number;
  private readonly width: number;
  constructor(p: Prepared, radiusM: number) {
    const n = p.latR.length;
    let maxAbsLat = 0;
    for (let i = 0; i < n; i++) maxAbsLat = Math.max(maxAbsLat, Math.abs(p.latR[i]!));
    const ang = radiusM / EARTH_RADIUS_M;
    this.cellLat = ang * (1 + 1e-9);
    const cosMax = Math.cos(Math.min(Math.PI / 2, maxAbsLat));
    const arg = cosMax > 0 ? Math.sin(ang / 2) / cosMax : 1;
    this.cellLon = arg >= 1 ? 2 * Math.PI : 2 * Math.asin(arg) * (1 + 1e-9);
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = Math.floor(p.lonR[i]! / this.cellLon);
      ys[i] = Math.floor(p.latR[i]! / this.cellLat);
      minX = Math.min(minX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxX = Math.max(maxX, xs[i]!);
    }
    this.minX = n > 0 ? minX - 1 : 0;
    this.minY = n > 0 ? minY - 1 : 0;
    this.width = n > 0 ? maxX - minX + 3 : 1;
    const cellKey = new Float64Array(n);
    let maxKey = 0;
    for (let i = 0; i < n; i++) {
      cellKey[i] = this.key(ys[i]!, xs[i]!);
      maxKey = Math.max(maxKey, cellKey[i]!);
    }
    this.order = new Int32Array(n);
    if ((maxKey + 1) * n < 2 ** 52) {
      // Cell number and index packed into one exact double: a native numeric sort, same order as below.
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) packed[i] = cellKey[i]! * n + i;
      packed.sort();
      for (let j = 0; j < n; j++) this.order[j] = packed[j]! % n;
    } else {
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((a, b) => cellKey[a]! - cellKey[b]! || a - b);
      this.order.set(order);
    }
    this.keys = new Float64Array(n);
    for (let j = 0; j < n; j++) this.keys[j] = cellKey[this.order[j]!]!;
  }
  /** After the caller reorders its points into `order`, point j is the j-th in cell order. */
  renumber(): void {
    for (let j = 0; j < this.order.length; j++) this.order[j] = j;
  }
  private key(y: number, x: number): number {
    return (y - this.minY) * this.width + (x - this.minX);
  }
  private lowerBound(key: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** Pushes [start, end) runs of `order` covering the 3 × 3 cells around point i into `runs`. */
  runsAround(p: Prepared, i: number, runs: Int32Array): void {
    const x = Math.floor(p.lonR[i]! / this.cellLon);
    const y = Math.floor(p.latR[i]! / this.cellLat);
    for (let r = 0; r < 3; r++) {
      const row = y - 1 + r;
      runs[2 * r] = this.lowerBound(this.key(row, x - 1));
      runs[2 * r + 1] = this.lowerBound(this.key(row, x + 1) + 1);
    }
  }
}

/** Fast detection with a grid index: about O(n·k + n log n). */
export function detectSpatial(
  crashes: readonly PointCrash[],
  window: DateWindow,
  criteria: Criteria,
): SpatialCandidate[] {
  const r = criteria.segmentMetres / 2;
  const inWin = inside(crashes, window);
  const first = prepare(inWin);
  const grid = new Grid(first, r);
  // Work in cell order, so that the points of one cell run are adjacent in memory.
  const p = permute(first, grid.order);
  const n = inWin.length;
  const pts: PointCrash[] = new Array(n);
  const deaths = new Float64Array(n);
  const injured = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const c = inWin[grid.order[j]!]!;
    pts[j] = c;
    deaths[j] = c.deaths;
    injured[j] = c.injured;
  }
  grid.renumber();
  const { x, y, z } = p;
  const limit = chordLimit(r);
  const runs = new Int32Array(6);
  const seeds: Seed[] = [];
  for (let i = 0; i < n; i++) {
    let crashesN = 0;
    let fatal = 0;
    let injuryN = 0;
    let d = 0;
    let inj = 0;
    const xi = x[i]!;
    const yi = y[i]!;
    const zi = z[i]!;
    grid.runsAround(p, i, runs);
    for (let r3 = 0; r3 < 3; r3++) {
      for (let k = runs[2 * r3]!, end = runs[2 * r3 + 1]!; k < end; k++) {
        const dx = xi - x[k]!;
        const dy = yi - y[k]!;
        const dz = zi - z[k]!;
        if (dx * dx + dy * dy + dz * dz <= limit) {
          crashesN++;
          const dk = deaths[k]!;
          const ik = injured[k]!;
          if (dk > 0) fatal++;
          if (ik > 0) injuryN++;
          d += dk;
          inj += ik;
        }
      }
    }
    const t: Tally = {
      crashes: crashesN,
      fatalCrashes: fatal,
      injuryCrashes: injuryN,
      deaths: d,
      injured: inj,
    };
    const lv = levelRank(classifyTally(t, criteria).level);
    if (lv > 0) seeds.push({ index: i, level: lv, t });
  }
  seeds.sort(compareSeeds(pts));
  const taken = new Uint8Array(n);
  const out: SpatialCandidate[] = [];
  for (const s of seeds) {
    const i = s.index;
    if (taken[i]) continue;
    const members: number[] = [];
    grid.runsAround(p, i, runs);
    for (let r3 = 0; r3 < 3; r3++) {
      for (let k = runs[2 * r3]!, end = runs[2 * r3 + 1]!; k < end; k++) {
        if (!taken[k] && chord2(p, i, k) <= limit) members.push(k);
      }
    }
    const c = clusterOf(pts, members, pts[i]!, criteria, r);
    if (!c) continue;
    for (const m of members) taken[m] = 1;
    out.push(c);
  }
  return out.sort(compareSpatial);
}

/** Reference implementation, O(n²): every neighbourhood by scanning all crashes. For the tests. */
export function bruteForceSpatial(
  crashes: readonly PointCrash[],
  window: DateWindow,
  criteria: Criteria,
): SpatialCandidate[] {
  const r = criteria.segmentMetres / 2;
  const pts = crashes.filter((c) => inWindow(c.occurredAt, window) && Number.isFinite(c.lat + c.lon));
  const p = prepare(pts);
  const limit = chordLimit(r);
  const near = (i: number, skip: (k: number) => boolean) => {
    const out: number[] = [];
    for (let k = 0; k < pts.length; k++) {
      if (skip(k)) continue;
      if (chord2(p, i, k) <= limit) out.push(k);
    }
    return out;
  };
  const seeds: Seed[] = [];
  for (let i = 0; i < pts.length; i++) {
    const t = emptyTally();
    for (const k of near(i, () => false)) addTo(t, pts[k]!);
    const lv = levelRank(classifyTally(t, criteria).level);
    if (lv > 0) seeds.push({ index: i, level: lv, t });
  }
  seeds.sort(compareSeeds(pts));
  const taken = new Set<number>();
  const out: SpatialCandidate[] = [];
  for (const s of seeds) {
    if (taken.has(s.index)) continue;
    const members = near(s.index, (k) => taken.has(k));
    const c = clusterOf(pts, members, pts[s.index]!, criteria, r);
    if (!c) continue;
    for (const m of members) taken.add(m);
    out.push(c);
  }
  return out.sort(compareSpatial);
}
