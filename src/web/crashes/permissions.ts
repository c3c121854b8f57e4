import type { Role } from '../platform/auth.tsx';

/** What each role may do with crash records; the server checks again on every request. */
export const crashPermissions = {
  /** Enter a crash (the police at the scene, a commune for its own commune, the office). */
  create: (role: Role) => role === 'admin' || role === 'office' || role === 'agency' || role === 'commune',
  /** Correct a record. */
  edit: (role: Role) => role === 'admin' || role === 'office' || role === 'agency' || role === 'commune',
  /** Delete a record. */
  remove: (role: Role) => role === 'admin' || role === 'office',
  /** Merge likely duplicates. */
  merge: (role: Role) => role === 'admin' || role === 'office',
  /** Import a file of crashes. */
  importFile: (role: Role) => role === 'admin' || role === 'office' || role === 'agency',
  /** Import hospital records (the health sector's data). */
  importHealth: (role: Role) => role === 'admin' || role === 'office',
} as const;
