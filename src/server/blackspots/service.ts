/**
 * Black spots and hazards: detection from the crash history (by km marker and by coordinates), the
 * registry, the lifecycle from candidate to evaluated (a planned remedy becomes a task of the plans
 * capability), photos, exports and map data.
 */
import type { z } from 'zod';
import { BLACK_SPOT_CRITERIA, criteriaInForce, describeRule } from '../../domain/blackspots/criteria.ts';
import { evaluate } from '../../domain/blackspots/evaluation.ts';
import { detectLinear } from '../../domain/blackspots/linear.ts';
import { detectSpatial, haversineM } from '../../domain/blackspots/spatial.ts';
import { formatKmMarker } from '../../domain/crashes/duplicates.ts';
import { shiftYears } from '../../domain/crashes/periods.ts';
import { dmy } from '../../domain/plans/timeframe.ts';
import { occurredWithin } from '../crashes/service.ts';
import { refreshNextDue } from '../plans/next-due.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import {
  bytesColumn,
  bytesFrom,
  bytesOf,
  bytesParam,
  containing,
  Params,
  whereClause,
} from '../platform/sql.ts';
import type * as s from './schemas.ts';

type Spot = z.infer<typeof s.spot>;
type Detail = z.infer<typeof s.spotDetail>;
type Status = Spot['status'];

/** How many candidates a detection lists (ranked); a province reviews the worst first. */
export const MAX_LISTED = 500;

/** The lifecycle: which status may follow which. */
export const NEXT: Record<Status, Status[]> = {
  candidate: ['confirmed', 'dismissed'],
  confirmed: ['surveyed', 'dismissed'],
  dismissed: ['candidate'],
  surveyed: ['remedy_planned'],
  remedy_planned: ['remedied'],
  remedied: ['evaluated'],
  evaluated: [],
};

const STATUS_LABEL: Record<Status, string> = {
  candidate: 'Điểm phát hiện, chờ xác nhận',
  confirmed: 'Đã xác nhận',
  dismissed: 'Đã loại',
  surveyed: 'Đã khảo sát',
  remedy_planned: 'Đã có phương án xử lý',
  remedied: 'Đã xử lý',
  evaluated: 'Đã đánh giá sau xử lý',
};

type CrashRow = {
  id: number;
  roadId: number | null;
  kmM: number | null;
  lat: number | null;
  lon: number | null;
  occurredAt: string;
  deaths: number;
  injured: number;
};

/**
 * The verified crashes of a window that can be placed (a road and km marker, or coordinates), read as one
 * text value of 7 comma-separated fields per crash (`concat` writes NULL as an empty field): at hundreds of
 * thousands of crashes this is several times faster than one object per row, and faster than one array per
 * column. Numbers round-trip exactly (PostgreSQL writes the shortest exact text of a float8).
 */
async function crashesIn(db: Queryable, from: string, to: string): Promise<CrashRow[]> {
  const [row] = await db.query<{ packed: string | null }>(
    `SELECT string_agg(concat(c.id, ',', c.road_id, ',', c.km_m, ',', c.lat, ',', c.lon, ',', c.deaths, ',', c.injured), ',')
              AS packed
       FROM crashes c
      WHERE c.merged_into IS NULL AND c.verified AND ${occurredWithin('$1', '$2')}
        AND ((c.road_id IS NOT NULL AND c.km_m IS NOT NULL) OR (c.lat IS NOT NULL AND c.lon IS NOT NULL))`,
    [from, to],
  );
  if (!row?.packed) return [];
  const f = row.packed.split(',');
  const orNull = (text: string) => (text === '' ? null : Number(text));
  const out: CrashRow[] = new Array(f.length / 7);
  for (let i = 0, k = 0; i < out.length; i++, k += 7) {
    out[i] = {
      id: Number(f[k]),
      roadId: orNull(f[k + 1]!),
      kmM: orNull(f[k + 2]!),
      lat: orNull(f[k + 3]!),
      lon: orNull(f[k + 4]!),
      // The window is already applied in SQL; the detectors only compare the date with the same window.
      occurredAt: from,
      deaths: Number(f[k + 5]),
      injured: Number(f[k + 6]),
    };
  }
  return out;
}

const kmRange = (from: number | null, to: number | null) =>
  from === null
    ? ''
    : `${formatKmMarker(from)}${to !== null && to !== from ? ` – ${formatKmMarker(to)}` : ''}`;

export async function detect(db: Db, actor: Actor, body: z.infer<typeof s.detectBody>) {
  const criteria = criteriaInForce(body.to);
  if (!criteria)
    throw badRequest('Không có tiêu chí điểm đen áp dụng cho ngày này.', [
      { path: 'to', message: 'Ngoài thời gian có tiêu chí' },
    ]);
  const crashes = await crashesIn(db, body.from, body.to);
  const window = { from: body.from, to: body.to };
  const roads = new Map(
    (await db.query<{ id: number; code: string }>('SELECT id, code FROM roads')).map((r) => [r.id, r.code]),
  );
  const existing = await db.query<{
    id: number;
    roadId: number | null;
    fromM: number | null;
    toM: number | null;
    lat: number | null;
    lon: number | null;
  }>(
    `SELECT id, road_id AS "roadId", from_m AS "fromM", to_m AS "toM", lat, lon FROM black_spots WHERE kind <> 'hazard'`,
  );
  const onRoad = (c: CrashRow) => c.roadId !== null && c.kmM !== null;
  // Crashes with a km marker and coordinates place a linear candidate on the map.
  const placed = new Map(crashes.filter((c) => onRoad(c) && c.lat !== null).map((c) => [c.id, c]));
  const ruleText = (rule: number | null) => {
    const r = rule === null ? undefined : criteria.rules[rule];
    return r ? describeRule(r) : `Điểm tiềm ẩn: từ ${criteria.potential.minCrashes} vụ trở lên`;
  };
  const candidates: z.infer<typeof s.candidate>[] = [];
  if (body.mode !== 'spatial') {
    const linear = crashes.filter(onRoad) as (CrashRow & {
      roadId: number;
      kmM: number;
    })[];
    for (const c of detectLinear(linear, window, criteria)) {
      const ids = c.crashIds;
      const located = ids
        .map((id) => placed.get(id))
        .filter((x): x is CrashRow => !!x && x.lat !== null && x.lon !== null);
      const same = existing.find(
        (e) =>
          e.roadId === c.roadId && e.fromM !== null && e.toM !== null && e.fromM <= c.toM && c.fromM <= e.toM,
      );
      candidates.push({
        kind: c.level,
        source: 'linear',
        name: `${roads.get(c.roadId) ?? 'Tuyến'} ${kmRange(c.fromM, c.toM)}`,
        roadId: c.roadId,
        roadCode: roads.get(c.roadId) ?? null,
        fromM: c.fromM,
        toM: c.toM,
        lat: located.length ? located.reduce((a, x) => a + (x.lat ?? 0), 0) / located.length : null,
        lon: located.length ? located.reduce((a, x) => a + (x.lon ?? 0), 0) / located.length : null,
        crashIds: ids,
        crashes: c.crashes,
        fatalCrashes: c.fatalCrashes,
        deaths: c.deaths,
        injured: c.injured,
        rule: ruleText(c.rule),
        criteriaId: criteria.id,
        citation: criteria.citation,
        existingSpotId: same?.id ?? null,
      });
    }
  }
  if (body.mode !== 'linear') {
    // The rest: crashes placed by coordinates only (streets and roads without km markers).
    const spatial = crashes.filter((c) => !onRoad(c) && c.lat !== null && c.lon !== null) as (CrashRow & {
      lat: number;
      lon: number;
    })[];
    for (const c of detectSpatial(spatial, window, criteria)) {
      const same = existing.find(
        (e) =>
          e.lat !== null &&
          e.lon !== null &&
          haversineM(e.lat, e.lon, c.lat, c.lon) <= criteria.segmentMetres / 2,
      );
      candidates.push({
        kind: c.level,
        source: 'spatial',
        name: `Khu vực ${c.lat.toFixed(4)}, ${c.lon.toFixed(4)}`,
        roadId: null,
        roadCode: null,
        fromM: null,
        toM: null,
        lat: c.lat,
        lon: c.lon,
        crashIds: c.crashIds,
        crashes: c.crashes,
        fatalCrashes: c.fatalCrashes,
        deaths: c.deaths,
        injured: c.injured,
        rule: ruleText(c.rule),
        criteriaId: criteria.id,
        citation: criteria.citation,
        existingSpotId: same?.id ?? null,
      });
    }
  }
  const newCandidates = candidates.filter((c) => c.existingSpotId === null).length;
  let saved = 0;
  if (body.save) {
    await db.transaction(async (tx) => {
      for (const c of candidates) {
        if (c.existingSpotId !== null) continue;
        const [row] = await tx.query<{ id: number }>(
          `INSERT INTO black_spots (kind, source, name, road_id, from_m, to_m, lat, lon, criteria_id, rule, window_from, window_to,
                                    crashes, fatal_crashes, deaths, injured, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
          [
            c.kind,
            c.source,
            c.name,
            c.roadId,
            c.fromM,
            c.toM,
            c.lat,
            c.lon,
            c.criteriaId,
            c.rule,
            body.from,
            body.to,
            c.crashes,
            c.fatalCrashes,
            c.deaths,
            c.injured,
            actor.userId,
          ],
        );
        await tx.query('INSERT INTO black_spot_crashes (spot_id, crash_id) SELECT $1, unnest($2::bigint[])', [
          row!.id,
          c.crashIds,
        ]);
        c.existingSpotId = row!.id;
        saved++;
      }
      await audit(tx, actor, {
        action: 'detect',
        entity: 'black_spot',
        after: { ...body, candidates: candidates.length, saved },
      });
    });
  }
  // Black spots first, then by harm; the answer lists the first ones (all are saved when asked).
  candidates.sort(
    (a, b) =>
      (a.kind === 'black_spot' ? 0 : 1) - (b.kind === 'black_spot' ? 0 : 1) ||
      b.fatalCrashes - a.fatalCrashes ||
      b.crashes - a.crashes ||
      b.deaths - a.deaths,
  );
  return {
    window,
    criteria: {
      id: criteria.id,
      citation: criteria.citation,
      verified: criteria.verified,
      segmentMetres: criteria.segmentMetres,
    },
    crashesConsidered: crashes.length,
    totalCandidates: candidates.length,
    newCandidates,
    candidates: candidates.slice(0, MAX_LISTED),
    saved,
  };
}

const SPOT_SELECT = `
  SELECT b.id, b.kind, b.hazard_type AS "hazardType", b.source, b.status, b.name, b.road_id AS "roadId", r.code AS "roadCode",
         b.from_m AS "fromM", b.to_m AS "toM", b.lat, b.lon, b.admin_unit_id AS "adminUnitId", b.criteria_id AS "criteriaId",
         b.rule, b.window_from::text AS "windowFrom", b.window_to::text AS "windowTo", b.crashes,
         b.fatal_crashes AS "fatalCrashes", b.deaths, b.injured, b.dismiss_reason AS "dismissReason",
         b.survey_on::text AS "surveyOn", b.survey_findings AS "surveyFindings", b.remedy_measures AS "remedyMeasures",
         b.remedy_cost_vnd AS "remedyCostVnd", b.remedy_lead_unit_id AS "remedyLeadUnitId", u.name AS "remedyLeadUnitName",
         b.remedy_due::text AS "remedyDue", b.remedy_task_id AS "remedyTaskId", b.remedied_on::text AS "remediedOn", b.evaluation
    FROM black_spots b LEFT JOIN roads r ON r.id = b.road_id LEFT JOIN org_units u ON u.id = b.remedy_lead_unit_id`;

export async function listSpots(db: Db, q: z.infer<typeof s.spotQuery>) {
  const p = new Params();
  const where: string[] = [];
  if (q.status) where.push(`b.status = ${p.add(q.status)}`);
  if (q.kind) where.push(`b.kind = ${p.add(q.kind)}`);
  if (q.roadId) where.push(`b.road_id = ${p.add(q.roadId)}`);
  if (q.adminUnitId) {
    const id = p.add(q.adminUnitId);
    where.push(
      `(b.admin_unit_id = ${id} OR b.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = ${id}))`,
    );
  }
  if (q.q) where.push(`b.name ILIKE ${p.add(containing(q.q))}`);
  const cond = whereClause(where);
  const [count] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM black_spots b ${cond}`, [
    ...p.values,
  ]);
  const items = await db.query<Spot>(
    `${SPOT_SELECT} ${cond} ORDER BY b.fatal_crashes DESC, b.crashes DESC, b.id LIMIT ${p.add(q.pageSize)} OFFSET ${p.add(offsetOf(q))}`,
    p.values,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getSpot(db: Queryable, id: number): Promise<Detail> {
  const [spot] = await db.query<Spot>(`${SPOT_SELECT} WHERE b.id = $1`, [id]);
  if (!spot) throw notFound('Không tìm thấy điểm.');
  const crashList = await db.query<Detail['crashList'][number] & { id: number | string }>(
    `SELECT c.id, to_json(c.occurred_at) #>> '{}' AS "occurredAt", c.deaths, c.injured, c.km_m AS "kmM"
       FROM black_spot_crashes x JOIN crashes c ON c.id = x.crash_id WHERE x.spot_id = $1 ORDER BY c.occurred_at`,
    [id],
  );
  const photos = await db.query<Detail['photos'][number]>(
    'SELECT id, file_name AS "fileName", size FROM black_spot_photos WHERE spot_id = $1 ORDER BY id',
    [id],
  );
  const history = await db.query<Detail['history'][number]>(
    `SELECT to_json(at) #>> '{}' AS at, username, action, after FROM audit_log
      WHERE entity = 'black_spot' AND entity_id = $1 ORDER BY at, id`,
    [String(id)],
  );
  return {
    ...spot,
    crashList: crashList.map((c) => ({ ...c, id: Number(c.id) })),
    photos,
    history,
    next: NEXT[spot.status],
  };
}

export async function createSpot(db: Db, actor: Actor, input: z.infer<typeof s.spotCreate>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO black_spots (kind, hazard_type, source, status, name, road_id, from_m, to_m, lat, lon, admin_unit_id, survey_findings, created_by)
       VALUES ($1, $2, 'manual', 'confirmed', $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        input.kind,
        input.hazardType ?? null,
        input.name,
        input.roadId ?? null,
        input.fromM ?? null,
        input.toM ?? input.fromM ?? null,
        input.lat ?? null,
        input.lon ?? null,
        input.adminUnitId ?? null,
        input.description ?? null,
        actor.userId,
      ],
    );
    await audit(tx, actor, { action: 'create', entity: 'black_spot', entityId: row!.id, after: input });
    return getSpot(tx, row!.id);
  });
}

const need = (ok: unknown, path: string, message: string) => {
  if (ok === null || ok === undefined || ok === '')
    throw badRequest('Dữ liệu không hợp lệ.', [{ path, message }]);
};

export async function transition(
  db: Db,
  actor: Actor,
  id: number,
  body: z.infer<typeof s.transitionBody>,
  today: string,
) {
  return db.transaction(async (tx) => {
    const spot = await getSpot(tx, id);
    if (!NEXT[spot.status].includes(body.to))
      throw badRequest(
        `Không thể chuyển từ "${STATUS_LABEL[spot.status]}" sang "${STATUS_LABEL[body.to]}".`,
        [
          {
            path: 'to',
            message: `Bước tiếp theo: ${NEXT[spot.status].map((x) => STATUS_LABEL[x]).join(', ') || 'không còn'}`,
          },
        ],
      );
    const sets: Record<string, unknown> = { status: body.to };
    switch (body.to) {
      case 'dismissed':
        need(body.reason, 'reason', 'Cần ghi lý do loại');
        sets.dismiss_reason = body.reason;
        break;
      case 'surveyed':
        need(body.surveyOn, 'surveyOn', 'Cần ngày khảo sát');
        need(body.findings, 'findings', 'Cần ghi kết quả khảo sát');
        if (body.surveyOn! > today)
          throw badRequest('Dữ liệu không hợp lệ.', [
            { path: 'surveyOn', message: 'Ngày khảo sát không thể ở tương lai' },
          ]);
        sets.survey_on = body.surveyOn;
        sets.survey_findings = body.findings;
        break;
      case 'remedy_planned': {
        need(body.measures, 'measures', 'Cần ghi biện pháp xử lý');
        need(body.leadUnitId, 'leadUnitId', 'Cần chọn đơn vị chủ trì');
        need(body.dueOn, 'dueOn', 'Cần hạn hoàn thành');
        if (spot.surveyOn && body.dueOn! < spot.surveyOn)
          throw badRequest('Dữ liệu không hợp lệ.', [
            { path: 'dueOn', message: 'Hạn phải sau ngày khảo sát' },
          ]);
        sets.remedy_measures = body.measures;
        sets.remedy_cost_vnd = body.costVnd ?? null;
        sets.remedy_lead_unit_id = body.leadUnitId;
        sets.remedy_due = body.dueOn;
        sets.remedy_task_id = await remedyTask(
          tx,
          actor,
          spot,
          body.measures!,
          body.leadUnitId!,
          body.dueOn!,
          today,
        );
        break;
      }
      case 'remedied':
        need(body.remediedOn, 'remediedOn', 'Cần ngày hoàn thành xử lý');
        if (body.remediedOn! > today)
          throw badRequest('Dữ liệu không hợp lệ.', [
            { path: 'remediedOn', message: 'Ngày xử lý không thể ở tương lai' },
          ]);
        if (spot.surveyOn && body.remediedOn! < spot.surveyOn)
          throw badRequest('Dữ liệu không hợp lệ.', [
            { path: 'remediedOn', message: 'Ngày xử lý phải sau ngày khảo sát' },
          ]);
        sets.remedied_on = body.remediedOn;
        if (spot.remedyTaskId) {
          await tx.query(
            `UPDATE task_assignments SET status = 'done', progress = 100, completed_on = $2 WHERE task_id = $1 AND role = 'lead'`,
            [spot.remedyTaskId, body.remediedOn],
          );
          await tx.query(
            `UPDATE task_occurrences o SET done_on = $2 FROM task_assignments a
              WHERE a.id = o.assignment_id AND a.task_id = $1 AND o.done_on IS NULL`,
            [spot.remedyTaskId, body.remediedOn],
          );
          const ids = await tx.query<{ id: number }>('SELECT id FROM task_assignments WHERE task_id = $1', [
            spot.remedyTaskId,
          ]);
          await refreshNextDue(
            tx,
            ids.map((r) => r.id),
          );
        }
        break;
      case 'evaluated':
        sets.evaluation = JSON.stringify(await evaluateSpot(tx, spot, today));
        break;
      default:
        break;
    }
    const p = new Params();
    const assignments = Object.entries(sets).map(([k, v]) => `${k} = ${p.add(v)}`);
    await tx.query(
      `UPDATE black_spots SET ${assignments.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`,
      p.values,
    );
    await audit(tx, actor, { action: body.to, entity: 'black_spot', entityId: id, after: { ...body } });
    return getSpot(tx, id);
  });
}

/** The remedy becomes a task of the year's black-spot plan (created once per year), led by the unit. */
async function remedyTask(
  tx: Queryable,
  actor: Actor,
  spot: Spot,
  measures: string,
  leadUnitId: number,
  dueOn: string,
  today: string,
) {
  const year = dueOn.slice(0, 4);
  const number = `XLĐĐ-${year}`;
  let [plan] = await tx.query<{ id: number }>('SELECT id FROM plans WHERE number = $1', [number]);
  if (!plan) {
    [plan] = await tx.query<{ id: number }>(
      `INSERT INTO plans (number, issued_on, issuing_body, title, status, source_format, created_by)
       VALUES ($1, $2, 'Ban An toàn giao thông tỉnh', $3, 'active', 'manual', $4) RETURNING id`,
      [number, today, `Xử lý điểm đen, điểm tiềm ẩn tai nạn giao thông năm ${year}`, actor.userId],
    );
  }
  const [{ n } = { n: 0 }] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM plan_tasks WHERE plan_id = $1',
    [plan!.id],
  );
  const timeframe = `Hoàn thành trước ngày ${dmy(dueOn)}`;
  const [task] = await tx.query<{ id: number }>(
    `INSERT INTO plan_tasks (plan_id, kind, number, path, position, title, timeframe_text, schedule_kind, lead_text, note, search_text)
     VALUES ($1, 'task', $2, $2, $3, $4, $5, 'deadline', '', $6, lower($4)) RETURNING id`,
    [plan!.id, String(n + 1), n + 1, `Xử lý ${spot.name}: ${measures}`, timeframe, `Điểm số ${spot.id}`],
  );
  const [assignment] = await tx.query<{ id: number }>(
    `INSERT INTO task_assignments (task_id, org_unit_id, role, is_primary, next_due_on) VALUES ($1, $2, 'lead', true, $3) RETURNING id`,
    [task!.id, leadUnitId, dueOn],
  );
  await tx.query(
    `INSERT INTO task_occurrences (assignment_id, due_on, label, source) VALUES ($1, $2, $3, 'deadline')`,
    [assignment!.id, dueOn, timeframe],
  );
  await tx.query(
    `INSERT INTO notifications (org_unit_id, kind, title, body, link, dedupe_key)
     VALUES ($1, 'assigned', 'Được giao xử lý điểm đen', $2, $3, $4) ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      leadUnitId,
      `${spot.name} — hạn ${dmy(dueOn)}`,
      `/tasks/${task!.id}`,
      `black_spot:${spot.id}:${task!.id}`,
    ],
  );
  return task!.id;
}

/** 12 months before the works against 12 months after, at the spot's place. */
async function evaluateSpot(tx: Queryable, spot: Spot, today: string) {
  need(spot.remediedOn, 'remediedOn', 'Chưa có ngày xử lý');
  const done = spot.remediedOn!;
  const beforeFrom = shiftYears(done, -1);
  const afterTo = shiftYears(done, 1);
  if (afterTo > today)
    throw badRequest('Chưa đủ 12 tháng sau khi xử lý để đánh giá.', [
      { path: 'to', message: `Có thể đánh giá từ ngày ${dmy(afterTo)}` },
    ]);
  const criteria = criteriaInForce(done) ?? BLACK_SPOT_CRITERIA[0]!;
  const count = async (from: string, to: string) => {
    const all = await crashesIn(tx, from, to);
    const here = all.filter((c) =>
      spot.roadId !== null && spot.fromM !== null
        ? c.roadId === spot.roadId &&
          c.kmM !== null &&
          c.kmM >= spot.fromM &&
          c.kmM <= (spot.toM ?? spot.fromM)
        : spot.lat !== null &&
          spot.lon !== null &&
          c.lat !== null &&
          c.lon !== null &&
          haversineM(spot.lat, spot.lon, c.lat, c.lon) <= criteria.segmentMetres / 2,
    );
    return {
      crashes: here.length,
      deaths: here.reduce((a, c) => a + c.deaths, 0),
      injured: here.reduce((a, c) => a + c.injured, 0),
      road: spot.roadId !== null ? all.filter((c) => c.roadId === spot.roadId).length : null,
    };
  };
  const before = await count(beforeFrom, done);
  const after = await count(done, afterTo);
  // Regression to the mean: what a segment of this length on this road has on average.
  let expectedBefore: number | undefined;
  if (spot.roadId !== null && spot.fromM !== null && before.road !== null) {
    const [road] = await tx.query<{ lengthKm: number }>(
      'SELECT length_km AS "lengthKm" FROM roads WHERE id = $1',
      [spot.roadId],
    );
    const lengthM = Math.max(criteria.segmentMetres, (spot.toM ?? spot.fromM) - spot.fromM);
    if (road && road.lengthKm > 0) expectedBefore = (before.road * lengthM) / (road.lengthKm * 1000);
  }
  const result = evaluate({
    before: { crashes: before.crashes, deaths: before.deaths, injured: before.injured },
    after: { crashes: after.crashes, deaths: after.deaths, injured: after.injured },
    ...(expectedBefore !== undefined ? { expectedBefore } : {}),
  });
  return {
    before: {
      from: beforeFrom,
      to: done,
      crashes: before.crashes,
      deaths: before.deaths,
      injured: before.injured,
    },
    after: { from: done, to: afterTo, crashes: after.crashes, deaths: after.deaths, injured: after.injured },
    expectedBefore: expectedBefore ?? null,
    ...result,
  };
}

export async function addPhoto(db: Db, actor: Actor, id: number, body: z.infer<typeof s.photoBody>) {
  const bytes = Buffer.from(body.contentBase64, 'base64');
  const magic: Record<string, number[]> = {
    'image/jpeg': [0xff, 0xd8, 0xff],
    'image/png': [0x89, 0x50, 0x4e, 0x47],
    'image/webp': [0x52, 0x49, 0x46, 0x46],
  };
  if (bytes.length === 0 || !(magic[body.mediaType] ?? []).every((b, i) => bytes[i] === b))
    throw badRequest('Tệp không phải ảnh đúng định dạng.', [
      { path: 'contentBase64', message: `Nội dung không phải ${body.mediaType}` },
    ]);
  return db.transaction(async (tx) => {
    await getSpot(tx, id);
    await tx.query(
      `INSERT INTO black_spot_photos (spot_id, file_name, media_type, size, content)
       VALUES ($1, $2, $3, $4, ${bytesFrom('$5')})`,
      [id, body.fileName, body.mediaType, bytes.length, bytesParam(bytes)],
    );
    await audit(tx, actor, {
      action: 'photo',
      entity: 'black_spot',
      entityId: id,
      after: { fileName: body.fileName, size: bytes.length },
    });
    return getSpot(tx, id);
  });
}

export async function getPhoto(db: Db, id: number) {
  const [row] = await db.query<{ mediaType: string; content: string }>(
    `SELECT media_type AS "mediaType", ${bytesColumn('content')} AS content FROM black_spot_photos WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound('Không tìm thấy ảnh.');
  return { ...row, content: bytesOf(row.content) };
}

export async function spotsGeoJson(db: Db) {
  const rows = await db.query<{
    id: number;
    kind: string;
    status: string;
    name: string;
    crashes: number;
    deaths: number;
    lat: number;
    lon: number;
  }>(
    `SELECT id, kind, status, name, crashes, deaths, lat, lon FROM black_spots WHERE lat IS NOT NULL ORDER BY id`,
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] as [number, number] },
      properties: {
        id: r.id,
        kind: r.kind,
        status: r.status,
        name: r.name,
        crashes: r.crashes,
        deaths: r.deaths,
      },
    })),
  };
}

export { STATUS_LABEL };

/**
 * The registry at a glance (the dashboards): spots by status, remedies completed in `today`'s year, and the
 * planned remedies past their deadline, most overdue first. `areaId` limits it to one current commune (spots
 * recorded in an old commune that rolled up into it included).
 */
export async function spotSummary(db: Queryable, today: string, areaId?: string) {
  const p = new Params();
  const area =
    areaId === undefined
      ? ''
      : `AND b.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = ${p.add(areaId)})`;
  const counts = await db.query<{ status: Status; n: number }>(
    `SELECT b.status, count(*)::int AS n FROM black_spots b WHERE TRUE ${area} GROUP BY 1`,
    p.values,
  );
  const year = today.slice(0, 4);
  const [remedied] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM black_spots b
      WHERE b.remedied_on BETWEEN ${p.add(`${year}-01-01`)}::date AND ${p.add(today)}::date ${area}`,
    p.values,
  );
  const q = new Params();
  const overdue = await db.query<{
    id: number;
    name: string;
    remedyDue: string;
    daysLate: number;
    leadUnitName: string | null;
  }>(
    `SELECT b.id, b.name, b.remedy_due::text AS "remedyDue", (${q.add(today)}::date - b.remedy_due)::int AS "daysLate",
            u.name AS "leadUnitName"
       FROM black_spots b LEFT JOIN org_units u ON u.id = b.remedy_lead_unit_id
      WHERE b.status = 'remedy_planned' AND b.remedy_due < $1::date
        ${areaId === undefined ? '' : `AND b.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = ${q.add(areaId)})`}
      ORDER BY b.remedy_due, b.id`,
    q.values,
  );
  const r = new Params();
  const spots = await db.query<{ id: number; name: string; status: Status }>(
    `SELECT b.id, b.name, b.status FROM black_spots b
      WHERE b.status <> 'dismissed'
        ${areaId === undefined ? '' : `AND b.admin_unit_id IN (SELECT id FROM admin_unit_rollup WHERE current_id = ${r.add(areaId)})`}
      ORDER BY b.fatal_crashes DESC, b.crashes DESC, b.id LIMIT 10`,
    r.values,
  );
  const byStatus = new Map(counts.map((c) => [c.status, c.n]));
  return {
    /** the worst 10 not dismissed */
    spots: spots.map((x) => ({ ...x, statusLabel: STATUS_LABEL[x.status] })),
    byStatus: (Object.keys(NEXT) as Status[]).map((status) => ({
      status,
      label: STATUS_LABEL[status],
      count: byStatus.get(status) ?? 0,
    })),
    total: counts.reduce((sum, c) => sum + c.n, 0),
    remediedThisYear: remedied?.n ?? 0,
    overdueRemedies: overdue,
  };
}
