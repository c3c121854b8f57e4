/**
 * The offline basemap of the province, from the directory itself: the outline around the communes'
 * centres (convex hull, widened a little), the communes as labelled points, the routes as lines. A
 * real deployment can point MAP_TILE_URL at a tile server instead.
 */
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';

type Pt = [number, number];

/** Andrew's monotone chain: the convex hull, counter-clockwise, closed. */
export function convexHull(points: Pt[]): Pt[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return [...p, ...(p[0] ? [p[0]] : [])];
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (pts: Pt[]) => {
    const h: Pt[] = [];
    for (const q of pts) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 0) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  const hull = [...half(p), ...half([...p].reverse())];
  return [...hull, hull[0]!];
}

export async function basemap(db: Db, config: Pick<Config, 'mapTileUrl'>) {
  const communes = await db.query<{ id: string; name: string; kind: string; lat: number; lon: number }>(
    `SELECT id, name, kind, lat, lon FROM admin_units WHERE level = 'commune' AND valid_to IS NULL AND lat IS NOT NULL ORDER BY name`,
  );
  const roads = await db.query<{ code: string; name: string; markers: { lat: number; lon: number }[] }>(
    'SELECT code, name, markers FROM roads ORDER BY code',
  );
  const hull = convexHull([
    ...communes.map((c) => [c.lon, c.lat] as Pt),
    ...roads.flatMap((r) => r.markers.map((m) => [m.lon, m.lat] as Pt)),
  ]);
  const cx = hull.reduce((a, q) => a + q[0], 0) / Math.max(1, hull.length);
  const cy = hull.reduce((a, q) => a + q[1], 0) / Math.max(1, hull.length);
  const widened = hull.map(([x, y]) => [cx + (x - cx) * 1.06, cy + (y - cy) * 1.06] as Pt);
  return {
    tileUrl: config.mapTileUrl ?? null,
    province: {
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates: [widened] },
      properties: {},
    },
    communes: {
      type: 'FeatureCollection' as const,
      features: communes.map((c) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] as Pt },
        properties: { id: c.id, name: `${c.kind.charAt(0).toUpperCase()}${c.kind.slice(1)} ${c.name}` },
      })),
    },
    roads: {
      type: 'FeatureCollection' as const,
      features: roads.map((r) => ({
        type: 'Feature' as const,
        geometry: { type: 'LineString' as const, coordinates: r.markers.map((m) => [m.lon, m.lat] as Pt) },
        properties: { code: r.code, name: r.name },
      })),
    },
  };
}
