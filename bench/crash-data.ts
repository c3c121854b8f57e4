// Generated crashes for the benchmarks (bench:crashes, bench:dashboard): each in a commune valid on its date,
// inserted in chunks of 20,000 through jsonb_to_recordset so that the roll-up trigger runs for every row.
import { Rng } from '../src/domain/demo/rng.ts';
import type { Db } from '../src/server/platform/db.ts';

const CAUSES = ['speed', 'alcohol', 'wrong_lane', 'overtaking', 'turning', 'no_licence', 'other'];
const VEHICLES = ['motorbike', 'car', 'truck', 'bus', 'bicycle', 'pedestrian'];

export interface CrashDataOptions {
  count: number;
  /** first instant (ms since the epoch), inclusive */
  startMs: number;
  /** last instant (ms since the epoch), exclusive */
  endMs: number;
  seed?: number;
  /** when given, this share of the crashes (0..1) lies on one of these roads, with a km marker */
  roads?: { ids: number[]; share: number };
}

/** Generates and inserts the crashes; returns the milliseconds it took. */
export async function insertGeneratedCrashes(db: Db, o: CrashDataOptions): Promise<number> {
  const communes = await db.query<{ id: string; validFrom: string; validTo: string | null }>(
    `SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM admin_units WHERE level = 'commune'`,
  );
  const before = communes.filter((c) => c.validTo !== null);
  const after = communes.filter((c) => c.validTo === null);
  const rng = new Rng(o.seed ?? 42);
  const span = o.endMs - o.startMs;
  const CHUNK = 20_000;
  const t0 = performance.now();
  for (let done = 0; done < o.count; done += CHUNK) {
    const rows = [];
    for (let i = 0; i < Math.min(CHUNK, o.count - done); i++) {
      const at = new Date(o.startMs + Math.floor(rng.next() * span));
      const day = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const pool = day < '2025-07-01' ? before : after;
      const deaths = rng.next() < 0.3 ? rng.int(1, 2) : 0;
      const injured = rng.int(0, 3);
      const onRoad = o.roads && rng.next() < o.roads.share;
      rows.push({
        occurredAt: at.toISOString(),
        adminUnitId: rng.pick(pool).id,
        roadId: onRoad && o.roads ? rng.pick(o.roads.ids) : null,
        kmM: onRoad ? rng.int(0, 150_000) : null,
        mode: 'road',
        deaths,
        injured,
        cause: rng.pick(CAUSES),
        vehicles: [rng.pick(VEHICLES)],
        alcohol: rng.next() < 0.15,
        severity:
          deaths >= 2
            ? 'rat_nghiem_trong'
            : deaths === 1
              ? 'nghiem_trong'
              : injured
                ? 'it_nghiem_trong'
                : 'va_cham',
        source: 'police',
        verified: rng.next() < 0.95,
      });
    }
    await db.query(
      `INSERT INTO crashes (occurred_at, admin_unit_id, road_id, km_m, mode, deaths, injured, cause, causes, vehicles, alcohol,
                            severity, source, verified)
       SELECT "occurredAt", "adminUnitId", "roadId", "kmM", mode, deaths, injured, cause, ARRAY[cause], vehicles, alcohol,
              severity, source, verified
         FROM jsonb_to_recordset($1::jsonb) AS x("occurredAt" timestamptz, "adminUnitId" text, "roadId" int, "kmM" int,
              mode text, deaths int, injured int, cause text, vehicles text[], alcohol boolean, severity text, source text,
              verified boolean)`,
      [JSON.stringify(rows)],
    );
  }
  return performance.now() - t0;
}
