/** Small spatial helpers for the maps (plain maths, no map library). */

/** Mean Earth radius in metres (WGS 84 authalic). */
const EARTH_RADIUS_M = 6_371_008.8;

export type LonLat = [number, number];

/**
 * A circle of `radiusM` metres around a point, as a closed ring of `steps` points (a GeoJSON polygon
 * ring): the GPS accuracy of a report drawn on the map. Exact on the sphere, so good at any latitude.
 */
export function circleRing(center: LonLat, radiusM: number, steps = 64): LonLat[] {
  const [lon, lat] = center;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = Math.max(0, radiusM) / EARTH_RADIUS_M;
  const ring: LonLat[] = [];
  for (let i = 0; i < steps; i++) {
    const θ = (2 * Math.PI * i) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 =
      λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(((λ2 * 180) / Math.PI + 540) % 360) - 180, (φ2 * 180) / Math.PI]);
  }
  const first = ring[0];
  if (first) ring.push([first[0], first[1]]);
  return ring;
}

/** Great-circle distance in metres. */
export function distanceM(a: LonLat, b: LonLat): number {
  const φ1 = (a[1] * Math.PI) / 180;
  const φ2 = (b[1] * Math.PI) / 180;
  const dφ = φ2 - φ1;
  const dλ = ((b[0] - a[0]) * Math.PI) / 180;
  const h = Math.sin(dφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(dλ / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The bounding box [[west, south], [east, north]] of some points; null when there are none. */
export function boundsOfPoints(points: readonly LonLat[]): [LonLat, LonLat] | null {
  if (points.length === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [
    [w, s],
    [e, n],
  ];
}
