import type { Role } from '../platform/auth.tsx';

/** What each role may do with plans; the server checks again on every request. */
export const planPermissions = {
  /** Import or create a plan (agency and commune officers: their own implementing plan). */
  importPlan: (role: Role) => role !== 'leader',
  /** Record a directive or a peak campaign. */
  recordTrigger: (role: Role) => role === 'admin' || role === 'office',
  /** Report progress on any assignment (others: only their unit's). */
  reportAny: (role: Role) => role === 'admin' || role === 'office',
  /** Report progress at all. */
  report: (role: Role) => role !== 'leader',
} as const;
