import { optDate, optString, type Paging, paging } from '../platform/search.ts';

export interface CrashesSearch extends Paging {
  from?: string;
  to?: string;
  adminUnitId?: string;
  q?: string;
}

export const validateCrashesSearch = (s: Record<string, unknown>): CrashesSearch => {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to, adminUnitId: optString(s.adminUnitId, 50), q: optString(s.q), ...paging(s) };
};
