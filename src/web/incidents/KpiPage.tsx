/**
 * The 30-minute response KPI (/dispatch/kpi): the share of incidents reached within the target over a
 * period, by month (chart and table) and by commune, worst first — so whoever pulls the figure down is
 * visible — and the Excel file of the same figures.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, DatePicker, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { EChart } from '../platform/ui/EChart.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import { type KpiResult, type KpiRow, kpiExcelUrl, kpiQuery } from './api.ts';
import { worstFirst } from './kpi.ts';
import { defaultKpiPeriod } from './search.ts';
import './ui.tsx';

// The bar chart and its components are registered by crashes/charts.tsx; the line is ours.
// Only what this chart draws (the page no longer borrows the crash statistics' registrations).
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  AriaComponent,
  CanvasRenderer,
]);

const routeApi = getRouteApi('/_app/dispatch/kpi');

const shareText = (share: number | null) => (share == null ? '' : formatPercent(share * 100));

export function KpiPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const period = defaultKpiPeriod();
  const from = search.from ?? period.from;
  const to = search.to ?? period.to;
  const kpi = useQuery(kpiQuery(from, to));

  return (
    <>
      <PageHeader
        title={t('incidents.kpiTitle')}
        intro={t('incidents.kpiIntro')}
        extra={
          <Button icon={<FileExcelOutlined aria-hidden />} href={kpiExcelUrl(from, to)} download>
            {t('incidents.kpiExcel')}
          </Button>
        }
      />
      <search className="inc-controls" aria-label={t('incidents.period')}>
        <fieldset className="filter-fieldset">
          <legend className="inc-control-label">{t('incidents.period')}</legend>
          <label htmlFor="kpi-from" className="sr-only">
            {t('incidents.from')}
          </label>
          <label htmlFor="kpi-to" className="sr-only">
            {t('incidents.to')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'kpi-from', end: 'kpi-to' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) => {
              if (r?.[0] && r[1])
                void navigate({
                  search: { from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') },
                  replace: true,
                });
            }}
          />
        </fieldset>
      </search>
      {kpi.isError ? <QueryError error={kpi.error} onRetry={() => void kpi.refetch()} /> : null}
      {kpi.data ? <KpiBody data={kpi.data} /> : kpi.isPending ? <Skeleton active /> : null}
    </>
  );
}

function KpiBody({ data }: { data: KpiResult }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const total = data.total;
  const communes = useMemo(() => worstFirst(data.communes), [data.communes]);
  const target = formatNumber(data.targetMinutes);

  const columns: ColumnsType<KpiRow> = [
    { title: t('incidents.commune'), dataIndex: 'label' },
    {
      title: t('incidents.kpiIncidents'),
      dataIndex: 'incidents',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('incidents.kpiReached', { n: target }),
      dataIndex: 'reached',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('incidents.kpiShare'),
      dataIndex: 'share',
      align: 'right',
      className: 'nowrap',
      render: (v: number | null) => shareText(v) || t('common.none'),
    },
    {
      title: t('incidents.kpiMedian'),
      dataIndex: 'medianMinutes',
      align: 'right',
      render: (v: number | null) =>
        v == null ? t('common.none') : formatNumber(v, Number.isInteger(v) ? 0 : 1),
    },
  ];

  const option = useMemo(
    () => ({
      aria: { enabled: false },
      textStyle: { fontFamily: 'inherit' },
      animation: false,
      color: ['#0958d9', '#d46b08'],
      legend: { top: 0, data: [t('incidents.kpiShare'), t('incidents.kpiIncidents')] },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.months.map((m) => m.label), axisLabel: { color: '#262626' } },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { formatter: (v: number) => `${formatNumber(v)} %` },
        },
        {
          type: 'value',
          minInterval: 1,
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => formatNumber(v) },
        },
      ],
      series: [
        {
          name: t('incidents.kpiShare'),
          type: 'bar',
          barMaxWidth: 28,
          data: data.months.map((m) => (m.share == null ? null : Math.round(m.share * 1000) / 10)),
          tooltip: { valueFormatter: (v: unknown) => (v == null ? '' : formatPercent(Number(v))) },
        },
        {
          name: t('incidents.kpiIncidents'),
          type: 'line',
          yAxisIndex: 1,
          data: data.months.map((m) => m.incidents),
          tooltip: { valueFormatter: (v: unknown) => formatNumber(Number(v)) },
        },
      ],
    }),
    [data.months, t],
  );

  return (
    <>
      <div className="inc-kpi-head">
        <div className="inc-kpi-figure" data-testid="kpi-share">
          <span className="inc-kpi-value">{shareText(total.share) || t('common.none')}</span>
          <span className="inc-kpi-caption">{t('incidents.kpiCaption', { n: target })}</span>
        </div>
        <p className="inc-kpi-sentence">
          {total.incidents > 0
            ? t('incidents.kpiSentence', {
                reached: formatNumber(total.reached),
                incidents: formatNumber(total.incidents),
                n: target,
                from: formatDate(data.from),
                to: formatDate(data.to),
              })
            : t('incidents.kpiNone', { from: formatDate(data.from), to: formatDate(data.to) })}
          {total.medianMinutes != null
            ? ` ${t('incidents.kpiMedianSentence', { m: formatNumber(total.medianMinutes, Number.isInteger(total.medianMinutes) ? 0 : 1) })}`
            : ''}
        </p>
      </div>

      <section className="page-section" aria-labelledby="kpi-months">
        <h2 className="section-title" id="kpi-months">
          {t('incidents.kpiByMonth')}
        </h2>
        {data.months.length > 0 ? (
          <EChart option={option} label={t('incidents.kpiChartLabel')} height={isPhone ? 260 : 320} />
        ) : null}
        <DataTable<KpiRow>
          label={t('incidents.kpiByMonth')}
          rowKey="key"
          columns={[{ ...columns[0]!, title: t('incidents.month') }, ...columns.slice(1)]}
          dataSource={data.months}
          pagination={false}
          size="small"
        />
      </section>

      <section className="page-section" aria-labelledby="kpi-communes">
        <h2 className="section-title" id="kpi-communes">
          {t('incidents.kpiByCommune')}
        </h2>
        <p className="muted">{t('incidents.kpiByCommuneHelp')}</p>
        <DataTable<KpiRow>
          label={t('incidents.kpiByCommune')}
          rowKey="key"
          columns={columns}
          dataSource={communes}
          pagination={false}
        />
      </section>
    </>
  );
}
