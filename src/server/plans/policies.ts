import type { SessionUser } from '../platform/auth/roles.ts';
import type { Queryable } from '../platform/db.ts';
import { forbidden } from '../platform/errors.ts';
import { Params } from '../platform/sql.ts';

/**
 * The units whose tasks are "my unit's tasks", as a SQL subquery of org unit ids:
 * an agency officer's agency and its divisions; a commune officer's commune units (including the
 * old communes that rolled up into it); the Committee and its office for office, leaders and admins.
 */
export function myUnitsSql(user: SessionUser, params: Params): string {
  switch (user.role) {
    case 'agency':
      return `SELECT id FROM org_unit_subtree(${params.add(user.orgUnitId ?? -1)})`;
    case 'commune':
      return `SELECT o.id FROM org_units o JOIN admin_unit_rollup r ON r.id = o.admin_unit_id
               WHERE r.current_id = ${params.add(user.adminUnitId ?? '')}`;
    case 'admin':
    case 'office':
    case 'leader':
      return `SELECT id FROM org_units WHERE kind IN ('committee', 'office')`;
  }
}

export async function isMyUnit(db: Queryable, user: SessionUser, orgUnitId: number): Promise<boolean> {
  const p = new Params();
  const sql = `SELECT 1 FROM (${myUnitsSql(user, p)}) u WHERE u.id = ${p.add(orgUnitId)}`;
  return (await db.query(sql, p.values)).length > 0;
}

/** May this user report progress on an assignment of this unit? Office and admins may on any. */
export async function assertMayReportFor(db: Queryable, user: SessionUser, orgUnitId: number): Promise<void> {
  if (user.role === 'admin' || user.role === 'office') return;
  if (user.role === 'agency' || user.role === 'commune') {
    if (await isMyUnit(db, user, orgUnitId)) return;
  }
  throw forbidden('Bạn chỉ được cập nhật tiến độ nhiệm vụ của đơn vị mình.');
}

/**
 * Who may create a plan: the office for any; an agency or commune officer only its own
 * implementing plan, under a parent plan, owned by one of its units.
 */
export async function assertMayCreatePlan(
  db: Queryable,
  user: SessionUser,
  plan: { parentId?: number | null; ownerUnitId?: number | null },
): Promise<void> {
  if (user.role === 'admin' || user.role === 'office') return;
  if ((user.role === 'agency' || user.role === 'commune') && plan.parentId && plan.ownerUnitId) {
    if (await isMyUnit(db, user, plan.ownerUnitId)) return;
  }
  throw forbidden('Đơn vị chỉ được lập kế hoạch thực hiện của mình, dưới một kế hoạch cấp trên.');
}
