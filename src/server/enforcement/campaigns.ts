/**
 * Patrol campaigns (đợt cao điểm): the record, its daily tallies entered by hand, and its results computed
 * from the tallies and the violations in the database (rules in src/domain/enforcement/campaigns.ts).
 * Writers: the office of the Committee (office, admin) and the police; readers: every signed-in user.
 */
import type { z } from 'zod';
import { formatDateVi } from '../../domain/crashes/periods.ts';
import { campaignResults, periodBefore, type TypeCount } from '../../domain/enforcement/campaigns.ts';
import { dayEnd, dayStart } from '../crashes/service.ts';
import { type Actor, audit } from '../platform/audit.ts';
import type { SessionUser } from '../platform/auth/roles.ts';
import type { Db, Queryable } from '../platform/db.ts';
import { badRequest, type ErrorDetail, forbidden, notFound } from '../platform/errors.ts';
import { offsetOf } from '../platform/http.ts';
import type * as s from './patrol-schemas.ts';
import { isPolice } from './service.ts';

type Item = z.infer<typeof s.campaignItem>;
type Input = z.infer<typeof s.campaignInput>;

export async function requireCampaignWriter(db: Queryable, user: SessionUser): Promise<void> {
  if (user.role === 'admin' || user.role === 'office') return;
  if (!(await isPolice(db, user)))
    throw forbidden('Chỉ Văn phòng Ban ATGT tỉnh và lực lượng Công an được ghi đợt cao điểm và kết quả.');
}

const SELECT = `SELECT c.id, c.name, c.from_date::text AS "from", c.to_date::text AS "to", c.focus, c.forces,
                       c.lead_org_unit_id AS "leadOrgUnitId", o.name AS "leadOrgUnitName"
                  FROM patrol_campaigns c LEFT JOIN org_units o ON o.id = c.lead_org_unit_id`;

export async function listCampaigns(db: Db, q: z.infer<typeof s.campaignListQuery>) {
  const where =
    q.year === undefined
      ? ''
      : 'WHERE extract(year FROM c.from_date) = $1 OR extract(year FROM c.to_date) = $1';
  const params = q.year === undefined ? [] : [q.year];
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM patrol_campaigns c ${where}`,
    params,
  );
  const items = await db.query<Item>(
    `${SELECT} ${where} ORDER BY c.from_date DESC, c.id DESC LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
    params,
  );
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function getItem(db: Queryable, id: number): Promise<Item> {
  const [row] = await db.query<Item>(`${SELECT} WHERE c.id = $1`, [id]);
  if (!row) throw notFound('Không tìm thấy đợt cao điểm.');
  return row;
}

export async function getCampaign(db: Queryable, id: number): Promise<z.infer<typeof s.campaignDetail>> {
  const c = await getItem(db, id);
  const previousPeriod = periodBefore(c);
  const tallies = (
    await db.query<{ day: string; typeCode: string; count: number; finesVnd: number | string }>(
      `SELECT day::text AS day, type_code AS "typeCode", count, fines_vnd AS "finesVnd"
         FROM patrol_campaign_tallies WHERE campaign_id = $1 ORDER BY day, type_code`,
      [id],
    )
  ).map((t) => ({ ...t, finesVnd: Number(t.finesVnd) }));
  const recorded = (
    await db.query<TypeCount>(
      `SELECT type_code AS "typeCode", count(*)::int AS count,
              COALESCE(sum(fine_vnd) FILTER (WHERE status = 'paid'), 0)::bigint AS "finesVnd"
         FROM violations v
        WHERE v.status <> 'cancelled'
          AND (v.campaign_id = $1
               OR (v.type_code = ANY($2::text[]) AND v.occurred_at >= ${dayStart('$3')} AND v.occurred_at < ${dayEnd('$4')}))
        GROUP BY 1`,
      [id, c.focus, c.from, c.to],
    )
  ).map((r) => ({ ...r, finesVnd: Number(r.finesVnd) }));
  const codes = [
    ...new Set([...c.focus, ...tallies.map((t) => t.typeCode), ...recorded.map((r) => r.typeCode)]),
  ];
  const previous = await db.query<TypeCount>(
    `SELECT type_code AS "typeCode", count(*)::int AS count, 0 AS "finesVnd"
       FROM violations v
      WHERE v.status <> 'cancelled' AND v.type_code = ANY($1::text[])
        AND v.occurred_at >= ${dayStart('$2')} AND v.occurred_at < ${dayEnd('$3')}
      GROUP BY 1`,
    [codes, previousPeriod.from, previousPeriod.to],
  );
  return { ...c, previousPeriod, tallies, results: campaignResults(c, tallies, recorded, previous) };
}

async function checkInput(tx: Queryable, body: Input): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  if (body.from > body.to)
    problems.push({ path: 'to', message: 'Ngày kết thúc phải từ ngày bắt đầu trở đi.' });
  if (body.leadOrgUnitId != null) {
    const [o] = await tx.query('SELECT 1 FROM org_units WHERE id = $1', [body.leadOrgUnitId]);
    if (!o) problems.push({ path: 'leadOrgUnitId', message: 'Đơn vị chủ trì không tồn tại.' });
  }
  return problems;
}

const values = (b: Input) => [
  b.name,
  b.from,
  b.to,
  [...new Set(b.focus)],
  b.forces ?? null,
  b.leadOrgUnitId ?? null,
];

function refuse(problems: ErrorDetail[]): void {
  if (problems.length) throw badRequest('Dữ liệu đợt cao điểm chưa hợp lệ.', problems);
}

export async function createCampaign(db: Db, actor: Actor, user: SessionUser, body: Input) {
  await requireCampaignWriter(db, user);
  return db.transaction(async (tx) => {
    refuse(await checkInput(tx, body));
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO patrol_campaigns (name, from_date, to_date, focus, forces, lead_org_unit_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      values(body),
    );
    const created = await getItem(tx, row!.id);
    await audit(tx, actor, {
      action: 'create',
      entity: 'patrol_campaign',
      entityId: row!.id,
      after: created,
    });
    return getCampaign(tx, row!.id);
  });
}

export async function updateCampaign(db: Db, actor: Actor, user: SessionUser, id: number, body: Input) {
  await requireCampaignWriter(db, user);
  return db.transaction(async (tx) => {
    const before = await getItem(tx, id);
    refuse(await checkInput(tx, body));
    await tx.query(
      `UPDATE patrol_campaigns SET name = $1, from_date = $2, to_date = $3, focus = $4, forces = $5,
              lead_org_unit_id = $6, updated_at = now() WHERE id = $7`,
      [...values(body), id],
    );
    const after = await getItem(tx, id);
    await audit(tx, actor, { action: 'update', entity: 'patrol_campaign', entityId: id, before, after });
    return getCampaign(tx, id);
  });
}

/** Upserts a day's hand tallies: each code given replaces that code's row of the day; others stay. */
export async function recordTallies(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: number,
  body: z.infer<typeof s.tallyBody>,
) {
  await requireCampaignWriter(db, user);
  return db.transaction(async (tx) => {
    const c = await getItem(tx, id);
    const problems: ErrorDetail[] = [];
    if (body.day < c.from || body.day > c.to)
      problems.push({
        path: 'day',
        message: `Ngày phải trong thời gian của đợt (${formatDateVi(c.from)} – ${formatDateVi(c.to)}).`,
      });
    const seen = new Set<string>();
    body.rows.forEach((r, i) => {
      if (seen.has(r.typeCode))
        problems.push({ path: `rows.${i}.typeCode`, message: `Hành vi "${r.typeCode}" đã có ở dòng trước.` });
      seen.add(r.typeCode);
    });
    if (problems.length) throw badRequest('Kết quả ngày chưa hợp lệ; chưa lưu dòng nào.', problems);
    const before = await tx.query(
      `SELECT type_code AS "typeCode", count, fines_vnd AS "finesVnd" FROM patrol_campaign_tallies
        WHERE campaign_id = $1 AND day = $2 AND type_code = ANY($3::text[]) ORDER BY type_code`,
      [id, body.day, [...seen]],
    );
    for (const r of body.rows)
      await tx.query(
        `INSERT INTO patrol_campaign_tallies (campaign_id, day, type_code, count, fines_vnd) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (campaign_id, day, type_code)
         DO UPDATE SET count = EXCLUDED.count, fines_vnd = EXCLUDED.fines_vnd, updated_at = now()`,
        [id, body.day, r.typeCode, r.count, r.finesVnd],
      );
    await audit(tx, actor, {
      action: 'tally',
      entity: 'patrol_campaign',
      entityId: id,
      before: { day: body.day, rows: before },
      after: { day: body.day, rows: body.rows },
    });
    return getCampaign(tx, id);
  });
}
