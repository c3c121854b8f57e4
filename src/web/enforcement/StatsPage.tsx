/**
 * Thống kê vi phạm (/violations/stats): violations of a period by group and type against the same number of
 * days just before, and beside them the crashes whose cause those violations lead to.
 */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Card, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { DateRangeFilter, Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type Comparison, type ViolationStats, violationStatsQuery } from './api.ts';
import './enforcement.css';

const routeApi = getRouteApi('/_app/violations/stats');

/** "+12 (+8,3 %)", "−3 (−10,0 %)", "0"; no percent when the base was 0. */
export function ChangeText({ c }: { c: Comparison }) {
  const { t } = useTranslation();
  const sign = c.change > 0 ? '+' : '';
  const pct = c.percent === null ? '' : ` (${formatPercent(c.percent, { signed: true })})`;
  return (
    <span className={`enf-change enf-change-${c.direction}`}>
      <span className="sr-only">{t(`enforcement.direction.${c.direction}`)} </span>
      {`${sign}${formatNumber(c.change)}${pct}`}
    </span>
  );
}

type Row = { key: string; label: string; group: boolean; c: Comparison; children?: Row[] };

export function StatsPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const today = todayIso();
  const from = search.from ?? `${today.slice(0, 4)}-01-01`;
  const to = search.to ?? today;
  const query = useQuery(violationStatsQuery(from, to));
  const data = query.data;

  const countColumns = (label: string): ColumnsType<Row> => [
    {
      title: label,
      dataIndex: 'label',
      render: (v: string, r) => (r.group ? <strong>{v}</strong> : v),
    },
    {
      title: t('enforcement.stats.current'),
      key: 'current',
      align: 'right',
      render: (_, r) => formatNumber(r.c.current),
    },
    {
      title: t('enforcement.stats.previous'),
      key: 'previous',
      align: 'right',
      render: (_, r) => formatNumber(r.c.previous),
    },
    {
      title: t('enforcement.stats.change'),
      key: 'change',
      align: 'right',
      className: 'nowrap',
      render: (_, r) => <ChangeText c={r.c} />,
    },
  ];

  const rows = (d: ViolationStats): Row[] =>
    d.groups.map((g) => ({
      key: g.group,
      label: g.label,
      group: true,
      c: g.comparison,
      children: g.types.map((x) => ({
        key: `${g.group}:${x.typeCode}`,
        label: x.label,
        group: false,
        c: x.comparison,
      })),
    }));

  type CauseRow = ViolationStats['crashCauses'][number];
  const causeColumns: ColumnsType<CauseRow> = [
    { title: t('enforcement.stats.cause'), dataIndex: 'label' },
    {
      title: t('enforcement.stats.violations'),
      key: 'v',
      align: 'right',
      className: 'nowrap',
      render: (_, r) => (
        <>
          {formatNumber(r.violations.current)}
          <span className="cell-secondary">
            <ChangeText c={r.violations} />
          </span>
        </>
      ),
    },
    {
      title: t('enforcement.stats.crashes'),
      key: 'c',
      align: 'right',
      className: 'nowrap',
      render: (_, r) => (
        <>
          {formatNumber(r.crashes.current)}
          <span className="cell-secondary">
            <ChangeText c={r.crashes} />
          </span>
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('enforcement.stats.title')} intro={t('enforcement.stats.intro')} />
      <Filters>
        <DateRangeFilter
          id="enf-stats-period"
          legend={t('enforcement.period')}
          startLabel={t('enforcement.from')}
          endLabel={t('enforcement.to')}
          from={from}
          to={to}
          required
          onChange={(range) => void navigate({ search: range })}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!data && query.isPending ? <Skeleton active /> : null}
      {data ? (
        <>
          <p className="summary-line" aria-live="polite">
            {t('enforcement.stats.total', {
              n: formatNumber(data.total.current),
              from: formatDate(data.period.from),
              to: formatDate(data.period.to),
            })}{' '}
            <span className="muted">
              {t('enforcement.stats.against', {
                n: formatNumber(data.total.previous),
                from: formatDate(data.previous.from),
                to: formatDate(data.previous.to),
              })}{' '}
              <ChangeText c={data.total} />
            </span>
          </p>
          <Card
            className="page-section"
            title={
              <h2 className="card-title" id="enf-stats-groups">
                {t('enforcement.stats.byGroup')}
              </h2>
            }
          >
            <DataTable<Row>
              label={t('enforcement.stats.byGroup')}
              size="small"
              columns={countColumns(t('enforcement.stats.groupOrType'))}
              dataSource={rows(data)}
              expandable={{ defaultExpandAllRows: true }}
              pagination={false}
            />
          </Card>
          <Card
            className="page-section"
            title={
              <h2 className="card-title" id="enf-stats-causes">
                {t('enforcement.stats.byCause')}
              </h2>
            }
          >
            <p className="muted enf-help">{t('enforcement.stats.byCauseHelp')}</p>
            <DataTable<CauseRow>
              label={t('enforcement.stats.byCause')}
              rowKey="cause"
              size="small"
              columns={causeColumns}
              dataSource={data.crashCauses}
              pagination={false}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
