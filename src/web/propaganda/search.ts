/**
 * The propaganda pages' URL search params. Kept apart from api.ts so that the router does not load the
 * pages' code; the codes come from the domain (plain data).
 */
import { AUDIENCE_CODES, CHANNEL_CODES } from '../../domain/propaganda/codes.ts';
import { optDate, optEnum, optPositiveInt, optString, type Paging, paging } from '../platform/search.ts';

export interface SessionsSearch extends Paging {
  from?: string;
  to?: string;
  orgUnitId?: number;
  channel?: string;
  audience?: string;
  q?: string;
}

function range(s: Record<string, unknown>): { from?: string; to?: string } {
  let from = optDate(s.from);
  let to = optDate(s.to);
  if (from && to && from > to) [from, to] = [to, from];
  return { from, to };
}

export const validateSessionsSearch = (s: Record<string, unknown>): SessionsSearch => ({
  ...range(s),
  orgUnitId: optPositiveInt(s.orgUnitId),
  channel: optEnum(CHANNEL_CODES, s.channel),
  audience: optEnum(AUDIENCE_CODES, s.audience),
  q: optString(s.q),
  ...paging(s),
});

export interface PropagandaStatsSearch {
  from?: string;
  to?: string;
  orgUnitId?: number;
}

export const validatePropagandaStatsSearch = (s: Record<string, unknown>): PropagandaStatsSearch => ({
  ...range(s),
  orgUnitId: optPositiveInt(s.orgUnitId),
});

export interface CommitmentsSearch extends Paging {
  schoolYear?: string;
  q?: string;
}

export const validateCommitmentsSearch = (s: Record<string, unknown>): CommitmentsSearch => {
  const year = typeof s.schoolYear === 'string' ? /^(\d{4})-(\d{4})$/.exec(s.schoolYear) : null;
  return {
    schoolYear: year && Number(year[2]) === Number(year[1]) + 1 ? year[0] : undefined,
    q: optString(s.q),
    ...paging(s),
  };
};
