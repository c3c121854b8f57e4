import type { Role } from '../platform/auth.tsx';

/** What each role may do in the reporting regime; the server checks again on every request. */
export const reportPermissions = {
  /** Fill in and send the reports due from one's own unit ("Báo cáo của đơn vị"). */
  fill: (role: Role) => role === 'agency' || role === 'commune' || role === 'office',
  /** Read the completeness board, the consolidated figures and the review reports. */
  oversee: (role: Role) => role === 'admin' || role === 'office' || role === 'leader',
  /** Manage forms and schedules, accept / return / reopen reports, write and issue review reports. */
  manage: (role: Role) => role === 'admin' || role === 'office',
} as const;
