import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from './auth/roles.ts';
import { createTestApp, TestClient, type TestContext } from './testing/index.ts';

type Caller = Role | 'public';
const ALL: Caller[] = ['public', 'admin', 'office', 'agency', 'commune', 'leader'];
const SIGNED_IN: Caller[] = ['admin', 'office', 'agency', 'commune', 'leader'];

/**
 * Who may call what, written out by hand: the test fails if a route is added without a row here,
 * or if the server lets a caller in (or keeps one out) against this table.
 */
const MATRIX: Record<string, Caller[]> = {
  'GET /api/v1/meta': ALL,
  'GET /api/v1/auth/csrf': ALL,
  'POST /api/v1/auth/login': ALL,
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/auth/me': SIGNED_IN,
  'GET /api/v1/directory/admin-units': SIGNED_IN,
  'GET /api/v1/directory/admin-units/:id': SIGNED_IN,
  'GET /api/v1/directory/org-units': SIGNED_IN,
  'POST /api/v1/directory/org-units': ['admin', 'office'],
  'PATCH /api/v1/directory/org-units/:id': ['admin', 'office'],
  'POST /api/v1/directory/org-units/:id/aliases': ['admin', 'office'],
  'GET /api/v1/directory/people': SIGNED_IN,
  'POST /api/v1/directory/people': ['admin', 'office', 'agency'],
  'PATCH /api/v1/directory/people/:id': ['admin', 'office', 'agency'],
  'GET /api/v1/directory/users': ['admin'],
  'POST /api/v1/directory/users': ['admin'],
  'PATCH /api/v1/directory/users/:id': ['admin'],
  'GET /api/v1/crashes': SIGNED_IN,
  'POST /api/v1/crashes': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/crashes/map': SIGNED_IN,
  'GET /api/v1/roads/geojson': SIGNED_IN,
  'GET /api/v1/crashes/:id': SIGNED_IN,
  'PATCH /api/v1/crashes/:id': ['admin', 'office', 'agency', 'commune'],
  'DELETE /api/v1/crashes/:id': ['admin', 'office'],
  'POST /api/v1/crashes/:id/merge': ['admin', 'office'],
  'GET /api/v1/crashes/import/template': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/crashes/import/preview': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/crashes/import': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/crash-stats': SIGNED_IN,
  'GET /api/v1/crash-stats/export': SIGNED_IN,
  'GET /api/v1/crash-stats/targets': SIGNED_IN,
  'POST /api/v1/health-records/import': ['admin', 'office'],
  'GET /api/v1/health-records/summary': SIGNED_IN,
  'POST /api/v1/black-spots/detect': ['admin', 'office'],
  'GET /api/v1/black-spots': SIGNED_IN,
  'POST /api/v1/black-spots': ['admin', 'office', 'agency'],
  'GET /api/v1/black-spots/geojson': SIGNED_IN,
  'GET /api/v1/black-spots/export': SIGNED_IN,
  'GET /api/v1/black-spots/photos/:id': SIGNED_IN,
  'GET /api/v1/black-spots/:id': SIGNED_IN,
  'POST /api/v1/black-spots/:id/transition': ['admin', 'office'],
  'POST /api/v1/black-spots/:id/photos': ['admin', 'office', 'agency'],
  'GET /api/v1/map/basemap': SIGNED_IN,
  'GET /api/v1/audit': ['admin', 'office'],
  'GET /api/v1/plans': SIGNED_IN,
  'POST /api/v1/plans': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/plans/:id': SIGNED_IN,
  'PATCH /api/v1/plans/:id': ['admin', 'office'],
  'GET /api/v1/plans/:id/tasks': SIGNED_IN,
  'GET /api/v1/plans/:id/export': SIGNED_IN,
  'POST /api/v1/plans/import/preview': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/plans/import': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/tasks/:id': SIGNED_IN,
  'GET /api/v1/assignments': SIGNED_IN,
  'GET /api/v1/occurrences': SIGNED_IN,
  'POST /api/v1/assignments/:id/progress': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/attachments/:id': SIGNED_IN,
  'GET /api/v1/plan-triggers': SIGNED_IN,
  'POST /api/v1/plan-triggers': ['admin', 'office'],
  'GET /api/v1/notifications': SIGNED_IN,
  'POST /api/v1/notifications/:id/read': SIGNED_IN,
  'POST /api/v1/notifications/run-reminders': ['admin', 'office'],
  'GET /api/v1/report-forms': SIGNED_IN,
  'POST /api/v1/report-forms': ['admin', 'office'],
  'GET /api/v1/report-forms/:id': SIGNED_IN,
  'PUT /api/v1/report-forms/:id': ['admin', 'office'],
  'GET /api/v1/report-schedules': SIGNED_IN,
  'POST /api/v1/report-schedules': ['admin', 'office'],
  'GET /api/v1/report-schedules/:id': SIGNED_IN,
  'PATCH /api/v1/report-schedules/:id': ['admin', 'office'],
  'GET /api/v1/my-reports': SIGNED_IN,
  'PUT /api/v1/report-submissions': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/report-submissions/:id': SIGNED_IN,
  'POST /api/v1/report-submissions/:id/submit': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/report-submissions/:id/return': ['admin', 'office'],
  'POST /api/v1/report-submissions/:id/accept': ['admin', 'office'],
  'POST /api/v1/report-submissions/:id/reopen': ['admin', 'office'],
  'GET /api/v1/report-board': ['admin', 'office', 'leader'],
  'GET /api/v1/report-board/units/:id': ['admin', 'office', 'leader'],
  'POST /api/v1/report-board/remind': ['admin', 'office'],
  'GET /api/v1/report-consolidation': ['admin', 'office', 'leader'],
  'GET /api/v1/review-reports': ['admin', 'office', 'leader'],
  'POST /api/v1/review-reports': ['admin', 'office'],
  'GET /api/v1/review-reports/:id': ['admin', 'office', 'leader'],
  'PUT /api/v1/review-reports/:id': ['admin', 'office'],
  'POST /api/v1/review-reports/:id/issue': ['admin', 'office'],
  'GET /api/v1/review-reports/:id/document': ['admin', 'office', 'leader'],
  // Crash quick-report (public) and dispatch (police and health: the agency caller is Công an tỉnh).
  'POST /api/v1/public/incident-reports': ALL,
  'GET /api/v1/public/basemap': ALL,
  // Enforcement: camera data from the police (the agency caller is Công an tỉnh); violations for all staff.
  'GET /api/v1/violations': SIGNED_IN,
  'POST /api/v1/camera-events': ['admin', 'agency'],
  'POST /api/v1/camera-events/batch': ['admin', 'agency'],
  // Patrol campaigns: the office and the police write (an agency caller must be the police), all staff read.
  'GET /api/v1/patrol-campaigns': SIGNED_IN,
  'POST /api/v1/patrol-campaigns': ['admin', 'office', 'agency'],
  'GET /api/v1/patrol-campaigns/:id': SIGNED_IN,
  'PUT /api/v1/patrol-campaigns/:id': ['admin', 'office', 'agency'],
  'POST /api/v1/patrol-campaigns/:id/tallies': ['admin', 'office', 'agency'],
  // Patrol violations, notices and personal data: the police only.
  'POST /api/v1/violations': ['admin', 'agency'],
  'GET /api/v1/violations/:id': ['admin', 'agency'],
  'PATCH /api/v1/violations/:id': ['admin', 'agency'],
  'GET /api/v1/violations/:id/notice': ['admin', 'agency'],
  // Notices to units: counts for all staff; names in full for the police and the unit itself.
  'GET /api/v1/unit-notices': SIGNED_IN,
  'GET /api/v1/unit-notices/:id': SIGNED_IN,
  'GET /api/v1/unit-notices/:id/document': ['admin', 'agency'],
  'GET /api/v1/violation-stats': SIGNED_IN,
  'GET /api/v1/public/incident-reports/:code': ALL,
  'GET /api/v1/incidents/access': SIGNED_IN,
  'GET /api/v1/incidents': ['admin', 'office', 'leader', 'agency'],
  'GET /api/v1/incidents/stream': ['admin', 'office', 'leader', 'agency'],
  'GET /api/v1/incidents/:id': ['admin', 'office', 'leader', 'agency'],
  'GET /api/v1/incidents/:id/photos/:photoId': ['admin', 'office', 'leader', 'agency'],
  'POST /api/v1/incidents/:id/assignments': ['admin', 'office', 'agency'],
  'POST /api/v1/incidents/:id/status': ['admin', 'office', 'agency'],
  'POST /api/v1/incidents/:id/crash': ['admin', 'office', 'agency'],
  'GET /api/v1/incident-kpi': SIGNED_IN,
  'GET /api/v1/incident-kpi.xlsx': SIGNED_IN,
  'GET /api/v1/response-facilities': SIGNED_IN,
  'POST /api/v1/response-facilities': ['admin', 'office'],
  'PUT /api/v1/response-facilities/:id': ['admin', 'office'],
  // Propaganda: all staff read; the office writes for any unit, agencies and communes for their own.
  'GET /api/v1/propaganda-sessions': SIGNED_IN,
  'POST /api/v1/propaganda-sessions': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/propaganda-sessions/:id': SIGNED_IN,
  'PUT /api/v1/propaganda-sessions/:id': ['admin', 'office', 'agency', 'commune'],
  'DELETE /api/v1/propaganda-sessions/:id': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/propaganda-photos/:id': SIGNED_IN,
  'GET /api/v1/propaganda-units': SIGNED_IN,
  'GET /api/v1/propaganda-stats': SIGNED_IN,
  'GET /api/v1/propaganda-stats.xlsx': SIGNED_IN,
  'GET /api/v1/school-commitments': SIGNED_IN,
  'POST /api/v1/school-commitments': ['admin', 'office', 'agency', 'commune'],
  'PUT /api/v1/school-commitments/:id': ['admin', 'office', 'agency', 'commune'],
  // Emulation: everyone reads; the office runs campaigns and reviews; units self-assess (own units, in the service).
  'GET /api/v1/emulation-campaigns': SIGNED_IN,
  'GET /api/v1/emulation-campaigns/template': ['admin', 'office'],
  'POST /api/v1/emulation-campaigns': ['admin', 'office'],
  'GET /api/v1/emulation-campaigns/:id': SIGNED_IN,
  'PUT /api/v1/emulation-campaigns/:id': ['admin', 'office'],
  'POST /api/v1/emulation-campaigns/:id/status': ['admin', 'office'],
  'POST /api/v1/emulation-campaigns/:id/compute': ['admin', 'office'],
  'GET /api/v1/emulation-campaigns/:id/units/:unitId': SIGNED_IN,
  'PUT /api/v1/emulation-campaigns/:id/units/:unitId/self': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/emulation-campaigns/:id/units/:unitId/compute': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/emulation-campaigns/:id/units/:unitId/submit': ['admin', 'office', 'agency', 'commune'],
  'POST /api/v1/emulation-campaigns/:id/units/:unitId/return': ['admin', 'office'],
  'PUT /api/v1/emulation-campaigns/:id/units/:unitId/review': ['admin', 'office'],
  'POST /api/v1/emulation-campaigns/:id/units/:unitId/evidence': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/emulation-evidence/:id': SIGNED_IN,
  'DELETE /api/v1/emulation-evidence/:id': ['admin', 'office', 'agency', 'commune'],
  'GET /api/v1/emulation-campaigns/:id/ranking': SIGNED_IN,
  'GET /api/v1/emulation-campaigns/:id/ranking.xlsx': SIGNED_IN,
  'PUT /api/v1/emulation-campaigns/:id/awards': ['admin', 'office'],
  'GET /api/v1/emulation-campaigns/:id/awards.docx': SIGNED_IN,
  'GET /api/v1/emulation-campaigns/:id/award-decision.docx': SIGNED_IN,
  // Command dashboards: one per role; the wrong one is refused.
  'GET /api/v1/dashboard/leader': ['admin', 'office', 'leader'],
  'GET /api/v1/dashboard/unit': ['agency'],
  'GET /api/v1/dashboard/commune': ['commune'],
  // The public transparency page: aggregates only, no session.
  'GET /api/v1/public/statistics': ALL,
  'GET /api/v1/public/black-spots': ALL,
  // Data sharing: the admin issues, revokes and rotates partner tokens and reads their calls
  // (the partners' own routes live under /api/share/v1 and authenticate by bearer token).
  'GET /api/v1/api-clients': ['admin'],
  'POST /api/v1/api-clients': ['admin'],
  'POST /api/v1/api-clients/:id/revoke': ['admin'],
  'POST /api/v1/api-clients/:id/rotate': ['admin'],
  'GET /api/v1/api-clients/:id/calls': ['admin'],
};

const USERS: Record<Role, string> = {
  admin: 'admin',
  office: 'vanphong',
  agency: 'congan',
  commune: 'xa.binhlu',
  leader: 'lanhdao',
};

let t: TestContext;
const clients = new Map<Caller, TestClient>();
beforeAll(async () => {
  t = await createTestApp();
  clients.set('public', new TestClient(t.app));
  for (const role of SIGNED_IN) clients.set(role, await TestClient.loggedIn(t.app, USERS[role as Role]));
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has a row for every /api/v1 route the server registers, and no stale rows', () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  it('lets in exactly the callers the matrix names, for every route × caller', async () => {
    const mismatches: string[] = [];
    for (const route of Object.keys(MATRIX)) {
      const [method, pattern] = route.split(' ') as [string, string];
      // Logging out and in would change the callers' sessions; their access is checked elsewhere.
      if (route === 'POST /api/v1/auth/logout' || route === 'POST /api/v1/auth/login') continue;
      // A live stream never ends: an unknown parameter makes an admitted caller stop at validation.
      const url = pattern.replace(':id', '999999') + (pattern.endsWith('/stream') ? '?probe=1' : '');
      for (const caller of ALL) {
        // Writes carry a body the schema rejects, so that an allowed caller stops at validation (400)
        // and nothing is written; a refused caller is stopped before validation (401/403).
        const res = await clients
          .get(caller)!
          .request(method as 'GET', url, method === 'GET' ? undefined : { notAField: true });
        const allowed = MATRIX[route]!.includes(caller);
        const got = res.status === 401 || res.status === 403 ? 'refused' : 'allowed';
        if (got !== (allowed ? 'allowed' : 'refused'))
          mismatches.push(`${route} as ${caller}: ${res.status}`);
        if (!allowed) expect(res.status).toBe(caller === 'public' ? 401 : 403);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('logout refuses the public and accepts a signed-in user', async () => {
    expect((await new TestClient(t.app).post('/api/v1/auth/logout')).status).toBe(401);
    const c = await TestClient.loggedIn(t.app, 'lanhdao');
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
  });
});
