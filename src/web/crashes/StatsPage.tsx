import { CopyOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Button, Card, Checkbox, DatePicker, Segmented, Select, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { EChart } from '../platform/ui/EChart.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  BREAKDOWNS,
  type Breakdown,
  CRITERIA,
  type Criterion,
  crashStatsQuery,
  crashTargetsQuery,
  type StatsParams,
  type StatsResult,
  type StatsRow,
  statsExportUrl,
  type TargetStatus,
} from './api.ts';
import { barOption, heatmapOption } from './charts.tsx';
import { HealthPanel } from './HealthPanel.tsx';
import {
  defaultPeriod,
  maxIndex,
  PERIOD_KINDS,
  type PeriodKind,
  type PeriodParts,
  parsePeriod,
  periodSpec,
} from './search.ts';
import { ChangeText, KpiCards } from './ui.tsx';

const routeApi = getRouteApi('/_app/crashes/stats');

const DEFAULT_BY: Breakdown = 'commune';
/** Bars shown at most; the table has every row. */
const MAX_BARS = 15;
const ROMAN = ['I', 'II', 'III', 'IV'];
/** Monday first, as Vietnamese calendars are; keys use 0 = Sunday. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export function StatsPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const period = search.period ?? defaultPeriod();
  const parts = parsePeriod(period) ?? parsePeriod(defaultPeriod())!;
  const by: Breakdown = search.by ?? DEFAULT_BY;
  const params: StatsParams = { period, by, verified: search.verified === 'all' ? 'all' : 'true' };
  const stats = useQuery(crashStatsQuery(params));

  const setSearch = (patch: Partial<{ period: string; by: Breakdown; verified: 'all' | undefined }>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        intro={t('stats.intro')}
        extra={
          <Button icon={<FileExcelOutlined aria-hidden />} href={statsExportUrl(params)} download>
            {t('stats.exportExcel')}
          </Button>
        }
      />
      <search className="stats-controls" aria-label={t('stats.controls')}>
        <PeriodPicker value={parts} onChange={(p) => setSearch({ period: periodSpec(p) })} />
        <div className="stats-control">
          <label htmlFor="stats-by" className="control-label">
            {t('stats.by')}
          </label>
          <Select<Breakdown>
            id="stats-by"
            className="stats-by"
            value={by}
            onChange={(v) => setSearch({ by: v })}
            popupMatchSelectWidth={false}
            options={BREAKDOWNS.map((b) => ({ value: b, label: t(`stats.breakdowns.${b}`) }))}
          />
        </div>
        <Checkbox
          className="stats-verified"
          checked={params.verified === 'true'}
          onChange={(e) => setSearch({ verified: e.target.checked ? undefined : 'all' })}
        >
          {t('stats.verifiedOnly')}
        </Checkbox>
      </search>

      {stats.isError ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data ? (
        <StatsBody data={stats.data} by={by} loading={stats.isFetching} />
      ) : stats.isPending ? (
        <Skeleton active />
      ) : null}

      <TargetsPanel year={parts.kind === 'range' ? Number(parts.from!.slice(0, 4)) : parts.year} />
      <HealthPanel period={period} />
    </>
  );
}

// ───────────── Period picker ─────────────

function PeriodPicker({ value, onChange }: { value: PeriodParts; onChange: (p: PeriodParts) => void }) {
  const { t } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);
  const indexOptions = (kind: PeriodKind) =>
    Array.from({ length: maxIndex(kind) }, (_, i) => i + 1).map((n) => ({
      value: n,
      label:
        kind === 'month'
          ? t('stats.monthN', { n })
          : kind === 'quarter'
            ? t('stats.quarterN', { n: ROMAN[n - 1] })
            : t(n === 1 ? 'stats.halfFirst' : 'stats.halfSecond'),
    }));

  const setKind = (kind: PeriodKind) => {
    if (kind === 'range') {
      const from = value.kind === 'range' ? value.from! : `${value.year}-01-01`;
      const today = todayIso();
      const to =
        value.kind === 'range'
          ? value.to!
          : today.startsWith(String(value.year))
            ? today
            : `${value.year}-12-31`;
      onChange({ ...value, kind, from, to, reporting: false });
      return;
    }
    onChange({ ...value, kind, index: Math.min(value.index, maxIndex(kind)) });
  };

  return (
    <fieldset className="stats-period filter-fieldset">
      <legend className="control-label">{t('stats.period')}</legend>
      <div className="stats-period-row">
        <Select<PeriodKind>
          aria-label={t('stats.periodKind')}
          className="period-kind"
          value={value.kind}
          onChange={setKind}
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`stats.periodKinds.${k}`) }))}
        />
        {value.kind === 'range' ? (
          <>
            <label htmlFor="stats-from" className="sr-only">
              {t('crashes.periodStart')}
            </label>
            <label htmlFor="stats-to" className="sr-only">
              {t('crashes.periodEnd')}
            </label>
            <DatePicker.RangePicker
              id={{ start: 'stats-from', end: 'stats-to' }}
              format="DD/MM/YYYY"
              allowClear={false}
              value={[dayjs(value.from), dayjs(value.to)]}
              onChange={(r) => {
                if (r?.[0] && r[1])
                  onChange({ ...value, from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') });
              }}
            />
          </>
        ) : (
          <>
            {value.kind === 'month' || value.kind === 'quarter' || value.kind === 'half' ? (
              <Select<number>
                aria-label={t(`stats.indexLabel.${value.kind}`)}
                className="period-index"
                value={value.index}
                onChange={(index) => onChange({ ...value, index })}
                options={indexOptions(value.kind)}
              />
            ) : null}
            <Select<number>
              aria-label={t('stats.year')}
              className="period-year"
              value={value.year}
              onChange={(year) => onChange({ ...value, year })}
              options={years.map((y) => ({ value: y, label: t('stats.yearN', { n: y }) }))}
            />
          </>
        )}
      </div>
      {value.kind !== 'range' ? (
        <Segmented<'calendar' | 'reporting'>
          className="period-basis"
          aria-label={t('stats.basis')}
          value={value.reporting ? 'reporting' : 'calendar'}
          onChange={(v) => onChange({ ...value, reporting: v === 'reporting' })}
          options={[
            { value: 'calendar', label: t('stats.basisCalendar') },
            { value: 'reporting', label: t('stats.basisReporting') },
          ]}
        />
      ) : null}
    </fieldset>
  );
}

// ───────────── Results ─────────────

function StatsBody({ data, by, loading }: { data: StatsResult; by: Breakdown; loading: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [criterion, setCriterion] = useState<Criterion>('crashes');
  const isPhone = useIsPhone();
  const periodText = `${data.period.label} (${formatDate(data.period.from)} – ${formatDate(data.period.to)})`;
  const previousText = `${data.previous.label} (${formatDate(data.previous.from)} – ${formatDate(data.previous.to)})`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(data.sentence);
      void message.success(t('stats.copied'));
    } catch {
      void message.error(t('stats.copyFailed'));
    }
  };

  return (
    <div aria-busy={loading || undefined}>
      <Card
        className="page-section stats-sentence-card"
        title={
          <h2 className="card-title" id="stats-sentence">
            {t('stats.summaryTitle', { period: data.period.label })}
          </h2>
        }
        extra={
          <Button size="small" icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
            {t('stats.copy')}
          </Button>
        }
      >
        <p className="stats-sentence" data-testid="stats-sentence">
          {data.sentence}
        </p>
        <p className="muted stats-periods">
          {t('stats.periodLine', { current: periodText, previous: previousText })}
          {' · '}
          {data.verifiedOnly ? t('stats.verifiedOnlyNote') : t('stats.allRecordsNote')}
        </p>
      </Card>

      <section className="page-section" aria-labelledby="stats-kpi">
        <h2 className="section-title" id="stats-kpi">
          {t('stats.kpiTitle')}
        </h2>
        <KpiCards row={data.total} previousLabel={data.previous.label} />
      </section>

      {by !== 'none' && data.rows.length > 0 ? (
        <section className="page-section" aria-labelledby="stats-chart">
          <div className="section-head">
            <h2 className="section-title" id="stats-chart">
              {by === 'hour_weekday'
                ? t('stats.heatmapTitle')
                : t('stats.chartTitle', { by: t(`stats.breakdowns.${by}`) })}
            </h2>
            <Segmented<Criterion>
              aria-label={t('stats.chartCriterion')}
              value={criterion}
              onChange={setCriterion}
              options={CRITERIA.map((k) => ({ value: k, label: t(`stats.criteria.${k}`) }))}
            />
          </div>
          <Card>
            {by === 'hour_weekday' ? (
              <Heatmap rows={data.rows} criterion={criterion} />
            ) : (
              <Bars data={data} criterion={criterion} compact={isPhone} />
            )}
          </Card>
        </section>
      ) : null}

      <StatsTable data={data} by={by} />
    </div>
  );
}

function Bars({ data, criterion, compact }: { data: StatsResult; criterion: Criterion; compact: boolean }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      [...data.rows]
        .sort(
          (a, b) =>
            b.current[criterion] - a.current[criterion] || b.previous[criterion] - a.previous[criterion],
        )
        .slice(0, MAX_BARS),
    [data.rows, criterion],
  );
  const option = useMemo(
    () =>
      barOption({
        categories: rows.map((r) => r.label),
        current: rows.map((r) => r.current[criterion]),
        previous: rows.map((r) => r.previous[criterion]),
        currentName: data.period.label,
        previousName: data.previous.label,
        compact,
      }),
    [rows, criterion, data.period.label, data.previous.label, compact],
  );
  const label = t('stats.chartLabel', {
    criterion: t(`stats.criteria.${criterion}`),
    current: data.period.label,
    previous: data.previous.label,
    count: rows.length,
  });
  return (
    <>
      <EChart option={option} label={label} height={Math.max(180, rows.length * 34 + 60)} />
      {data.rows.length > MAX_BARS ? (
        <p className="muted chart-note">
          {t('stats.chartTop', { count: MAX_BARS, total: data.rows.length })}
        </p>
      ) : null}
    </>
  );
}

function Heatmap({ rows, criterion }: { rows: StatsRow[]; criterion: Criterion }) {
  const { t } = useTranslation();
  const days = WEEK_ORDER.map((d) => t(`stats.weekdays.${d}` as 'stats.weekdays.0'));
  const hours = Array.from({ length: 24 }, (_, h) => `${h}h`);
  const option = useMemo(() => {
    const data: [number, number, number][] = [];
    for (const r of rows) {
      const [d, h] = r.key.split('-').map(Number);
      if (d === undefined || h === undefined || Number.isNaN(d) || Number.isNaN(h)) continue;
      data.push([h, WEEK_ORDER.indexOf(d), r.current[criterion]]);
    }
    return heatmapOption({ hours, days, data, valueName: t(`stats.units.${criterion}`) });
  }, [rows, criterion, hours, days, t]);
  return (
    <EChart
      option={option}
      label={t('stats.heatmapLabel', { criterion: t(`stats.criteria.${criterion}`) })}
      height={340}
    />
  );
}

function StatsTable({ data, by }: { data: StatsResult; by: Breakdown }) {
  const { t } = useTranslation();
  const rows = by === 'none' || data.rows.length === 0 ? [data.total] : data.rows;
  const showTotal = by !== 'none' && data.rows.length > 0;
  const columns: ColumnsType<StatsRow> = [
    {
      title: by === 'none' ? t('stats.scope') : t(`stats.breakdowns.${by}`),
      dataIndex: 'label',
      fixed: 'left',
      render: (v: string) => <span className="stats-label">{v}</span>,
    },
    ...CRITERIA.map((k) => ({
      title: t(`stats.criteria.${k}`),
      key: k,
      children: [
        {
          title: t('stats.current'),
          key: `${k}-current`,
          align: 'right' as const,
          render: (_: unknown, r: StatsRow) => formatNumber(r.current[k]),
        },
        {
          title: t('stats.previousShort'),
          key: `${k}-previous`,
          align: 'right' as const,
          render: (_: unknown, r: StatsRow) => formatNumber(r.previous[k]),
        },
        {
          title: t('stats.change'),
          key: `${k}-change`,
          className: 'nowrap',
          render: (_: unknown, r: StatsRow) => <ChangeText change={r.change[k]} short />,
        },
      ],
    })),
  ];
  return (
    <section className="page-section" aria-labelledby="stats-table">
      <h2 className="section-title" id="stats-table">
        {t('stats.tableTitle')}
      </h2>
      <DataTable<StatsRow>
        label={t('stats.tableTitle')}
        rowKey="key"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        summary={
          showTotal
            ? () => (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="stats-total-row">
                    <Table.Summary.Cell index={0}>
                      <strong>{data.total.label}</strong>
                    </Table.Summary.Cell>
                    {CRITERIA.flatMap((k, i) => [
                      <Table.Summary.Cell key={`${k}-c`} index={1 + i * 3} align="right">
                        <strong>{formatNumber(data.total.current[k])}</strong>
                      </Table.Summary.Cell>,
                      <Table.Summary.Cell key={`${k}-p`} index={2 + i * 3} align="right">
                        <strong>{formatNumber(data.total.previous[k])}</strong>
                      </Table.Summary.Cell>,
                      <Table.Summary.Cell key={`${k}-x`} index={3 + i * 3} className="nowrap">
                        <strong>
                          <ChangeText change={data.total.change[k]} short />
                        </strong>
                      </Table.Summary.Cell>,
                    ])}
                  </Table.Summary.Row>
                </Table.Summary>
              )
            : undefined
        }
      />
      {by === 'vehicle' ? <p className="muted">{t('stats.vehicleNote')}</p> : null}
    </section>
  );
}

// ───────────── Targets ─────────────

const STATUS_CLASS: Record<TargetStatus, string> = {
  on_track: 'tag-ok',
  at_risk: 'tag-warning',
  off_track: 'tag-danger',
};

function TargetsPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const targets = useQuery(crashTargetsQuery(year));
  return (
    <section className="page-section" aria-labelledby="stats-targets">
      <h2 className="section-title" id="stats-targets">
        {t('stats.targetsTitle', { year })}
      </h2>
      {targets.isError ? (
        <QueryError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : !targets.data ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Card>
          <p className="muted" style={{ marginTop: 0 }}>
            {targets.data.plan ? (
              <>
                {t('stats.targetsPlan')}{' '}
                <Link to="/plans/$planId" params={{ planId: String(targets.data.plan.id) }}>
                  {targets.data.plan.number}
                </Link>
                {'. '}
              </>
            ) : (
              `${t('stats.targetsNoPlan', { year })} `
            )}
            {t('stats.targetsAsOf', { date: formatDate(targets.data.asOf) })}
          </p>
          <ul className="target-grid plain-list">
            {targets.data.indicators.map((x) => (
              <li key={x.indicator} className="target-card">
                <h3 className="kpi-title">{t(`stats.criteria.${x.indicator}`)}</h3>
                <dl className="kv-grid">
                  <dt>{t('stats.ytd')}</dt>
                  <dd>{formatNumber(x.ytd)}</dd>
                  <dt>{t('stats.previousYtd')}</dt>
                  <dd>{formatNumber(x.previousYtd)}</dd>
                  <dt>{t('stats.previousYear', { year: year - 1 })}</dt>
                  <dd>{formatNumber(x.previousYear)}</dd>
                  <dt>{t('stats.projected', { year })}</dt>
                  <dd>
                    <strong>{formatNumber(Math.round(x.projected))}</strong>
                  </dd>
                  {x.target ? (
                    <>
                      <dt>{t('stats.target')}</dt>
                      <dd>
                        {x.target.description}
                        <span className="cell-secondary">
                          {x.target.targetValueMin === x.target.targetValueMax
                            ? t('stats.targetValue', {
                                value: formatNumber(Math.round(x.target.targetValueMax)),
                              })
                            : t('stats.targetRange', {
                                min: formatNumber(Math.round(x.target.targetValueMin)),
                                max: formatNumber(Math.round(x.target.targetValueMax)),
                              })}
                        </span>
                      </dd>
                    </>
                  ) : null}
                </dl>
                {x.target ? (
                  <p className="target-status">
                    <Tag className={STATUS_CLASS[x.target.status]}>
                      {t(`stats.status.${x.target.status}`)}
                    </Tag>{' '}
                    {x.target.message}
                  </p>
                ) : (
                  <p className="muted target-status">{t('stats.noTarget')}</p>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
