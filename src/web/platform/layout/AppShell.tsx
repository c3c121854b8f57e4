import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { App as AntApp, Button, Drawer, Layout } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationsBell } from '../../plans/NotificationsBell.tsx';
import { isApiError } from '../api.ts';
import { type Session, SessionProvider, sessionQuery, useLogout } from '../auth.tsx';
import { useIsPhone } from '../ui/useMediaQuery.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavMenu } from './NavMenu.tsx';
import { NotFoundPage } from './StatusPages.tsx';

/** The signed-in frame: header, demo banner, side navigation (a drawer on phones) and <main>. */
export function AppShell() {
  const { data: session } = useQuery(sessionQuery);
  if (!session) return null; // signing out: the router is on its way to /login
  return (
    <SessionProvider session={session}>
      <Shell session={session}>
        <Outlet />
      </Shell>
    </SessionProvider>
  );
}

/** An unknown address: inside the shell for a signed-in user, on its own otherwise. */
export function RootNotFound() {
  const { data: session } = useQuery(sessionQuery);
  if (!session) return <NotFoundPage />;
  return (
    <SessionProvider session={session}>
      <Shell session={session}>
        <NotFoundPage />
      </Shell>
    </SessionProvider>
  );
}

function Shell({ session, children }: { session: Session; children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const [loggingOut, setLoggingOut] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const firstPath = useRef(pathname);

  // Set when a drawer link was followed: focus goes to the new page once the drawer has closed
  // (the drawer would otherwise hand focus back to the menu button).
  const focusMainAfterDrawer = useRef(false);

  // After a navigation, close the drawer and move focus to the new page's content.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = pathname;
    setDrawerOpen(false);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  useEffect(() => {
    if (!isPhone) setDrawerOpen(false);
  }, [isPhone]);

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch (e) {
      setLoggingOut(false);
      void message.error(isApiError(e) ? e.message : t('user.logoutFailed'));
    }
  };

  const { user, demo, provinceName } = session;
  const productName = provinceName
    ? t('app.productName', { province: provinceName })
    : t('app.productNameNoProvince');
  const roleLabel = t(`roles.${user.role}`);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <Layout className="shell">
        <Layout.Header className="shell-header">
          <div className="shell-header-brand">
            {isPhone ? (
              <Button
                type="text"
                className="shell-menu-button"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('nav.open')}
                aria-expanded={drawerOpen}
                aria-controls="shell-drawer"
                onClick={() => setDrawerOpen(true)}
              />
            ) : null}
            <Link to="/" className="shell-product">
              {productName}
            </Link>
          </div>
          <div className="shell-header-user">
            <div
              className="shell-user"
              title={t('user.signedInAs', { name: user.displayName, role: roleLabel })}
            >
              <span className="shell-user-name">{user.displayName}</span>
              <span className="shell-user-role">{roleLabel}</span>
            </div>
            <NotificationsBell />
            <LanguageSwitch className="shell-lang" />
            <Button
              className="shell-logout"
              icon={<LogoutOutlined aria-hidden />}
              onClick={() => void onLogout()}
              loading={loggingOut}
              aria-label={isPhone ? t('user.logout') : undefined}
            >
              {isPhone ? null : t('user.logout')}
            </Button>
          </div>
        </Layout.Header>
        {demo ? (
          <div role="status" className="demo-banner">
            {t('app.demoBanner')}
          </div>
        ) : null}
        <div className="shell-body">
          {isPhone ? null : (
            <div className="shell-sider">
              <NavMenu role={user.role} />
            </div>
          )}
          <Layout.Content id="main" tabIndex={-1} className="shell-main">
            {children}
          </Layout.Content>
        </div>
      </Layout>
      {isPhone ? (
        <Drawer
          id="shell-drawer"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          title={t('nav.menuTitle')}
          size={280}
          styles={{ body: { padding: 0 } }}
          closable={{ 'aria-label': t('common.close') }}
          afterOpenChange={(open) => {
            if (open || !focusMainAfterDrawer.current) return;
            focusMainAfterDrawer.current = false;
            window.setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }), 0);
          }}
        >
          <NavMenu
            role={user.role}
            onNavigate={() => {
              focusMainAfterDrawer.current = true;
              setDrawerOpen(false);
            }}
          />
        </Drawer>
      ) : null}
    </>
  );
}
