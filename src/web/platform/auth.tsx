/** Who is signed in, what they may see, and signing out. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { api, isApiError, resetCsrf } from './api.ts';

export const ROLES = ['admin', 'office', 'agency', 'commune', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: { id: number; name: string } | null;
  adminUnit: { id: string; name: string } | null;
}

/** GET /api/v1/auth/me and POST /api/v1/auth/login answer with this. */
export interface Session {
  user: SessionUser;
  demo: boolean;
  provinceName: string;
}

/** GET /api/v1/meta: public, no login needed. */
export interface Meta {
  demo: boolean;
  provinceName: string;
  version: string;
}

/** The session, or null when nobody is signed in (401). */
export const sessionQuery = queryOptions({
  queryKey: ['auth', 'me'] as const,
  queryFn: async (): Promise<Session | null> => {
    try {
      return await api.get<Session>('/auth/me');
    } catch (e) {
      if (isApiError(e) && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const metaQuery = queryOptions({
  queryKey: ['meta'] as const,
  queryFn: () => api.get<Meta>('/meta'),
  staleTime: 10 * 60_000,
});

/** What each role may do in the UI; the server checks again on every request. */
export const permissions = {
  viewUsers: (role: Role) => role === 'admin',
  viewAudit: (role: Role) => role === 'admin' || role === 'office',
  editDirectory: (role: Role) => role === 'admin' || role === 'office',
  editPeople: (role: Role) => role === 'admin' || role === 'office' || role === 'agency',
} as const;

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in session; only inside the app shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in shell');
  return session;
}

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch (e) {
      // A session that has already ended is as good as a logout.
      if (!(isApiError(e) && e.status === 401)) throw e;
    }
    resetCsrf();
    queryClient.clear();
    queryClient.setQueryData(sessionQuery.queryKey, null);
    await navigate({ to: '/login', search: {} });
  }, [queryClient, navigate]);
}

/** Only a same-site path is a valid place to return to after login. */
export function safeRedirect(target: unknown): string {
  if (
    typeof target !== 'string' ||
    !target.startsWith('/') ||
    target.startsWith('//') ||
    target.startsWith('/\\')
  )
    return '/';
  if (target === '/login' || target.startsWith('/login?')) return '/';
  return target;
}

/** The session if inside the signed-in shell, else null. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
