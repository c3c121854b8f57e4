import type { Role } from '../platform/auth.tsx';

/** What each role may do with black spots and hazards; the server checks again on every request. */
export const spotPermissions = {
  /** Run the detection and save its candidates. */
  detect: (role: Role) => role === 'admin' || role === 'office',
  /** Register a hazard by hand (an illegal rail crossing, a landslide, a potential spot). */
  create: (role: Role) => role === 'admin' || role === 'office' || role === 'agency',
  /** Move a spot along its lifecycle (confirm, survey, plan a remedy, …). */
  transition: (role: Role) => role === 'admin' || role === 'office',
  /** Add photos. */
  upload: (role: Role) => role === 'admin' || role === 'office' || role === 'agency',
} as const;
