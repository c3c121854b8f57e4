import type { Role } from '../platform/auth.tsx';

/** What each role may do in emulation campaigns (thi đua, khen thưởng); the server checks again. */
export const emulationPermissions = {
  /** Create campaigns, open and close them, review assessments, propose awards (the office). */
  manage: (role: Role) => role === 'admin' || role === 'office',
  /** Self-assess one's own unit (member agencies, commune committees); the server knows the units. */
  selfAssess: (role: Role) => role === 'agency' || role === 'commune',
} as const;
