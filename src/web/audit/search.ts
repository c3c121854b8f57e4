import { optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

export interface AuditSearch extends Paging {
  entity?: string;
  userId?: number;
  q?: string;
}

export const validateAuditSearch = (s: Record<string, unknown>): AuditSearch => ({
  entity: optString(s.entity, 50),
  userId: optPositiveInt(s.userId),
  q: optString(s.q),
  ...paging(s),
});
