import { useNavigate } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, useOptionalSession } from '../auth.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

/** Outside the signed-in shell a page still needs its own <main> landmark. */
export function StandaloneMain({ children }: { children: ReactNode }) {
  const session = useOptionalSession();
  if (session) return <>{children}</>;
  return (
    <main id="main" tabIndex={-1} className="standalone-main">
      {children}
    </main>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <StandaloneMain>
      <PageHeader title={t('notFound.title')} />
      <Result
        status="404"
        title={<span className="result-code">404</span>}
        subTitle={t('notFound.body')}
        extra={<HomeButton />}
      />
    </StandaloneMain>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Result
        status="403"
        title={<span className="result-code">403</span>}
        subTitle={t('forbidden.body')}
        extra={<HomeButton />}
      />
    </>
  );
}

/** Shows the page only to roles the check allows; the server enforces the same rule. */
export function RequirePermission({
  allowed,
  children,
}: {
  allowed: (role: Role) => boolean;
  children: ReactNode;
}) {
  const session = useOptionalSession();
  if (!session || !allowed(session.user.role)) return <ForbiddenPage />;
  return <>{children}</>;
}

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => void navigate({ to: '/' })}>
      {t('notFound.backHome')}
    </Button>
  );
}
