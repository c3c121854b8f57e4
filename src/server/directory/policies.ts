import type { SessionUser } from '../platform/auth/roles.ts';
import type { Queryable } from '../platform/db.ts';
import { forbidden } from '../platform/errors.ts';
import type { Params } from '../platform/sql.ts';

/** Whose people a user may see: everyone, an agency and its divisions, or a commune's units. */
export type PeopleScope =
  | { kind: 'all' }
  | { kind: 'orgUnits'; rootId: number }
  | { kind: 'commune'; adminUnitId: string };

export function peopleScope(user: SessionUser): PeopleScope {
  switch (user.role) {
    case 'admin':
    case 'office':
    case 'leader':
      return { kind: 'all' };
    case 'agency':
      return { kind: 'orgUnits', rootId: user.orgUnitId ?? -1 };
    case 'commune':
      return { kind: 'commune', adminUnitId: user.adminUnitId ?? '' };
  }
}

/** SQL condition on people p (joined to org_units o) for a scope, its parameters added to params. */
export function peopleScopeSql(scope: PeopleScope, params: Params): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    case 'orgUnits':
      return `p.org_unit_id IN (SELECT id FROM org_unit_subtree(${params.add(scope.rootId)}))`;
    case 'commune':
      return `o.admin_unit_id = ${params.add(scope.adminUnitId)}`;
  }
}

/** May this user create or edit a person belonging to orgUnitId? */
export async function assertMayEditPeopleOf(
  db: Queryable,
  user: SessionUser,
  orgUnitId: number | null,
): Promise<void> {
  if (user.role === 'admin' || user.role === 'office') return;
  if (user.role === 'agency' && orgUnitId != null && user.orgUnitId != null) {
    const rows = await db.query('SELECT 1 FROM org_unit_subtree($1) WHERE id = $2', [
      user.orgUnitId,
      orgUnitId,
    ]);
    if (rows.length > 0) return;
  }
  throw forbidden('Bạn chỉ được cập nhật cán bộ thuộc đơn vị của mình.');
}
