/**
 * The consolidated figures of a schedule's period (số liệu tổng hợp): the crash situation against the same
 * period with what drove a rise, by commune, route and cause; the indicators the units reported; what they
 * wrote in each section; the progress of the plan's tasks. From here the office generates the draft review
 * report.
 */
import { FileAddOutlined, TableOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Skeleton, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type Consolidation,
  type CriteriaRow,
  consolidationQuery,
  createReview,
  type IndicatorTotal,
  reportPermissions,
  reviewQuery,
  type TaskProgressRow,
} from './api.ts';
import {
  Change,
  CountCards,
  periodRange,
  SchedulePeriodFilters,
  SchedulePeriodPageButton,
  useSchedulePeriodSearch,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/reports/consolidation');

const CRITERIA = ['crashes', 'deaths', 'injured'] as const;

/** The crash tables of the consolidation, in order: by commune, by route, by cause. */
const CRITERIA_TABLES = [
  { by: 'byCommune', label: 'reports.consolidation.byCommune', keyHeading: 'reports.consolidation.commune' },
  { by: 'byRoute', label: 'reports.consolidation.byRoute', keyHeading: 'reports.consolidation.route' },
  { by: 'byCause', label: 'reports.consolidation.byCause', keyHeading: 'reports.consolidation.cause' },
] as const;

export function ConsolidationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const goTo = useNavigate();
  const queryClient = useQueryClient();
  const { state, pick } = useSchedulePeriodSearch(search, navigate);
  const data = useQuery({
    ...consolidationQuery(state.scheduleId ?? 0, state.periodKey ?? ''),
    enabled: Boolean(state.scheduleId && state.periodKey),
  });

  const create = useMutation({
    mutationFn: () => createReview(state.scheduleId ?? 0, state.periodKey ?? ''),
    onSuccess: async (review) => {
      queryClient.setQueryData(reviewQuery(review.id).queryKey, review);
      void queryClient.invalidateQueries({ queryKey: ['review-reports', 'list'] });
      void message.success(t('reports.consolidation.reviewCreated'));
      await goTo({ to: '/reviews/$reviewId', params: { reviewId: String(review.id) } });
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });

  const c = data.data;
  return (
    <>
      <PageHeader
        title={t('reports.consolidation.title')}
        intro={t('reports.consolidation.intro')}
        extra={
          state.scheduleId && state.periodKey ? (
            <>
              <SchedulePeriodPageButton
                to="/reports/board"
                year={search.year}
                state={state}
                icon={<TableOutlined aria-hidden />}
              >
                {t('reports.consolidation.toBoard')}
              </SchedulePeriodPageButton>
              {reportPermissions.manage(user.role) ? (
                <Button
                  type="primary"
                  icon={<FileAddOutlined aria-hidden />}
                  loading={create.isPending}
                  disabled={!c}
                  onClick={() => create.mutate()}
                >
                  {t('reports.consolidation.createReview')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <SchedulePeriodFilters state={state} onChange={pick} />
      {data.isError ? <QueryError error={data.error} onRetry={() => void data.refetch()} /> : null}
      {c ? (
        <ConsolidationView c={c} />
      ) : data.isPending && state.scheduleId && state.periodKey ? (
        <Skeleton active />
      ) : null}
    </>
  );
}

function ConsolidationView({ c }: { c: Consolidation }) {
  const { t } = useTranslation();
  const current = c.period.label;
  const previous = t('reports.consolidation.samePeriod', { year: c.crashes.previousYear });
  return (
    <>
      <p className="summary-line">
        {t('reports.board.periodLine', { label: c.period.label, range: periodRange(c.period) })}
      </p>
      <CountCards counts={c.counts} />

      <SectionCard id="rp-crashes" title={t('reports.consolidation.crashes')}>
        <p className="rp-sentence" data-testid="crash-sentence">
          {c.crashes.sentence}
        </p>
        {c.crashes.drivers ? (
          <p className="rp-sentence" data-testid="crash-drivers">
            {c.crashes.drivers}
          </p>
        ) : (
          <p className="muted">{t('reports.consolidation.noRise')}</p>
        )}
        {CRITERIA_TABLES.map(({ by, label, keyHeading }) => (
          <CriteriaTable
            key={by}
            label={t(label)}
            keyHeading={t(keyHeading)}
            rows={c.crashes[by]}
            total={c.crashes.total}
            current={current}
            previous={previous}
          />
        ))}
      </SectionCard>

      <SectionCard id="rp-indicators" title={t('reports.consolidation.indicators')}>
        <IndicatorTable rows={c.indicators} />
      </SectionCard>

      <SectionCard id="rp-narratives" title={t('reports.consolidation.narratives')}>
        {c.sections.length === 0 ? <p className="muted">{t('reports.consolidation.noSections')}</p> : null}
        {c.sections.map((s) => (
          <section key={s.code} className="page-section" aria-labelledby={`rp-sec-${s.code}`}>
            <h3 className="rp-legend" id={`rp-sec-${s.code}`}>
              {s.title}{' '}
              <span className="muted">
                ({t('reports.consolidation.entries', { n: formatNumber(s.entries.length) })})
              </span>
            </h3>
            {s.entries.length === 0 ? (
              <p className="muted">{t('reports.consolidation.noEntries')}</p>
            ) : (
              <ul className="rp-entries">
                {s.entries.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a unit may write twice (two schedules)
                  <li key={`${e.unitName}-${i}`}>
                    <strong>{e.unitName}</strong>
                    <p>{e.text}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </SectionCard>

      <SectionCard id="rp-tasks" title={t('reports.consolidation.tasks')}>
        <TaskSummary tasks={c.tasks} />
      </SectionCard>
    </>
  );
}

/** A card of the consolidation under its h2, the id being the heading's (the page's in-page anchors). */
function SectionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id={id}>
          {title}
        </h2>
      }
    >
      {children}
    </Card>
  );
}

type CriteriaRecord = CriteriaRow & { isTotal?: boolean };

function CriteriaTable({
  label,
  keyHeading,
  rows,
  total,
  current,
  previous,
}: {
  label: string;
  keyHeading: string;
  rows: CriteriaRow[];
  total: CriteriaRow;
  current: string;
  previous: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const data: CriteriaRecord[] = useMemo(
    () =>
      rows.length
        ? [...rows, { ...total, key: '__total', label: t('reports.consolidation.total'), isTotal: true }]
        : [],
    [rows, total, t],
  );
  const columns: ColumnsType<CriteriaRecord> = [
    {
      title: keyHeading,
      dataIndex: 'label',
      fixed: 'left',
      render: (v: string, r) => (r.isTotal ? <strong>{v}</strong> : v),
    },
    ...CRITERIA.map((k) => ({
      title: t(`reports.criteria.${k}`),
      key: k,
      children: [
        {
          title: current,
          key: `${k}-current`,
          align: 'right' as const,
          render: (_: unknown, r: CriteriaRecord) => formatNumber(r.current[k]),
        },
        {
          title: previous,
          key: `${k}-previous`,
          align: 'right' as const,
          render: (_: unknown, r: CriteriaRecord) => formatNumber(r.previous[k]),
        },
        {
          title: t('reports.consolidation.change'),
          key: `${k}-change`,
          align: 'right' as const,
          render: (_: unknown, r: CriteriaRecord) => (
            <Change current={r.current[k]} previous={r.previous[k]} />
          ),
        },
      ],
    })),
  ];
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h3 className="rp-legend" id={headingId}>
        {label}
      </h3>
      <DataTable<CriteriaRecord>
        label={label}
        columns={columns}
        dataSource={data}
        rowKey="key"
        pagination={false}
        size="small"
        bordered
        locale={{ emptyText: t('reports.consolidation.noCrashes') }}
        rowClassName={(r) => (r.isTotal ? 'rp-group-row' : '')}
      />
    </section>
  );
}

type IndicatorRecord = IndicatorTotal & { heading?: string };

function IndicatorTable({ rows }: { rows: IndicatorTotal[] }) {
  const { t } = useTranslation();
  // Rows under their group's heading, in the form's order.
  const data = useMemo(() => {
    const out: IndicatorRecord[] = [];
    let group: string | null | undefined;
    for (const r of rows) {
      if (r.group && r.group !== group) out.push({ ...r, code: `__group_${out.length}`, heading: r.group });
      group = r.group;
      out.push(r);
    }
    return out;
  }, [rows]);
  const columns: ColumnsType<IndicatorRecord> = [
    {
      title: t('reports.consolidation.indicator'),
      key: 'label',
      onCell: (r) => (r.heading ? { colSpan: 6 } : {}),
      render: (_, r) => (r.heading ? <strong>{r.heading}</strong> : r.label),
    },
    {
      title: t('reports.consolidation.unitOfMeasure'),
      dataIndex: 'unit',
      onCell: (r) => (r.heading ? { colSpan: 0 } : {}),
    },
    {
      title: t('reports.consolidation.agencies'),
      key: 'agencies',
      align: 'right',
      onCell: (r) => (r.heading ? { colSpan: 0 } : {}),
      render: (_, r) => formatNumber(r.agencies),
    },
    {
      title: t('reports.consolidation.communes'),
      key: 'communes',
      align: 'right',
      onCell: (r) => (r.heading ? { colSpan: 0 } : {}),
      render: (_, r) => formatNumber(r.communes),
    },
    {
      title: t('reports.consolidation.total'),
      key: 'total',
      align: 'right',
      onCell: (r) => (r.heading ? { colSpan: 0 } : {}),
      render: (_, r) => <strong>{formatNumber(r.total)}</strong>,
    },
    {
      title: t('reports.consolidation.reporting'),
      key: 'reporting',
      align: 'right',
      onCell: (r) => (r.heading ? { colSpan: 0 } : {}),
      render: (_, r) => formatNumber(r.reporting),
    },
  ];
  return (
    <DataTable<IndicatorRecord>
      label={t('reports.consolidation.indicators')}
      columns={columns}
      dataSource={data}
      rowKey="code"
      pagination={false}
      size="small"
      locale={{ emptyText: t('reports.consolidation.noIndicators') }}
      rowClassName={(r) => (r.heading ? 'rp-group-row' : '')}
    />
  );
}

function TaskSummary({ tasks }: { tasks: Consolidation['tasks'] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TaskProgressRow> = [
    { title: t('reports.consolidation.taskPath'), dataIndex: 'path', className: 'nowrap' },
    { title: t('reports.consolidation.taskTitle'), dataIndex: 'title' },
    { title: t('reports.consolidation.leadUnits'), dataIndex: 'leadUnits' },
    {
      title: t('reports.status'),
      key: 'status',
      render: (_, r) => (
        <>
          {r.status}
          {r.overdue ? (
            <>
              {' '}
              <Tag className="tag-danger">{t('reports.consolidation.overdue')}</Tag>
            </>
          ) : null}
        </>
      ),
    },
    {
      title: t('reports.consolidation.percent'),
      key: 'percent',
      align: 'right',
      render: (_, r) => `${formatNumber(r.percent)} %`,
    },
    {
      title: t('reports.dueOn'),
      key: 'dueOn',
      className: 'nowrap',
      render: (_, r) => (r.dueOn ? <time dateTime={r.dueOn}>{formatDate(r.dueOn)}</time> : t('common.none')),
    },
  ];
  if (tasks.planId === null && tasks.total === 0)
    return <p className="muted">{t('reports.consolidation.noPlan')}</p>;
  return (
    <>
      <p>
        {tasks.planId && tasks.planNumber ? (
          <>
            {t('reports.consolidation.inPlan')}{' '}
            <Link to="/plans/$planId" params={{ planId: String(tasks.planId) }} className="rp-inline-link">
              {tasks.planNumber}
            </Link>
            {': '}
          </>
        ) : null}
        {t('reports.consolidation.taskCounts', {
          total: formatNumber(tasks.total),
          done: formatNumber(tasks.done),
          inProgress: formatNumber(tasks.inProgress),
          notStarted: formatNumber(tasks.notStarted),
          overdue: formatNumber(tasks.overdue),
        })}
      </p>
      <DataTable<TaskProgressRow>
        label={t('reports.consolidation.tasks')}
        columns={columns}
        dataSource={tasks.rows}
        rowKey={(r) => `${r.path}|${r.title}`}
        pagination={tasks.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        size="small"
        rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
      />
    </>
  );
}
