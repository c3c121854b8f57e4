import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { crashStatsQuery } from '../crashes/api.ts';
import { KpiCards } from '../crashes/ui.tsx';
import { EmulationHomeCard } from '../emulation/HomeCard.tsx';
import { emulationPermissions } from '../emulation/permissions.ts';
import { myDueCountQuery } from '../plans/api.ts';
import { permissions, useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import type { To } from '../platform/layout/NavMenu.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { ReportsDueCard } from '../reports/HomeCard.tsx';
import { reportPermissions } from '../reports/permissions.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const today = todayIso();
  const year = today.slice(0, 4);
  const from = `${year}-01-01`;
  // The three criteria, year to date, against the same days of last year (verified records, as reported).
  const period = `range:${from}..${today}`;
  const summary = useQuery(crashStatsQuery({ period, by: 'none', verified: 'true' }));
  const overdue = useQuery(myDueCountQuery('overdue'));
  const dueSoon = useQuery(myDueCountQuery('due_soon'));

  const scope = user.role === 'commune' && user.adminUnit ? user.adminUnit.name : t('home.scopeProvince');

  const shortcuts: {
    to: Exclude<To, '/'>;
    title: string;
    text: string;
  }[] = [
    { to: '/tasks/mine', title: t('nav.myTasks'), text: t('home.shortcutMyTasks') },
    { to: '/plans', title: t('nav.plans'), text: t('home.shortcutPlans') },
    ...(reportPermissions.fill(user.role)
      ? [{ to: '/reports' as const, title: t('nav.myReports'), text: t('reports.home.shortcutMine') }]
      : []),
    ...(reportPermissions.oversee(user.role)
      ? [
          {
            to: '/reports/board' as const,
            title: t('nav.reportBoard'),
            text: t('reports.home.shortcutBoard'),
          },
        ]
      : []),
    { to: '/crashes', title: t('nav.crashes'), text: t('home.shortcutCrashes') },
    { to: '/crashes/stats', title: t('stats.title'), text: t('home.shortcutCrashStats') },
    { to: '/directory/admin-units', title: t('nav.adminUnits'), text: t('home.shortcutAdminUnits') },
    { to: '/directory/org-units', title: t('nav.orgUnits'), text: t('home.shortcutOrgUnits') },
    { to: '/directory/people', title: t('nav.people'), text: t('home.shortcutPeople') },
  ];
  if (permissions.viewUsers(user.role))
    shortcuts.push({ to: '/directory/users', title: t('nav.users'), text: t('home.shortcutUsers') });
  if (permissions.viewAudit(user.role))
    shortcuts.push({ to: '/audit', title: t('nav.audit'), text: t('home.shortcutAudit') });

  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.displayName })}
        intro={
          <>
            {t('home.scope', { scope })}
            {user.orgUnit ? (
              <>
                <br />
                {t('home.unit', { unit: user.orgUnit.name })}
              </>
            ) : null}
          </>
        }
      />

      <div style={{ marginBottom: 16 }}>
        <Link to="/dashboard" className="shortcut-card home-dashboard-link">
          <strong>{t('dashboard.homeTitle')}</strong>
          <span className="muted">{t('dashboard.homeText')}</span>
        </Link>
      </div>

      <section aria-labelledby="home-figures">
        <Card
          title={
            <h2 id="home-figures" className="card-title">
              {t('home.figuresTitle', { year })}
            </h2>
          }
        >
          <p className="muted" style={{ marginTop: 0 }}>
            {t('home.figuresCompare', {
              from: formatDate(from),
              to: formatDate(today),
              previous: String(Number(year) - 1),
            })}
          </p>
          {summary.isError ? (
            <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
          ) : summary.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          ) : (
            <>
              <KpiCards row={summary.data.total} />
              <p className="home-sentence">{summary.data.sentence}</p>
            </>
          )}
          <p className="home-links">
            <Link to="/crashes/stats" search={{ period }}>
              {t('home.viewStats')}
            </Link>
            <Link to="/crashes" search={{ from, to: today, verified: 'true' }}>
              {t('home.viewCrashes')}
            </Link>
          </p>
        </Card>
      </section>

      <section aria-labelledby="home-tasks" style={{ marginTop: 16 }}>
        <Card
          title={
            <h2 id="home-tasks" className="card-title">
              {t('home.tasksTitle')}
            </h2>
          }
        >
          {overdue.isError ? (
            <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} />
          ) : overdue.isPending || dueSoon.isPending ? (
            <Skeleton active paragraph={{ rows: 1 }} title={false} />
          ) : (
            <div className="home-task-figures">
              <Link to="/tasks/mine" search={{ tab: 'overdue' }} className="shortcut-card">
                <Statistic
                  className="figure-overdue"
                  title={t('home.tasksOverdue')}
                  value={overdue.data ?? 0}
                  formatter={(v) => formatNumber(Number(v))}
                />
              </Link>
              <Link to="/tasks/mine" search={{ tab: 'due_soon' }} className="shortcut-card">
                <Statistic
                  className="figure-due-soon"
                  title={t('home.tasksDueSoon')}
                  value={dueSoon.data ?? 0}
                  formatter={(v) => formatNumber(Number(v))}
                />
              </Link>
            </div>
          )}
          <p style={{ marginBottom: 0, marginTop: 16 }}>
            <Link to="/tasks/mine" search={{}}>
              {t('home.viewTasks')}
            </Link>
          </p>
        </Card>
      </section>

      {reportPermissions.fill(user.role) ? <ReportsDueCard /> : null}
      {emulationPermissions.selfAssess(user.role) ? <EmulationHomeCard /> : null}

      <section aria-labelledby="home-shortcuts">
        <h2 id="home-shortcuts" className="section-title">
          {t('home.shortcuts')}
        </h2>
        <ul className="shortcuts plain-list">
          {shortcuts.map((s) => (
            <li key={s.to}>
              <Link to={s.to} className="shortcut-card">
                <strong>{s.title}</strong>
                <span className="muted">{s.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
