import type { Role } from '../platform/auth.tsx';

/**
 * Who is offered the camera import: the admin and the departments' accounts; the server then lets in only
 * the police (Công an tỉnh and its divisions) and answers the others with 403, which the page explains.
 */
export const canImportCamera = (role: Role): boolean => role === 'admin' || role === 'agency';

/** Who is offered adding and editing patrol campaigns and their daily tallies (an agency must be the police). */
export const canWriteCampaign = (role: Role): boolean =>
  role === 'admin' || role === 'office' || role === 'agency';
