/**
 * Likely duplicates: the same crash entered twice (by the police and by a commune, or imported
 * again). Two records are compared on time, place and what happened; each agreement adds to a score
 * and gives a reason in Vietnamese. Pure; no I/O.
 *
 * Rules (score out of 100):
 * - time: within 30 minutes +40, within 2 hours +25; more than 2 hours apart: not a duplicate (0 overall);
 * - place: same current commune +20; both located and within 300 m +25 (1 km +15);
 *   same road and km markers within 500 m +20;
 * - outcome: same deaths and injured +15; a shared vehicle type +5.
 * A score of 60 or more is a likely duplicate.
 */
export interface CrashForMatch {
  id: number;
  occurredAt: string;
  /** the current commune (old units rolled up) */
  communeId: string | null;
  lat: number | null;
  lon: number | null;
  roadId: number | null;
  kmM: number | null;
  deaths: number;
  injured: number;
  vehicles: string[];
}

export const DUPLICATE_THRESHOLD = 60;
export const DUPLICATE_WINDOW_MINUTES = 120;

function distanceM(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function duplicateScore(a: CrashForMatch, b: CrashForMatch): { score: number; reasons: string[] } {
  const minutes = Math.abs(Date.parse(a.occurredAt) - Date.parse(b.occurredAt)) / 60_000;
  if (!Number.isFinite(minutes) || minutes > DUPLICATE_WINDOW_MINUTES) return { score: 0, reasons: [] };
  let score = 0;
  const reasons: string[] = [];
  if (minutes <= 30) {
    score += 40;
    reasons.push(`Cách nhau ${Math.round(minutes)} phút`);
  } else {
    score += 25;
    reasons.push(`Cách nhau ${Math.round(minutes)} phút (dưới 2 giờ)`);
  }
  if (a.communeId && a.communeId === b.communeId) {
    score += 20;
    reasons.push('Cùng xã, phường');
  }
  if (a.lat != null && a.lon != null && b.lat != null && b.lon != null) {
    const d = distanceM(a.lat, a.lon, b.lat, b.lon);
    if (d <= 300) {
      score += 25;
      reasons.push(`Vị trí cách nhau ${Math.round(d)} m`);
    } else if (d <= 1000) {
      score += 15;
      reasons.push(`Vị trí cách nhau ${Math.round(d)} m`);
    }
  }
  if (
    a.roadId != null &&
    a.roadId === b.roadId &&
    a.kmM != null &&
    b.kmM != null &&
    Math.abs(a.kmM - b.kmM) <= 500
  ) {
    score += 20;
    reasons.push(`Cùng tuyến, lý trình cách nhau ${Math.abs(a.kmM - b.kmM)} m`);
  }
  if (a.deaths === b.deaths && a.injured === b.injured) {
    score += 15;
    reasons.push(`Cùng số người chết (${a.deaths}) và bị thương (${a.injured})`);
  }
  if (a.vehicles.some((v) => b.vehicles.includes(v))) {
    score += 5;
    reasons.push('Có chung loại phương tiện');
  }
  return { score: Math.min(100, score), reasons };
}

/** The likely duplicates of a record among candidates, best first. */
export function findDuplicates(
  record: CrashForMatch,
  candidates: CrashForMatch[],
  threshold = DUPLICATE_THRESHOLD,
): { id: number; occurredAt: string; score: number; reasons: string[] }[] {
  return candidates
    .filter((c) => c.id !== record.id)
    .map((c) => ({ id: c.id, occurredAt: c.occurredAt, ...duplicateScore(record, c) }))
    .filter((m) => m.score >= threshold)
    .sort((x, y) => y.score - x.score || x.id - y.id);
}

/** "Km 12+300" → 12300; null when it is not a km marker. */
export function parseKmMarker(text: string | null | undefined): number | null {
  const m = /^\s*(?:Km\s*)?(\d{1,4})\s*\+\s*(\d{1,3})\s*$/i.exec(text ?? '');
  return m ? Number(m[1]) * 1000 + Number(m[2]) : null;
}

/** 12300 → "Km 12+300". */
export function formatKmMarker(metres: number | null | undefined): string | null {
  if (metres == null) return null;
  return `Km ${Math.floor(metres / 1000)}+${String(metres % 1000).padStart(3, '0')}`;
}
