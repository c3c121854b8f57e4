/**
 * The dashboard's building blocks: a tile (an antd Card that is a link to the records behind its figure), the
 * change against last year with its arrow (a rise of crashes, deaths or injured is bad: red), the trend chart
 * with its table, and the lists of tasks, reports and the campaign score shared by the unit and commune views.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { Card, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumberVi, formatPercentVi } from '../../domain/crashes/comparison.ts';
import { formatDate } from '../platform/format.ts';
import type {
  Comparison,
  CountTile,
  CriteriaBlock,
  DashLink,
  Emulation,
  Headline,
  Incidents,
  Trend,
  UnitReports,
  UnitTasks,
} from './api.ts';
import { TrendChart } from './charts.tsx';
import './dashboard.css';

/** A link to a page of the app, or plain content when the caller has no page for those records. */
export function To({
  link,
  children,
  className,
  label,
}: {
  link: DashLink | null | undefined;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  if (!link) return <div className={className}>{children}</div>;
  return (
    <Link
      to={link.to as never}
      params={(link.params ?? {}) as never}
      search={link.search as never}
      className={className}
      aria-label={label}
    >
      {children}
    </Link>
  );
}

/** The change against last year: ▲/▼ and the words, so that colour is never the only cue. */
export function ChangeLine({
  c,
  unit,
  risingIsBad = true,
}: {
  c: Comparison;
  unit?: string;
  risingIsBad?: boolean;
}) {
  const { t } = useTranslation();
  const tone = c.direction === 'same' ? 'same' : (c.direction === 'up') === risingIsBad ? 'bad' : 'good';
  const amount =
    c.percent === null
      ? `${formatNumberVi(Math.abs(c.change))}${unit ? ` ${unit}` : ''}`
      : formatPercentVi(Math.abs(c.percent)).replace(/^\+/, '');
  return (
    <span className={`dash-change dash-${tone}`}>
      <span aria-hidden="true">{c.direction === 'up' ? '▲ ' : c.direction === 'down' ? '▼ ' : '= '}</span>
      {c.direction === 'same'
        ? t('dashboard.same')
        : t(c.direction === 'up' ? 'dashboard.up' : 'dashboard.down', { amount })}
    </span>
  );
}

/** A figure as a clickable card: its title, the big number, what is under it. */
export function Tile({
  link,
  title,
  value,
  children,
  tone = 'neutral',
  testId,
}: {
  link: DashLink | null;
  title: string;
  value: ReactNode;
  children?: ReactNode;
  tone?: 'good' | 'bad' | 'neutral';
  testId?: string;
}) {
  return (
    <li className="dash-tile-item">
      <To link={link} className="dash-tile-link">
        <Card size="small" className={`dash-tile dash-tile-${tone}`} hoverable={Boolean(link)}>
          <span className="dash-tile-title">{title}</span>
          <span className="dash-tile-value" data-testid={testId}>
            {value}
          </span>
          {children ? <span className="dash-tile-sub">{children}</span> : null}
        </Card>
      </To>
    </li>
  );
}

/** A section of the dashboard: a card with a heading and a link to everything behind it. */
export function Section({
  id,
  title,
  more,
  moreLabel,
  children,
  className,
}: {
  id: string;
  title: string;
  more?: DashLink | null;
  moreLabel?: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className={`dash-section ${className ?? ''}`}>
      <Card
        title={
          <h2 id={id} className="card-title">
            {title}
          </h2>
        }
        extra={
          more ? (
            <To link={more} className="dash-more">
              {moreLabel ?? t('dashboard.viewAll')}
            </To>
          ) : null
        }
      >
        {children}
      </Card>
    </section>
  );
}

export function HeadlineList({ items }: { items: Headline[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="dash-headline" className="dash-headline">
      <h2 id="dash-headline" className="section-title">
        {t('dashboard.headline')}
      </h2>
      <ul className="plain-list dash-headline-list">
        {items.map((h) => (
          <li key={h.text} className={`dash-headline-item dash-${h.tone}`}>
            <span aria-hidden="true" className="dash-headline-mark">
              {h.tone === 'bad' ? '!' : h.tone === 'good' ? '✓' : '•'}
            </span>
            {h.link ? <To link={h.link}>{h.text}</To> : <span>{h.text}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const TARGET_CLASS = { on_track: 'tag-ok', at_risk: 'tag-warning', off_track: 'tag-danger' } as const;

/** The three criteria against the same period (and the year's target, for the province). */
export function CriteriaTiles({ block }: { block: CriteriaBlock }) {
  const { t } = useTranslation();
  return (
    <Section
      id="dash-criteria"
      title={t('dashboard.criteria')}
      more={block.link}
      moreLabel={t('dashboard.viewStats')}
    >
      <ul className="plain-list dash-tiles dash-tiles-3">
        {block.tiles.map((x) => (
          <Tile
            key={x.key}
            link={x.link}
            title={x.label}
            value={formatNumberVi(x.current)}
            tone={x.direction === 'up' ? 'bad' : x.direction === 'down' ? 'good' : 'neutral'}
            testId={`dash-${x.key}`}
          >
            <ChangeLine c={x} />
            <span className="dash-muted">
              {t('dashboard.previousValue', { value: formatNumberVi(x.previous) })}
            </span>
          </Tile>
        ))}
      </ul>
      {block.tiles.some((x) => x.target) ? (
        <ul className="plain-list dash-targets">
          {block.tiles.map((x) =>
            x.target ? (
              <li key={x.key}>
                <To link={x.target.link} className="dash-target">
                  <strong>{x.label}</strong>{' '}
                  <Tag className={TARGET_CLASS[x.target.status]}>
                    {t(`dashboard.targetStatus.${x.target.status}`)}
                  </Tag>
                  <span className="dash-muted">{x.target.message}</span>
                </To>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <p className="dash-sentence">{block.sentence}</p>
    </Section>
  );
}

/** Crashes by month, this year against last, each month opening its crash list; the table under the chart. */
export function TrendSection({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const months = trend.months.map((m) => t('dashboard.monthShort', { n: m.month }));
  const label = t('dashboard.trendLabel', { year: trend.year, previous: trend.previousYear });
  const open = (i: number) => {
    const l = trend.months[i]?.link;
    if (l) void navigate({ to: l.to as never, search: l.search as never });
  };
  return (
    <Section
      id="dash-trend"
      title={t('dashboard.trend')}
      more={trend.link}
      moreLabel={t('dashboard.viewCrashes')}
    >
      <TrendChart
        months={months}
        current={trend.months.map((m) => m.current?.crashes ?? null)}
        previous={trend.months.map((m) => m.previous.crashes)}
        currentName={String(trend.year)}
        previousName={String(trend.previousYear)}
        label={label}
        onMonth={open}
      />
      <details className="dash-details">
        <summary>{t('dashboard.trendTable')}</summary>
        <div className="dash-table-wrap">
          <table className="dash-table">
            <caption className="sr-only">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.month')}</th>
                <th scope="col">{trend.year}</th>
                <th scope="col">{trend.previousYear}</th>
              </tr>
            </thead>
            <tbody>
              {trend.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">
                    <To link={m.link}>{t('dashboard.monthN', { n: m.month })}</To>
                    {m.partial ? <span className="dash-muted"> {t('dashboard.partial')}</span> : null}
                  </th>
                  <td>{m.current ? formatNumberVi(m.current.crashes) : '—'}</td>
                  <td>{formatNumberVi(m.previous.crashes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Section>
  );
}

/** The incidents open now and the month's 30-minute response. */
export function IncidentSection({ incidents }: { incidents: Incidents }) {
  const { t } = useTranslation();
  const k = incidents.kpi;
  return (
    <Section id="dash-incidents" title={t('dashboard.incidents')} more={incidents.link}>
      <ul className="plain-list dash-tiles">
        <Tile
          link={incidents.link}
          title={t('dashboard.openNow')}
          value={formatNumberVi(incidents.open)}
          tone={incidents.open > 0 ? 'bad' : 'neutral'}
          testId="dash-incidents-open"
        >
          {incidents.oldestMinutes !== null ? (
            <span className="dash-muted">
              {t('dashboard.oldest', { minutes: formatNumberVi(incidents.oldestMinutes) })}
            </span>
          ) : null}
        </Tile>
        <Tile
          link={k.link}
          title={t('dashboard.kpi', { minutes: k.targetMinutes, month: k.label })}
          value={k.share === null ? '—' : `${formatNumberVi(k.share * 100, 1)} %`}
          tone={k.share === null ? 'neutral' : k.share >= 0.9 ? 'good' : 'bad'}
        >
          <span className="dash-muted">
            {t('dashboard.kpiDetail', {
              reached: formatNumberVi(k.reached),
              incidents: formatNumberVi(k.incidents),
            })}
          </span>
        </Tile>
      </ul>
      {incidents.items.length > 0 ? (
        <ul className="plain-list dash-list">
          {incidents.items.map((i) => (
            <li key={i.id}>
              <To link={i.link}>
                <strong>{i.code}</strong> · {i.statusLabel}
              </To>
              <span className="dash-muted">{[i.placeText, i.adminUnitName].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function CountTiles({ tiles, badKeys }: { tiles: CountTile[]; badKeys: string[] }) {
  return (
    <ul className="plain-list dash-tiles">
      {tiles.map((x) => (
        <Tile
          key={x.key}
          link={x.link}
          title={x.label}
          value={formatNumberVi(x.value)}
          tone={badKeys.includes(x.key) && x.value > 0 ? 'bad' : 'neutral'}
          testId={`dash-count-${x.key}`}
        />
      ))}
    </ul>
  );
}

/** The unit's (or commune's) tasks: overdue, due soon, done this year, and the ones to act on. */
export function UnitTaskSection({ tasks }: { tasks: UnitTasks }) {
  const { t } = useTranslation();
  return (
    <Section id="dash-unit-tasks" title={t('dashboard.unitTasks')} more={tasks.link}>
      <CountTiles tiles={tasks.tiles} badKeys={['overdue']} />
      {tasks.items.length > 0 ? (
        <ul className="plain-list dash-list">
          {tasks.items.map((a) => (
            <li key={a.assignmentId}>
              <To link={a.link}>
                <span className="dash-path">{a.taskPath}</span> {a.taskTitle}
              </To>
              <span className={a.dueState === 'overdue' ? 'dash-bad dash-due' : 'dash-muted dash-due'}>
                {a.nextDueOn ? t('dashboard.dueOn', { date: formatDate(a.nextDueOn) }) : null}
                {a.dueState === 'overdue' ? ` · ${t('dashboard.overdue')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** The unit's (or commune's) periodic reports of the year. */
export function UnitReportSection({ reports }: { reports: UnitReports }) {
  const { t } = useTranslation();
  return (
    <Section
      id="dash-unit-reports"
      title={t('dashboard.unitReports', { year: reports.year })}
      more={reports.link}
    >
      <CountTiles tiles={reports.tiles} badKeys={['missing', 'late']} />
      {reports.items.length > 0 ? (
        <ul className="plain-list dash-list">
          {reports.items.map((r) => (
            <li key={`${r.scheduleTitle}|${r.periodLabel}|${r.unitName}`}>
              <To link={r.link}>
                {r.scheduleTitle} — {r.periodLabel}
              </To>
              <span className={r.timeliness === 'missing' ? 'dash-bad dash-due' : 'dash-muted dash-due'}>
                {t('dashboard.dueOn', { date: formatDate(r.dueOn) })}
                {r.timeliness === 'missing' ? ` · ${t('dashboard.daysLate', { days: r.daysLate })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** The unit's score in its campaign, its rank among the participants. */
export function EmulationSection({ emulation }: { emulation: Emulation | null }) {
  const { t } = useTranslation();
  if (!emulation) return null;
  return (
    <Section
      id="dash-emulation"
      title={t('dashboard.emulation')}
      more={emulation.link}
      moreLabel={t('dashboard.ranking')}
    >
      <p className="dash-muted dash-campaign">{emulation.name}</p>
      <ul className="plain-list dash-tiles">
        {emulation.units.map((u) => (
          <Tile
            key={u.orgUnitId}
            link={u.link}
            title={u.name}
            value={t('dashboard.score', {
              score: formatNumberVi(u.score, Number.isInteger(u.score) ? undefined : 1),
            })}
            testId={`dash-score-${u.orgUnitId}`}
          >
            <span>{t('dashboard.rank', { rank: u.rank, of: emulation.participants })}</span>
            <span className="dash-muted">{u.classification}</span>
          </Tile>
        ))}
      </ul>
    </Section>
  );
}
