import type { Role } from '../platform/auth.tsx';

/** Partner systems and their tokens are the system administrator's (the server enforces the same). */
export const sharingPermissions = {
  manage: (role: Role) => role === 'admin',
};
