import type { Role } from '../platform/auth.tsx';

/**
 * Who is offered recording propaganda sessions and school commitments: the office for any unit, agencies
 * and communes for their own (the server checks the unit; each row says whether the caller may edit it).
 */
export const canRecordPropaganda = (role: Role): boolean => role !== 'leader';
