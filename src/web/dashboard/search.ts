/** The dashboard's URL search: the period of the crash figures (as the statistics take it); absent = the year to date. */
import { parsePeriod } from '../crashes/search.ts';

export interface DashboardSearch {
  period?: string;
}

export const validateDashboardSearch = (s: Record<string, unknown>): DashboardSearch => ({
  period: typeof s.period === 'string' && parsePeriod(s.period) ? s.period : undefined,
});
