/**
 * "Bảng điều hành": the dashboard of the signed-in role — the leader's province (journey 5: before the quarterly
 * meeting, on a tablet), a member agency's own work, a commune's own area (journey 7). Every figure is a link to
 * the records behind it.
 */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumberVi } from '../../domain/crashes/comparison.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, todayIso } from '../platform/format.ts';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type BreakdownRow,
  type CommuneDashboard,
  communeDashboardQuery,
  dashboardKindOf,
  type LeaderDashboard,
  leaderDashboardQuery,
  type UnitDashboard,
  unitDashboardQuery,
} from './api.ts';
import {
  ChangeLine,
  CriteriaTiles,
  EmulationSection,
  HeadlineList,
  IncidentSection,
  Section,
  Tile,
  To,
  TrendSection,
  UnitReportSection,
  UnitTaskSection,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/dashboard');

export function DashboardPage() {
  const { user } = useSession();
  const kind = dashboardKindOf(user.role);
  if (kind === 'unit') return <UnitView />;
  if (kind === 'commune') return <CommuneView />;
  return <LeaderView />;
}

/** This year to date (the default), this month, this quarter, last year — and whatever period the URL holds. */
function PeriodPicker({ value, label }: { value: string | undefined; label: string }) {
  const { t } = useTranslation();
  const navigate = routeApi.useNavigate();
  const today = todayIso();
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const options = [
    { value: '', label: t('dashboard.periods.ytd') },
    { value: `quarter:${y}-${Math.ceil(m / 3)}`, label: t('dashboard.periods.quarter') },
    { value: `month:${y}-${String(m).padStart(2, '0')}`, label: t('dashboard.periods.month') },
    { value: `year:${y - 1}`, label: t('dashboard.periods.lastYear', { year: y - 1 }) },
  ];
  if (value && !options.some((o) => o.value === value)) options.push({ value, label });
  return (
    <Select
      aria-label={t('dashboard.period')}
      className="dash-period"
      value={value ?? ''}
      options={options}
      onChange={(v: string) => void navigate({ search: { period: v || undefined } })}
    />
  );
}

function Loading({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <>
      <PageHeader title={title} />
      {error ? <QueryError error={error} onRetry={onRetry} /> : <Skeleton active paragraph={{ rows: 8 }} />}
    </>
  );
}

function periodIntro(d: { criteria: LeaderDashboard['criteria'] }) {
  const p = d.criteria.period;
  return `${formatDate(p.from)} – ${formatDate(p.to)}`;
}

function BreakdownList({ rows, unit }: { rows: BreakdownRow[]; unit: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="dash-muted">{t('dashboard.none')}</p>;
  return (
    <ol className="plain-list dash-list dash-ranked">
      {rows.map((r) => (
        <li key={r.key}>
          <To link={r.link}>
            <strong>{r.label}</strong>
          </To>
          <span className="dash-row-figures">
            <span className="dash-row-value">
              {formatNumberVi(r.current)} {unit}
            </span>{' '}
            <ChangeLine c={r} unit={unit} />
          </span>
        </li>
      ))}
    </ol>
  );
}

// ───────────── the leader ─────────────

function LeaderView() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const q = useQuery(leaderDashboardQuery(search.period));
  const title = t('dashboard.title');
  if (!q.data) return <Loading title={title} error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div className="dash">
      <PageHeader
        title={title}
        intro={t('dashboard.introLeader', {
          scope: d.scope,
          period: periodIntro(d),
          previous: d.criteria.previous.to.slice(0, 4),
        })}
        extra={<PeriodPicker value={search.period} label={d.criteria.period.label} />}
      />
      <HeadlineList items={d.headline} />
      <CriteriaTiles block={d.criteria} />
      <div className="dash-columns">
        <TrendSection trend={d.trend} />
        <Section
          id="dash-routes"
          title={t('dashboard.routes')}
          more={d.routes.link}
          moreLabel={t('dashboard.viewStats')}
        >
          {d.routes.biggestRise ? (
            <p className="dash-callout">
              <To link={d.routes.biggestRise.link}>{d.routes.biggestRise.sentence}</To>
            </p>
          ) : null}
          <BreakdownList rows={d.routes.rows} unit={t('dashboard.crashUnit')} />
        </Section>
        <Section
          id="dash-causes"
          title={t('dashboard.causes')}
          more={d.causes.link}
          moreLabel={t('dashboard.viewStats')}
        >
          <BreakdownList rows={d.causes.rows} unit={t('dashboard.crashUnit')} />
        </Section>
        <BlackSpotSection spots={d.blackSpots} year={d.asOf.slice(0, 4)} />
        <IncidentSection incidents={d.incidents} />
        <OverdueSection tasks={d.tasks} />
        <ReportsSection reports={d.reports} />
      </div>
    </div>
  );
}

function BlackSpotSection({
  spots,
  year,
  list,
}: {
  spots: LeaderDashboard['blackSpots'];
  year: string;
  list?: CommuneDashboard['blackSpots']['spots'];
}) {
  const { t } = useTranslation();
  const shown = spots.byStatus.filter((b) => b.count > 0 && b.status !== 'dismissed');
  return (
    <Section id="dash-spots" title={t('dashboard.blackSpots')} more={spots.link}>
      <ul className="plain-list dash-tiles">
        <Tile
          link={spots.remediedLink}
          title={t('dashboard.remediedThisYear', { year })}
          value={formatNumberVi(spots.remediedThisYear)}
          tone={spots.remediedThisYear > 0 ? 'good' : 'neutral'}
          testId="dash-spots-remedied"
        />
        <Tile
          link={spots.overdueRemedies.link}
          title={t('dashboard.overdueRemedies')}
          value={formatNumberVi(spots.overdueRemedies.count)}
          tone={spots.overdueRemedies.count > 0 ? 'bad' : 'neutral'}
          testId="dash-spots-overdue"
        />
      </ul>
      {spots.overdueRemedies.items.length > 0 ? (
        <ul className="plain-list dash-list">
          {spots.overdueRemedies.items.map((x) => (
            <li key={x.id}>
              <To link={x.link}>{x.name}</To>
              <span className="dash-bad dash-due">
                {t('dashboard.dueOn', { date: formatDate(x.remedyDue) })} ·{' '}
                {t('dashboard.daysLate', { days: x.daysLate })}
                {x.leadUnitName ? ` · ${x.leadUnitName}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <ul className="plain-list dash-chips" aria-label={t('dashboard.byStatus')}>
          {shown.map((b) => (
            <li key={b.status}>
              <To link={b.link} className="dash-chip">
                {b.label}: <strong>{formatNumberVi(b.count)}</strong>
              </To>
            </li>
          ))}
        </ul>
      ) : (
        <p className="dash-muted">{t('dashboard.noSpots')}</p>
      )}
      {list && list.length > 0 ? (
        <ul className="plain-list dash-list">
          {list.map((x) => (
            <li key={x.id}>
              <To link={x.link}>{x.name}</To>
              <span className="dash-muted dash-due">{x.statusLabel}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function OverdueSection({ tasks }: { tasks: LeaderDashboard['tasks'] }) {
  const { t } = useTranslation();
  return (
    <Section id="dash-tasks" title={t('dashboard.tasks')} more={tasks.link}>
      <ul className="plain-list dash-tiles">
        <Tile
          link={tasks.link}
          title={t('dashboard.overdueTasks')}
          value={formatNumberVi(tasks.overdue)}
          tone={tasks.overdue > 0 ? 'bad' : 'neutral'}
          testId="dash-tasks-overdue"
        >
          <span className="dash-muted">{t('dashboard.unitsBehind', { count: tasks.unitCount })}</span>
        </Tile>
        <Tile
          link={tasks.dueSoonLink}
          title={t('dashboard.dueSoonTasks')}
          value={formatNumberVi(tasks.dueSoon)}
        />
      </ul>
      {tasks.units.length > 0 ? (
        <>
          <h3 className="dash-subtitle">{t('dashboard.worstUnits')}</h3>
          <ol className="plain-list dash-list dash-ranked">
            {tasks.units.map((u) => (
              <li key={u.orgUnitId}>
                <To link={u.link}>
                  <strong>{u.name}</strong>
                </To>
                <span className="dash-bad dash-due">
                  {t('dashboard.daysLate', { days: u.daysLate })} ·{' '}
                  {t('dashboard.taskCount', { count: u.overdue })}
                </span>
                <span className="dash-muted">
                  {u.taskPath} {u.taskTitle}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
}

function ReportsSection({ reports }: { reports: LeaderDashboard['reports'] }) {
  const { t } = useTranslation();
  return (
    <Section id="dash-reports" title={t('dashboard.reports')} more={reports[0]?.link ?? null}>
      {reports.length === 0 ? <p className="dash-muted">{t('dashboard.noReports')}</p> : null}
      {reports.map((r) => (
        <div key={`${r.scheduleId}|${r.period.key}`} className="dash-report">
          <p className="dash-report-title">
            <To link={r.link}>
              {r.scheduleTitle} — {r.period.label}
            </To>
            <span className="dash-muted">
              {' '}
              · {t('dashboard.dueOn', { date: formatDate(r.period.dueOn) })} ·{' '}
              {t('dashboard.expected', { count: r.counts.expected })}
            </span>
          </p>
          <ul className="plain-list dash-tiles dash-tiles-3">
            <Tile
              link={r.links.onTime}
              title={t('dashboard.onTime')}
              value={formatNumberVi(r.counts.onTime)}
              tone="good"
            />
            <Tile
              link={r.links.late}
              title={t('dashboard.late')}
              value={formatNumberVi(r.counts.late)}
              tone={r.counts.late > 0 ? 'bad' : 'neutral'}
            />
            <Tile
              link={r.links.missing}
              title={t('dashboard.missing')}
              value={formatNumberVi(r.counts.missing)}
              tone={r.counts.missing > 0 ? 'bad' : 'neutral'}
              testId={`dash-report-missing-${r.scheduleId}`}
            />
          </ul>
        </div>
      ))}
    </Section>
  );
}

// ───────────── a member agency ─────────────

function UnitView() {
  const { t } = useTranslation();
  const q = useQuery(unitDashboardQuery());
  const title = t('dashboard.title');
  if (!q.data) return <Loading title={title} error={q.error} onRetry={() => void q.refetch()} />;
  const d: UnitDashboard = q.data;
  return (
    <div className="dash">
      <PageHeader
        title={title}
        intro={t('dashboard.introUnit', { unit: d.unit.name, date: formatDate(d.asOf) })}
      />
      <div className="dash-columns">
        <UnitTaskSection tasks={d.tasks} />
        <UnitReportSection reports={d.reports} />
        <Section id="dash-violators" title={t('dashboard.violators')} more={d.violators.month.link}>
          <ul className="plain-list dash-tiles">
            <Tile
              link={d.violators.month.link}
              title={d.violators.month.label}
              value={formatNumberVi(d.violators.month.count)}
              tone={d.violators.month.count > 0 ? 'bad' : 'neutral'}
              testId="dash-violators-month"
            />
            <Tile
              link={d.violators.year.link}
              title={d.violators.year.label}
              value={formatNumberVi(d.violators.year.count)}
              tone={d.violators.year.count > 0 ? 'bad' : 'neutral'}
              testId="dash-violators-year"
            />
          </ul>
          <p className="dash-muted">{t('dashboard.violatorsNote')}</p>
        </Section>
        <EmulationSection emulation={d.emulation} />
        {d.incidents ? <IncidentSection incidents={d.incidents} /> : null}
      </div>
    </div>
  );
}

// ───────────── a commune ─────────────

function CommuneView() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const q = useQuery(communeDashboardQuery(search.period));
  const title = t('dashboard.title');
  if (!q.data) return <Loading title={title} error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div className="dash">
      <PageHeader
        title={title}
        intro={t('dashboard.introCommune', {
          area: d.area.label,
          period: periodIntro(d),
          previous: d.criteria.previous.to.slice(0, 4),
        })}
        extra={<PeriodPicker value={search.period} label={d.criteria.period.label} />}
      />
      <HeadlineList items={d.headline} />
      <CriteriaTiles block={d.criteria} />
      <div className="dash-columns">
        <TrendSection trend={d.trend} />
        <UnitTaskSection tasks={d.tasks} />
        <UnitReportSection reports={d.reports} />
        <EmulationSection emulation={d.emulation} />
        <BlackSpotSection spots={d.blackSpots} year={d.asOf.slice(0, 4)} list={d.blackSpots.spots} />
        <IncidentSection incidents={d.incidents} />
      </div>
    </div>
  );
}
