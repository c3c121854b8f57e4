/**
 * Who may use the dispatch pages. Not a role: the police and the 115 centre are "agency" users like
 * any department, so the server answers for the signed-in user (`GET /api/v1/incidents/access`).
 * Kept small: the router and the menu load it with the shell.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { api, isApiError } from '../platform/api.ts';
import { ForbiddenPage } from '../platform/layout/StatusPages.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';

export interface IncidentAccess {
  /** See the board, the incidents and the KPI. */
  view: boolean;
  /** Assign, move the status, make the crash record. */
  dispatch: boolean;
  /** Add and edit response facilities. */
  manageFacilities: boolean;
}

export const NO_ACCESS: IncidentAccess = { view: false, dispatch: false, manageFacilities: false };

/** Asked once per session (the menu and the pages' guard share it). */
export const accessQuery = () =>
  queryOptions({
    queryKey: ['incidents-access'] as const,
    queryFn: async ({ signal }): Promise<IncidentAccess> => {
      try {
        return await api.get<IncidentAccess>('/incidents/access', undefined, signal);
      } catch (e) {
        // Not a dispatcher (or the capability is not installed): no access, no error.
        if (isApiError(e) && (e.status === 403 || e.status === 404)) return NO_ACCESS;
        throw e;
      }
    },
    staleTime: 10 * 60_000,
  });

/** The access, or none while it loads or if it failed. */
export function useIncidentAccess(): IncidentAccess {
  return useQuery(accessQuery()).data ?? NO_ACCESS;
}

/** Shows the page only when the server says this user may see (or do) it. */
export function RequireIncidentAccess({
  need = 'view',
  children,
}: {
  need?: keyof IncidentAccess;
  children: ReactNode;
}) {
  const access = useQuery(accessQuery());
  if (access.isError) return <QueryError error={access.error} onRetry={() => void access.refetch()} />;
  if (!access.data) return <Skeleton active />;
  if (!access.data[need]) return <ForbiddenPage />;
  return <>{children}</>;
}
