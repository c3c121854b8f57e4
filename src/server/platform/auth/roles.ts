/** Roles of the platform. `public` is a caller with no session. */
export const ROLES = ['admin', 'office', 'agency', 'commune', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export const STAFF_READERS: readonly Role[] = ['admin', 'office', 'leader', 'agency', 'commune'];
export const OFFICE: readonly Role[] = ['admin', 'office'];
export const ADMIN: readonly Role[] = ['admin'];

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number | null; // agency officer: its agency (đơn vị)
  orgUnitName: string | null;
  adminUnitId: string | null; // commune officer: its commune (xã/phường)
  adminUnitName: string | null;
}

export function allows(access: Access, user: SessionUser | null): 'ok' | 'unauthenticated' | 'forbidden' {
  if (access === 'public') return 'ok';
  if (!user) return 'unauthenticated';
  if (access === 'authenticated') return 'ok';
  return access.includes(user.role) ? 'ok' : 'forbidden';
}
