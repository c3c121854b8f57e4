// Seeded generators of realistic crash sets, shared by the tests and the benchmark.
import { Rng } from '../demo/rng.ts';
import type { LinearCrash } from './linear.ts';
import type { PointCrash } from './spatial.ts';

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const DAYS = 3 * 365 + 1;

function when(rng: Rng): string {
  const t = START + Math.floor(rng.next() * DAYS) * DAY_MS + Math.floor(rng.next() * DAY_MS);
  // Recorded in Vietnam local time (UTC+7).
  return `${new Date(t + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

function harm(rng: Rng): { deaths: number; injured: number } {
  const u = rng.next();
  if (u < 0.12) return { deaths: rng.next() < 0.85 ? 1 : 2, injured: rng.int(0, 2) };
  if (u < 0.8) return { deaths: 0, injured: rng.int(1, 3) };
  return { deaths: 0, injured: 0 };
}

export interface GenOptions {
  seed: number;
  roads?: number;
  roadLengthM?: number;
  hotspots?: number;
  /** Share of crashes placed around hotspots. */
  hotShare?: number;
}

/** Crashes on `roads` roads of 0–150 km, integer metres (so ties happen), over 2023–2025. */
export function genLinear(n: number, o: GenOptions, firstId = 1): LinearCrash[] {
  const rng = new Rng(o.seed);
  const roads = o.roads ?? 10;
  const len = o.roadLengthM ?? 150_000;
  const hot = Array.from({ length: o.hotspots ?? 60 }, () => ({
    road: rng.int(1, roads),
    km: rng.int(0, len),
  }));
  const hotShare = o.hotShare ?? 0.2;
  const out: LinearCrash[] = [];
  for (let i = 0; i < n; i++) {
    let roadId: number;
    let kmM: number;
    if (hot.length > 0 && rng.next() < hotShare) {
      const h = rng.pick(hot);
      roadId = h.road;
      kmM = Math.max(0, Math.min(len, Math.round(h.km + rng.gauss() * 300)));
    } else {
      roadId = rng.int(1, roads);
      kmM = rng.int(0, len);
    }
    out.push({ id: firstId + i, roadId, kmM, occurredAt: when(rng), ...harm(rng) });
  }
  return out;
}

const M_PER_DEG = 111_195;

/** Crashes with coordinates in a box of about 45 × 40 km around Hà Nội, over 2023–2025. */
export function genSpatial(n: number, o: GenOptions, firstId = 1): PointCrash[] {
  const rng = new Rng(o.seed);
  const lat0 = 20.8;
  const lon0 = 105.6;
  const span = 0.4;
  const hot = Array.from({ length: o.hotspots ?? 40 }, () => ({
    lat: lat0 + rng.next() * span,
    lon: lon0 + rng.next() * span,
  }));
  const hotShare = o.hotShare ?? 0.3;
  const out: PointCrash[] = [];
  for (let i = 0; i < n; i++) {
    let lat: number;
    let lon: number;
    if (hot.length > 0 && rng.next() < hotShare) {
      const h = rng.pick(hot);
      lat = h.lat + (rng.gauss() * 150) / M_PER_DEG;
      lon = h.lon + (rng.gauss() * 150) / (M_PER_DEG * Math.cos(h.lat * (Math.PI / 180)));
    } else {
      lat = lat0 + rng.next() * span;
      lon = lon0 + rng.next() * span;
    }
    // GPS to 6 decimals (about 0.1 m), as recorded.
    lat = Math.round(lat * 1e6) / 1e6;
    lon = Math.round(lon * 1e6) / 1e6;
    out.push({ id: firstId + i, lat, lon, occurredAt: when(rng), ...harm(rng) });
  }
  return out;
}

/** A point `north` and `east` metres from (lat, lon). */
export function offset(lat: number, lon: number, north: number, east: number): { lat: number; lon: number } {
  return {
    lat: lat + north / M_PER_DEG,
    lon: lon + east / (M_PER_DEG * Math.cos(lat * (Math.PI / 180))),
  };
}
