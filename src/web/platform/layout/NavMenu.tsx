import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link, useRouterState } from '@tanstack/react-router';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, type Role } from '../auth.tsx';

/** The app's pages, as router paths. */
export type To =
  | '/'
  | '/directory/admin-units'
  | '/directory/org-units'
  | '/directory/people'
  | '/directory/users'
  | '/crashes'
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

  const items: MenuProps['items'] = [
    leaf({ to: '/', label: t('nav.home'), icon: <HomeOutlined aria-hidden /> }),
    { type: 'group', key: 'directory', label: t('nav.directory'), children: directory.map(leaf) },
    { type: 'divider', key: 'divider' },
    leaf({ to: '/crashes', label: t('nav.crashes'), icon: <CarOutlined aria-hidden /> }),
  ];
  if (permissions.viewAudit(role))
    items.push(leaf({ to: '/audit', label: t('nav.audit'), icon: <AuditOutlined aria-hidden /> }));

  const selected = selectedKey(pathname);
  return (
    <nav aria-label={t('nav.label')} className="shell-nav">
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected] : []} />
    </nav>
  );
}

const KEYS: To[] = [
  '/directory/admin-units',
  '/directory/org-units',
  '/directory/people',
  '/directory/users',
  '/crashes',
  '/audit',
];

function selectedKey(pathname: string): To | undefined {
  if (pathname === '/') return '/';
  return KEYS.find((k) => pathname === k || pathname.startsWith(`${k}/`));
}

function isActive(pathname: string, to: To): boolean {
  return selectedKey(pathname) === to;
}
