/**
 * Code-based routes. `/login` is public; everything else sits under the pathless `_app` route,
 * which loads the session and sends strangers to /login. Pages are loaded lazily.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { validateAuditSearch } from '../audit/search.ts';
import { validateSpotsSearch } from '../blackspots/search.ts';
import { crashPermissions } from '../crashes/permissions.ts';
import { validateCrashesSearch, validateMapSearch, validateStatsSearch } from '../crashes/search.ts';
import { validateDashboardSearch } from '../dashboard/search.ts';
import {
  validateAdminUnitsSearch,
  validateOrgUnitsSearch,
  validatePeopleSearch,
  validateUsersSearch,
} from '../directory/search.ts';
import { emulationPermissions } from '../emulation/permissions.ts';
import {
  validateCampaignNewSearch,
  validateCampaignSearch,
  validateCampaignsSearch as validateEmulationCampaignsSearch,
} from '../emulation/search.ts';
import { canImportCamera } from '../enforcement/permissions.ts';
import {
  validateCampaignsSearch,
  validateUnitNoticesSearch,
  validateViolationStatsSearch,
  validateViolationsSearch,
} from '../enforcement/search.ts';
import { RequireIncidentAccess } from '../incidents/access.tsx';
import { validateDispatchSearch, validateFacilitiesSearch, validateKpiSearch } from '../incidents/search.ts';
import { planPermissions } from '../plans/permissions.ts';
import {
  validateImportSearch,
  validateMyTasksSearch,
  validatePlanSearch,
  validatePlansSearch,
} from '../plans/search.ts';
import {
  validateCommitmentsSearch,
  validatePropagandaStatsSearch,
  validateSessionsSearch,
} from '../propaganda/search.ts';
import { reportPermissions } from '../reports/permissions.ts';
import {
  validateBoardSearch,
  validateConsolidationSearch,
  validateFormsSearch,
  validateMyReportsSearch,
  validateReviewsSearch,
  validateSchedulesSearch,
} from '../reports/search.ts';
import { sharingPermissions } from '../sharing/permissions.ts';
import { validateClientsSearch } from '../sharing/search.ts';
import { permissions, safeRedirect, sessionQuery } from './auth.tsx';
import { AppShell, RootNotFound } from './layout/AppShell.tsx';
import { RouteError } from './layout/RouteError.tsx';
import { NotFoundPage, RequirePermission } from './layout/StatusPages.tsx';
import { parseSearch, stringifySearch } from './search.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RootNotFound,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } => ({
    redirect: typeof s.redirect === 'string' && s.redirect !== '/' ? safeRedirect(s.redirect) : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import('../auth/LoginPage.tsx'), 'LoginPage'),
});

// Trang công khai: the public figures and black spots, without an account.
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'cong-khai',
  component: lazyRouteComponent(() => import('../transparency/PublicPage.tsx'), 'PublicPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) {
      const here = location.href;
      throw redirect({ to: '/login', search: { redirect: here === '/' ? undefined : here } });
    }
    return { session };
  },
  component: AppShell,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../home/HomePage.tsx'), 'HomePage'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dashboard',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import('../dashboard/DashboardPage.tsx'), 'DashboardPage'),
});

const AdminUnitsPage = lazyRouteComponent(() => import('../directory/AdminUnitsPage.tsx'), 'AdminUnitsPage');
const adminUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory/admin-units',
  validateSearch: validateAdminUnitsSearch,
  component: AdminUnitsPage,
});

const orgUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory/org-units',
  validateSearch: validateOrgUnitsSearch,
  component: lazyRouteComponent(() => import('../directory/OrgUnitsPage.tsx'), 'OrgUnitsPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory/people',
  validateSearch: validatePeopleSearch,
  component: lazyRouteComponent(() => import('../directory/PeoplePage.tsx'), 'PeoplePage'),
});

const UsersPage = lazyRouteComponent(() => import('../directory/UsersPage.tsx'), 'UsersPage');
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory/users',
  validateSearch: validateUsersSearch,
  component: () => (
    <RequirePermission allowed={permissions.viewUsers}>
      <UsersPage />
    </RequirePermission>
  ),
});

const directoryIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'directory',
  beforeLoad: () => {
    throw redirect({ to: '/directory/admin-units' });
  },
});

const crashesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes',
  validateSearch: validateCrashesSearch,
  component: lazyRouteComponent(() => import('../crashes/CrashesPage.tsx'), 'CrashesPage'),
});

const CrashNewPage = lazyRouteComponent(() => import('../crashes/CrashFormPage.tsx'), 'CrashNewPage');
const crashNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/new',
  component: () => (
    <RequirePermission allowed={crashPermissions.create}>
      <CrashNewPage />
    </RequirePermission>
  ),
});

const CrashEditPage = lazyRouteComponent(() => import('../crashes/CrashFormPage.tsx'), 'CrashEditPage');
const crashEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/$crashId/edit',
  component: () => (
    <RequirePermission allowed={crashPermissions.edit}>
      <CrashEditPage />
    </RequirePermission>
  ),
});

const crashRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/$crashId',
  component: lazyRouteComponent(() => import('../crashes/CrashPage.tsx'), 'CrashPage'),
});

const crashStatsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/stats',
  validateSearch: validateStatsSearch,
  component: lazyRouteComponent(() => import('../crashes/StatsPage.tsx'), 'StatsPage'),
});

const crashMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/map',
  validateSearch: validateMapSearch,
  component: lazyRouteComponent(() => import('../crashes/MapPage.tsx'), 'MapPage'),
});

const CrashImportPage = lazyRouteComponent(() => import('../crashes/ImportPage.tsx'), 'CrashImportPage');
const crashImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'crashes/import',
  component: () => (
    <RequirePermission allowed={crashPermissions.importFile}>
      <CrashImportPage />
    </RequirePermission>
  ),
});

const blackSpotsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'black-spots',
  validateSearch: validateSpotsSearch,
  component: lazyRouteComponent(() => import('../blackspots/SpotsPage.tsx'), 'SpotsPage'),
});

const blackSpotMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'black-spots/map',
  validateSearch: validateMapSearch,
  component: lazyRouteComponent(() => import('../blackspots/MapPage.tsx'), 'SpotMapPage'),
});

const blackSpotRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'black-spots/$spotId',
  component: lazyRouteComponent(() => import('../blackspots/SpotPage.tsx'), 'SpotPage'),
});

// ───────────── Data sharing: partner systems and their tokens (chia sẻ dữ liệu) ─────────────

const SharingClientsPage = lazyRouteComponent(() => import('../sharing/ClientsPage.tsx'), 'ClientsPage');
const sharingClientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sharing/clients',
  validateSearch: validateClientsSearch,
  component: () => (
    <RequirePermission allowed={sharingPermissions.manage}>
      <SharingClientsPage />
    </RequirePermission>
  ),
});

const AuditPage = lazyRouteComponent(() => import('../audit/AuditPage.tsx'), 'AuditPage');
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit',
  validateSearch: validateAuditSearch,
  component: () => (
    <RequirePermission allowed={permissions.viewAudit}>
      <AuditPage />
    </RequirePermission>
  ),
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans',
  validateSearch: validatePlansSearch,
  component: lazyRouteComponent(() => import('../plans/PlansPage.tsx'), 'PlansPage'),
});

const ImportPage = lazyRouteComponent(() => import('../plans/import/ImportPage.tsx'), 'ImportPage');
const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans/import',
  validateSearch: validateImportSearch,
  component: () => (
    <RequirePermission allowed={planPermissions.importPlan}>
      <ImportPage />
    </RequirePermission>
  ),
});

const planTriggersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans/triggers',
  component: lazyRouteComponent(() => import('../plans/TriggersPage.tsx'), 'TriggersPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'plans/$planId',
  validateSearch: validatePlanSearch,
  component: lazyRouteComponent(() => import('../plans/PlanPage.tsx'), 'PlanPage'),
});

const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tasks/mine',
  validateSearch: validateMyTasksSearch,
  component: lazyRouteComponent(() => import('../plans/MyTasksPage.tsx'), 'MyTasksPage'),
});

const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tasks/$taskId',
  component: lazyRouteComponent(() => import('../plans/TaskPage.tsx'), 'TaskPage'),
});

// ───────────── Reporting regime (chế độ báo cáo) and review reports ─────────────

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports',
  validateSearch: validateMyReportsSearch,
  component: lazyRouteComponent(() => import('../reports/MyReportsPage.tsx'), 'MyReportsPage'),
});

const submissionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/submissions/$submissionId',
  component: lazyRouteComponent(() => import('../reports/SubmissionPage.tsx'), 'SubmissionPage'),
});

const BoardPage = lazyRouteComponent(() => import('../reports/BoardPage.tsx'), 'BoardPage');
const reportBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/board',
  validateSearch: validateBoardSearch,
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <BoardPage />
    </RequirePermission>
  ),
});

const ConsolidationPage = lazyRouteComponent(
  () => import('../reports/ConsolidationPage.tsx'),
  'ConsolidationPage',
);
const consolidationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/consolidation',
  validateSearch: validateConsolidationSearch,
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <ConsolidationPage />
    </RequirePermission>
  ),
});

const FormsPage = lazyRouteComponent(() => import('../reports/FormsPage.tsx'), 'FormsPage');
const reportFormsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/forms',
  validateSearch: validateFormsSearch,
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <FormsPage />
    </RequirePermission>
  ),
});

const FormNewPage = lazyRouteComponent(() => import('../reports/FormEditorPage.tsx'), 'FormNewPage');
const reportFormNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/forms/new',
  component: () => (
    <RequirePermission allowed={reportPermissions.manage}>
      <FormNewPage />
    </RequirePermission>
  ),
});

const FormEditPage = lazyRouteComponent(() => import('../reports/FormEditorPage.tsx'), 'FormEditPage');
const reportFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/forms/$formId',
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <FormEditPage />
    </RequirePermission>
  ),
});

const SchedulesPage = lazyRouteComponent(() => import('../reports/SchedulesPage.tsx'), 'SchedulesPage');
const reportSchedulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reports/schedules',
  validateSearch: validateSchedulesSearch,
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <SchedulesPage />
    </RequirePermission>
  ),
});

const ReviewsPage = lazyRouteComponent(() => import('../reports/ReviewsPage.tsx'), 'ReviewsPage');
const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reviews',
  validateSearch: validateReviewsSearch,
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <ReviewsPage />
    </RequirePermission>
  ),
});

const ReviewPage = lazyRouteComponent(() => import('../reports/ReviewPage.tsx'), 'ReviewPage');
const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'reviews/$reviewId',
  component: () => (
    <RequirePermission allowed={reportPermissions.oversee}>
      <ReviewPage />
    </RequirePermission>
  ),
});

// ───────────── Dispatch: incidents, response KPI, facilities (điều phối ứng cứu) ─────────────

const DispatchBoardPage = lazyRouteComponent(() => import('../incidents/BoardPage.tsx'), 'BoardPage');
const dispatchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dispatch',
  validateSearch: validateDispatchSearch,
  component: () => (
    <RequireIncidentAccess>
      <DispatchBoardPage />
    </RequireIncidentAccess>
  ),
});

const IncidentKpiPage = lazyRouteComponent(() => import('../incidents/KpiPage.tsx'), 'KpiPage');
const dispatchKpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dispatch/kpi',
  validateSearch: validateKpiSearch,
  component: () => (
    <RequireIncidentAccess>
      <IncidentKpiPage />
    </RequireIncidentAccess>
  ),
});

const FacilitiesPage = lazyRouteComponent(() => import('../incidents/FacilitiesPage.tsx'), 'FacilitiesPage');
const dispatchFacilitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dispatch/facilities',
  validateSearch: validateFacilitiesSearch,
  component: () => (
    <RequireIncidentAccess>
      <FacilitiesPage />
    </RequireIncidentAccess>
  ),
});

const IncidentPage = lazyRouteComponent(() => import('../incidents/IncidentPage.tsx'), 'IncidentPage');
const incidentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dispatch/$incidentId',
  component: () => (
    <RequireIncidentAccess>
      <IncidentPage />
    </RequireIncidentAccess>
  ),
});

// ───────────── Enforcement: violations, camera data (xử lý vi phạm) ─────────────

const violationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations',
  validateSearch: validateViolationsSearch,
  component: lazyRouteComponent(() => import('../enforcement/ViolationsPage.tsx'), 'ViolationsPage'),
});

const CameraImportPage = lazyRouteComponent(
  () => import('../enforcement/CameraImportPage.tsx'),
  'CameraImportPage',
);
const cameraImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations/camera-import',
  component: () => (
    <RequirePermission allowed={canImportCamera}>
      <CameraImportPage />
    </RequirePermission>
  ),
});

const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations/campaigns',
  validateSearch: validateCampaignsSearch,
  component: lazyRouteComponent(() => import('../enforcement/CampaignsPage.tsx'), 'CampaignsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations/campaigns/$campaignId',
  component: lazyRouteComponent(() => import('../enforcement/CampaignsPage.tsx'), 'CampaignPage'),
});

const unitNoticesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations/unit-notices',
  validateSearch: validateUnitNoticesSearch,
  component: lazyRouteComponent(() => import('../enforcement/UnitNoticesPage.tsx'), 'UnitNoticesPage'),
});

const violationStatsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'violations/stats',
  validateSearch: validateViolationStatsSearch,
  component: lazyRouteComponent(() => import('../enforcement/StatsPage.tsx'), 'StatsPage'),
});

// ───────────── Emulation and awards (thi đua, khen thưởng) ─────────────

const emulationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'emulation',
  validateSearch: validateEmulationCampaignsSearch,
  component: lazyRouteComponent(() => import('../emulation/CampaignsPage.tsx'), 'CampaignsPage'),
});

const EmulationNewPage = lazyRouteComponent(
  () => import('../emulation/CampaignFormPage.tsx'),
  'CampaignNewPage',
);
const emulationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'emulation/new',
  validateSearch: validateCampaignNewSearch,
  component: () => (
    <RequirePermission allowed={emulationPermissions.manage}>
      <EmulationNewPage />
    </RequirePermission>
  ),
});

const emulationCampaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'emulation/$campaignId',
  validateSearch: validateCampaignSearch,
  component: lazyRouteComponent(() => import('../emulation/CampaignPage.tsx'), 'CampaignPage'),
});

const EmulationEditPage = lazyRouteComponent(
  () => import('../emulation/CampaignFormPage.tsx'),
  'CampaignEditPage',
);
const emulationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'emulation/$campaignId/edit',
  component: () => (
    <RequirePermission allowed={emulationPermissions.manage}>
      <EmulationEditPage />
    </RequirePermission>
  ),
});

const emulationAssessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'emulation/$campaignId/units/$unitId',
  component: lazyRouteComponent(() => import('../emulation/AssessmentPage.tsx'), 'AssessmentPage'),
});

// ───────────── Propaganda and education (tuyên truyền) ─────────────

const propagandaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'propaganda',
  validateSearch: validateSessionsSearch,
  component: lazyRouteComponent(() => import('../propaganda/SessionsPage.tsx'), 'SessionsPage'),
});

const propagandaStatsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'propaganda/stats',
  validateSearch: validatePropagandaStatsSearch,
  component: lazyRouteComponent(() => import('../propaganda/StatsPage.tsx'), 'StatsPage'),
});

const commitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'propaganda/commitments',
  validateSearch: validateCommitmentsSearch,
  component: lazyRouteComponent(() => import('../propaganda/CommitmentsPage.tsx'), 'CommitmentsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicRoute,
  appRoute.addChildren([
    homeRoute,
    dashboardRoute,
    directoryIndexRoute,
    adminUnitsRoute,
    orgUnitsRoute,
    peopleRoute,
    usersRoute,
    crashesRoute,
    crashNewRoute,
    crashStatsRoute,
    crashMapRoute,
    crashImportRoute,
    crashRoute,
    crashEditRoute,
    blackSpotsRoute,
    blackSpotMapRoute,
    blackSpotRoute,
    plansRoute,
    planImportRoute,
    planTriggersRoute,
    planRoute,
    myTasksRoute,
    taskRoute,
    reportsRoute,
    submissionRoute,
    reportBoardRoute,
    consolidationRoute,
    reportFormsRoute,
    reportFormNewRoute,
    reportFormRoute,
    reportSchedulesRoute,
    reviewsRoute,
    reviewRoute,
    dispatchRoute,
    dispatchKpiRoute,
    dispatchFacilitiesRoute,
    incidentRoute,
    violationsRoute,
    cameraImportRoute,
    campaignsRoute,
    campaignRoute,
    unitNoticesRoute,
    violationStatsRoute,
    emulationRoute,
    emulationNewRoute,
    emulationCampaignRoute,
    emulationEditRoute,
    emulationAssessmentRoute,
    propagandaRoute,
    propagandaStatsRoute,
    commitmentsRoute,
    sharingClientsRoute,
    auditRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
