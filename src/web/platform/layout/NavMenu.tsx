import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FundOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SnippetsOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
  VideoCameraOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { crashPermissions } from '../../crashes/permissions.ts';
import { canImportCamera } from '../../enforcement/permissions.ts';
import { useIncidentAccess } from '../../incidents/access.tsx';
import { planPermissions } from '../../plans/permissions.ts';
import { reportPermissions } from '../../reports/permissions.ts';
import { sharingPermissions } from '../../sharing/permissions.ts';
import { permissions, type Role } from '../auth.tsx';

/** The app's pages, as router paths. */
export type To =
  | '/'
  | '/dashboard'
  | '/directory/admin-units'
  | '/directory/org-units'
  | '/directory/people'
  | '/directory/users'
  | '/crashes'
  | '/crashes/stats'
  | '/crashes/map'
  | '/crashes/import'
  | '/black-spots'
  | '/black-spots/map'
  | '/plans'
  | '/plans/import'
  | '/plans/triggers'
  | '/tasks/mine'
  | '/reports'
  | '/reports/board'
  | '/reports/consolidation'
  | '/reports/forms'
  | '/reports/schedules'
  | '/reviews'
  | '/dispatch'
  | '/dispatch/kpi'
  | '/dispatch/facilities'
  | '/violations'
  | '/violations/camera-import'
  | '/violations/campaigns'
  | '/violations/unit-notices'
  | '/violations/stats'
  | '/emulation'
  | '/propaganda'
  | '/propaganda/stats'
  | '/propaganda/commitments'
  | '/sharing/clients'
  | '/audit';

interface NavLeaf {
  to: To;
  label: string;
  icon: ReactNode;
}

/** The side navigation, by capability and by role. Every entry is a real link (Tab-reachable). */
export function NavMenu({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const incidentAccess = useIncidentAccess();

  const leaf = ({ to, label, icon }: NavLeaf): NonNullable<MenuProps['items']>[number] => ({
    key: to,
    icon,
    label: (
      <Link to={to} onClick={onNavigate} aria-current={isActive(pathname, to) ? 'page' : undefined}>
        {label}
      </Link>
    ),
  });

  const directory: NavLeaf[] = [
    { to: '/directory/admin-units', label: t('nav.adminUnits'), icon: <BankOutlined aria-hidden /> },
    { to: '/directory/org-units', label: t('nav.orgUnits'), icon: <ApartmentOutlined aria-hidden /> },
    { to: '/directory/people', label: t('nav.people'), icon: <TeamOutlined aria-hidden /> },
  ];
  if (permissions.viewUsers(role))
    directory.push({ to: '/directory/users', label: t('nav.users'), icon: <IdcardOutlined aria-hidden /> });
  if (sharingPermissions.manage(role))
    directory.push({
      to: '/sharing/clients',
      label: t('sharing.nav.clients'),
      icon: <ApiOutlined aria-hidden />,
    });

  const plans: NavLeaf[] = [
    { to: '/tasks/mine', label: t('nav.myTasks'), icon: <CheckSquareOutlined aria-hidden /> },
    { to: '/plans', label: t('nav.plans'), icon: <FileTextOutlined aria-hidden /> },
  ];
  if (planPermissions.importPlan(role))
    plans.push({ to: '/plans/import', label: t('nav.importPlan'), icon: <ImportOutlined aria-hidden /> });
  if (planPermissions.recordTrigger(role) || role === 'leader')
    plans.push({
      to: '/plans/triggers',
      label: t('nav.triggers'),
      icon: <NotificationOutlined aria-hidden />,
    });

  const crashes: NavLeaf[] = [
    { to: '/crashes', label: t('nav.crashList'), icon: <CarOutlined aria-hidden /> },
    { to: '/crashes/stats', label: t('nav.crashStats'), icon: <BarChartOutlined aria-hidden /> },
    { to: '/crashes/map', label: t('nav.crashMap'), icon: <EnvironmentOutlined aria-hidden /> },
  ];
  if (crashPermissions.importFile(role))
    crashes.push({
      to: '/crashes/import',
      label: t('nav.crashImport'),
      icon: <CloudUploadOutlined aria-hidden />,
    });

  const blackSpots: NavLeaf[] = [
    { to: '/black-spots', label: t('nav.blackSpotList'), icon: <WarningOutlined aria-hidden /> },
    { to: '/black-spots/map', label: t('nav.blackSpotMap'), icon: <GlobalOutlined aria-hidden /> },
  ];

  const reports: NavLeaf[] = [];
  if (reportPermissions.fill(role))
    reports.push({ to: '/reports', label: t('nav.myReports'), icon: <FileDoneOutlined aria-hidden /> });
  if (reportPermissions.oversee(role))
    reports.push(
      { to: '/reports/board', label: t('nav.reportBoard'), icon: <DashboardOutlined aria-hidden /> },
      {
        to: '/reports/consolidation',
        label: t('nav.reportConsolidation'),
        icon: <FileSearchOutlined aria-hidden />,
      },
      { to: '/reviews', label: t('nav.reviews'), icon: <SnippetsOutlined aria-hidden /> },
    );
  if (reportPermissions.manage(role))
    reports.push(
      { to: '/reports/forms', label: t('nav.reportForms'), icon: <ProfileOutlined aria-hidden /> },
      { to: '/reports/schedules', label: t('nav.reportSchedules'), icon: <ScheduleOutlined aria-hidden /> },
    );

  // Dispatch: shown to whoever the server says may see the board (police, the 115 centre, the office…).
  const dispatch: NavLeaf[] = incidentAccess.view
    ? [
        { to: '/dispatch', label: t('incidents.nav.board'), icon: <AlertOutlined aria-hidden /> },
        { to: '/dispatch/kpi', label: t('incidents.nav.kpi'), icon: <FundOutlined aria-hidden /> },
        {
          to: '/dispatch/facilities',
          label: t('incidents.nav.facilities'),
          icon: <MedicineBoxOutlined aria-hidden />,
        },
      ]
    : [];

  // Enforcement: every signed-in user reads violations (personal data masked but for the police).
  const enforcement: NavLeaf[] = [
    { to: '/violations', label: t('enforcement.nav.violations'), icon: <SafetyOutlined aria-hidden /> },
    { to: '/violations/stats', label: t('enforcement.nav.stats'), icon: <PieChartOutlined aria-hidden /> },
    {
      to: '/violations/campaigns',
      label: t('enforcement.nav.campaigns'),
      icon: <FlagOutlined aria-hidden />,
    },
    {
      to: '/violations/unit-notices',
      label: t('enforcement.nav.notices'),
      icon: <MailOutlined aria-hidden />,
    },
  ];
  if (canImportCamera(role))
    enforcement.push({
      to: '/violations/camera-import',
      label: t('enforcement.nav.cameraImport'),
      icon: <VideoCameraOutlined aria-hidden />,
    });

  // Propaganda: every signed-in user reads; the office, agencies and communes record their own.
  const propaganda: NavLeaf[] = [
    { to: '/propaganda', label: t('propaganda.nav.sessions'), icon: <SoundOutlined aria-hidden /> },
    { to: '/propaganda/stats', label: t('propaganda.nav.stats'), icon: <AreaChartOutlined aria-hidden /> },
    {
      to: '/propaganda/commitments',
      label: t('propaganda.nav.commitments'),
      icon: <SolutionOutlined aria-hidden />,
    },
  ];

  const items: MenuProps['items'] = [
    leaf({ to: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> }),
    leaf({
      to: '/dashboard',
      label: t('nav.dashboard'),
      icon: <FundProjectionScreenOutlined aria-hidden />,
    }),
    { type: 'group', key: 'plans', label: t('nav.plansGroup'), children: plans.map(leaf) },
    ...(reports.length
      ? [
          {
            type: 'group' as const,
            key: 'reports',
            label: t('nav.reportsGroup'),
            children: reports.map(leaf),
          },
        ]
      : []),
    ...(dispatch.length
      ? [
          {
            type: 'group' as const,
            key: 'dispatch',
            label: t('incidents.nav.group'),
            children: dispatch.map(leaf),
          },
        ]
      : []),
    { type: 'group', key: 'crashes', label: t('nav.crashes'), children: crashes.map(leaf) },
    {
      type: 'group',
      key: 'enforcement',
      label: t('enforcement.nav.group'),
      children: enforcement.map(leaf),
    },
    {
      type: 'group',
      key: 'emulation',
      label: t('emulation.nav.group'),
      children: [
        leaf({
          to: '/emulation',
          label: t('emulation.nav.campaigns'),
          icon: <TrophyOutlined aria-hidden />,
        }),
      ],
    },
    {
      type: 'group',
      key: 'propaganda',
      label: t('propaganda.nav.group'),
      children: propaganda.map(leaf),
    },
    { type: 'group', key: 'black-spots', label: t('nav.blackSpots'), children: blackSpots.map(leaf) },
    { type: 'group', key: 'directory', label: t('nav.directory'), children: directory.map(leaf) },
  ];
  if (permissions.viewAudit(role))
    items.push(
      { type: 'divider', key: 'divider' },
      leaf({ to: '/audit', label: t('nav.audit'), icon: <AuditOutlined aria-hidden /> }),
    );

  const selected = selectedKey(pathname);
  return (
    <nav aria-label={t('nav.label')} className="shell-nav">
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} />
    </nav>
  );
}

/** Most specific first: '/plans/import' before '/plans'. */
const KEYS: To[] = [
  '/dashboard',
  '/plans/import',
  '/plans/triggers',
  '/plans',
  '/tasks/mine',
  '/reports/board',
  '/reports/consolidation',
  '/reports/forms',
  '/reports/schedules',
  '/reports',
  '/reviews',
  '/directory/admin-units',
  '/directory/org-units',
  '/directory/people',
  '/directory/users',
  '/sharing/clients',
  '/crashes/stats',
  '/crashes/map',
  '/crashes/import',
  '/crashes',
  '/black-spots/map',
  '/black-spots',
  '/dispatch/kpi',
  '/dispatch/facilities',
  '/dispatch',
  '/violations/camera-import',
  '/violations/campaigns',
  '/violations/unit-notices',
  '/violations/stats',
  '/violations',
  '/emulation',
  '/propaganda/stats',
  '/propaganda/commitments',
  '/propaganda',
  '/audit',
];

function selectedKey(pathname: string): To | undefined {
  if (pathname === '/') return '/';
  if (pathname.startsWith('/tasks/')) return '/tasks/mine';
  return KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
}

function isActive(pathname: string, to: To): boolean {
  return selectedKey(pathname) === to;
}
