/**
 * Thống kê tuyên truyền (/propaganda/stats): sessions and people reached in a period — totals, a bar chart by
 * unit or by channel, and tables by unit, channel, audience and month — with the Excel download.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Radio, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { EChart } from '../platform/ui/EChart.tsx';
import { DateRangeFilter, FilterSelect, Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import { orgUnitsQuery, type PropagandaStats, statsExcelUrl, statsQuery } from './api.ts';
import { barOption } from './charts.tsx';
import { useCodeLabels } from './ui.tsx';
import './propaganda.css';

const routeApi = getRouteApi('/_app/propaganda/stats');

type Row = { key: string; label: string; sessions: number; participants: number };

export function StatsPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const today = todayIso();
  const from = search.from ?? `${today.slice(0, 4)}-01-01`;
  const to = search.to ?? today;
  const query = useQuery(statsQuery(from, to, search.orgUnitId));
  const units = useQuery(orgUnitsQuery());

  return (
    <>
      <PageHeader
        title={t('propaganda.stats.title')}
        intro={t('propaganda.stats.intro')}
        extra={
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            href={statsExcelUrl(from, to, search.orgUnitId)}
            download
          >
            {t('propaganda.stats.excel')}
          </Button>
        }
      />
      <Filters>
        <DateRangeFilter
          id="prop-stats-period"
          legend={t('propaganda.period')}
          startLabel={t('propaganda.from')}
          endLabel={t('propaganda.to')}
          from={from}
          to={to}
          required
          onChange={(range) => void navigate({ search: (prev) => ({ ...prev, ...range }) })}
        />
        <FilterSelect<number>
          label={t('propaganda.orgUnit')}
          allLabel={t('propaganda.allUnits')}
          value={search.orgUnitId}
          onChange={(orgUnitId) => void navigate({ search: (prev) => ({ ...prev, orgUnitId }) })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!query.data && query.isPending ? <Skeleton active /> : null}
      {query.data ? <StatsBody data={query.data} /> : null}
    </>
  );
}

function StatsBody({ data }: { data: PropagandaStats }) {
  const { t } = useTranslation();
  const labels = useCodeLabels();
  const compact = useIsPhone();
  const [by, setBy] = useState<'unit' | 'channel'>('unit');
  const tot = data.totals;

  const byUnit: Row[] = data.byUnit.map((u) => ({ key: String(u.orgUnitId), label: u.name, ...u }));
  const byChannel: Row[] = data.byChannel.map((c) => ({ ...c, key: c.code, label: labels.channel(c.code) }));
  const byAudience: Row[] = data.byAudience.map((a) => ({
    ...a,
    key: a.code,
    label: labels.audience(a.code),
  }));
  const byMonth: Row[] = data.byMonth.map((m) => ({
    key: m.month,
    label: `${m.month.slice(5)}/${m.month.slice(0, 4)}`,
    ...m,
  }));

  const chartRows = (by === 'unit' ? byUnit.slice(0, 15) : byChannel).filter((r) => r.sessions > 0);
  const option = barOption({
    categories: chartRows.map((r) => r.label),
    values: chartRows.map((r) => r.sessions),
    name: t('propaganda.stats.sessions'),
    compact,
  });

  const columns = (first: string): ColumnsType<Row> => [
    { title: first, dataIndex: 'label' },
    {
      title: t('propaganda.stats.sessions'),
      dataIndex: 'sessions',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('propaganda.stats.participants'),
      dataIndex: 'participants',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
  ];
  const table = (id: string, title: string, first: string, rows: Row[], help?: string) => (
    <Card
      className="page-section"
      title={
        <h2 className="card-title" id={id}>
          {title}
        </h2>
      }
    >
      {help ? <p className="muted">{help}</p> : null}
      <DataTable<Row>
        label={title}
        size="small"
        columns={columns(first)}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('propaganda.stats.none') }}
      />
    </Card>
  );

  return (
    <>
      <p className="summary-line" aria-live="polite">
        {t('propaganda.stats.line', {
          from: formatDate(data.period.from),
          to: formatDate(data.period.to),
          unit: data.orgUnit ? ` — ${data.orgUnit.name}` : '',
        })}
      </p>
      <dl className="prop-totals">
        <div>
          <dt>{t('propaganda.stats.sessions')}</dt>
          <dd>{formatNumber(tot.sessions)}</dd>
        </div>
        <div>
          <dt>{t('propaganda.stats.participants')}</dt>
          <dd>{formatNumber(tot.participants)}</dd>
        </div>
        <div>
          <dt>{t('propaganda.stats.materials')}</dt>
          <dd>{formatNumber(tot.materials)}</dd>
        </div>
        <div>
          <dt>{t('propaganda.stats.units')}</dt>
          <dd>{formatNumber(tot.units)}</dd>
        </div>
      </dl>
      <Card
        className="page-section"
        title={
          <h2 className="card-title" id="prop-stats-chart">
            {t('propaganda.stats.chart')}
          </h2>
        }
      >
        <Radio.Group
          className="prop-chart-switch"
          optionType="button"
          value={by}
          onChange={(e) => setBy(e.target.value as 'unit' | 'channel')}
          options={[
            { value: 'unit', label: t('propaganda.stats.byUnit') },
            { value: 'channel', label: t('propaganda.stats.byChannel') },
          ]}
          aria-label={t('propaganda.stats.chartBy')}
        />
        {chartRows.length ? (
          <EChart
            option={option}
            height={Math.max(160, chartRows.length * 30 + 40)}
            label={t('propaganda.stats.chartLabel', {
              by: (by === 'unit'
                ? t('propaganda.stats.byUnit')
                : t('propaganda.stats.byChannel')
              ).toLowerCase(),
              items: chartRows.map((r) => `${r.label}: ${formatNumber(r.sessions)}`).join('; '),
            })}
          />
        ) : (
          <p className="muted">{t('propaganda.stats.none')}</p>
        )}
      </Card>
      {table('prop-stats-units', t('propaganda.stats.byUnit'), t('propaganda.orgUnit'), byUnit)}
      {table('prop-stats-channels', t('propaganda.stats.byChannel'), t('propaganda.channel'), byChannel)}
      {table(
        'prop-stats-audiences',
        t('propaganda.stats.byAudience'),
        t('propaganda.audiences.label'),
        byAudience,
        t('propaganda.stats.byAudienceHelp'),
      )}
      {table('prop-stats-months', t('propaganda.stats.byMonth'), t('propaganda.stats.month'), byMonth)}
    </>
  );
}
