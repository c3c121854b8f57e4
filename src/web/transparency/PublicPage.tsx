/**
 * Trang công khai: the province's crash figures and black spots for anyone, without an account. Only
 * aggregates of verified records (GET /api/v1/public/statistics) and the black spots the Committee confirmed
 * (GET /api/v1/public/black-spots); the map draws on the public offline basemap.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Col, Row, Select, Statistic, Table } from 'antd';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { barOption } from '../crashes/charts.tsx';
import { api } from '../platform/api.ts';
import { metaQuery } from '../platform/auth.tsx';
import { formatNumber, formatPercent } from '../platform/format.ts';
import { LanguageSwitch } from '../platform/layout/LanguageSwitch.tsx';
import { type Basemap, type GeoJSONData, useBaseMap } from '../platform/map/useBaseMap.ts';
import { EChart } from '../platform/ui/EChart.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import './transparency.css';

interface Criteria {
  crashes: number;
  deaths: number;
  injured: number;
}
interface CriteriaRow {
  key: string;
  label: string;
  current: Criteria;
  previous: Criteria;
  change: Record<keyof Criteria, { change: number; percent: number | null }>;
}
interface PublicStatistics {
  year: number;
  period: { from: string; to: string; label: string };
  previous: { label: string };
  asOfLabel: string;
  total: CriteriaRow;
  sentence: string;
  months: { month: number; current: Criteria; previous: Criteria }[];
  communes: CriteriaRow[];
  causes: CriteriaRow[];
}
interface SpotProps {
  id: number;
  status: string;
  name: string;
  crashes: number;
  deaths: number;
}

const statisticsQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: ['public', 'statistics', year ?? 'current'] as const,
    queryFn: ({ signal }) =>
      api.get<PublicStatistics>('/public/statistics', year ? { year } : undefined, signal),
  });
const spotsQuery = queryOptions({
  queryKey: ['public', 'black-spots'] as const,
  queryFn: ({ signal }) =>
    api.get<FeatureCollection<GeoJSON.Point, SpotProps>>('/public/black-spots', undefined, signal),
});
const basemapQuery = queryOptions({
  queryKey: ['public', 'basemap'] as const,
  queryFn: ({ signal }) => api.get<Basemap>('/public/basemap', undefined, signal),
  staleTime: 60 * 60_000,
});

const CRITERIA = ['crashes', 'deaths', 'injured'] as const;

function Change({ value }: { value: { change: number; percent: number | null } }) {
  const { t } = useTranslation();
  if (value.change === 0) return <span>{t('transparency.same')}</span>;
  // Fewer crashes, deaths or injured is good news: green for a fall, red for a rise.
  const up = value.change > 0;
  return (
    <span className={up ? 'public-up' : 'public-down'}>
      {up ? '▲' : '▼'} {formatNumber(Math.abs(value.change))}
      {value.percent !== null ? ` (${formatPercent(Math.abs(value.percent))})` : ''}
    </span>
  );
}

function SpotsMap({ spots }: { spots: FeatureCollection | undefined }) {
  const { t } = useTranslation();
  const basemap = useQuery(basemapQuery);
  const { ref, map, available } = useBaseMap({ basemap: basemap.data ?? null });
  useEffect(() => {
    if (!map || !spots) return;
    map.addSource('public-spots', { type: 'geojson', data: spots as GeoJSONData });
    map.addLayer({
      id: 'public-spots',
      type: 'circle',
      source: 'public-spots',
      paint: {
        'circle-radius': 7,
        'circle-color': ['match', ['get', 'status'], ['remedied', 'evaluated'], '#389e0d', '#cf1322'],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
      },
    });
    return () => {
      if (map.getLayer('public-spots')) map.removeLayer('public-spots');
      if (map.getSource('public-spots')) map.removeSource('public-spots');
    };
  }, [map, spots]);
  if (!available) return <Alert type="info" showIcon title={t('transparency.noMap')} />;
  return <section ref={ref} aria-label={t('transparency.mapLabel')} className="public-map" />;
}

export function PublicPage() {
  const { t } = useTranslation();
  const meta = useQuery(metaQuery);
  const [year, setYear] = useState<number | undefined>(undefined);
  const stats = useQuery(statisticsQuery(year));
  const spots = useQuery(spotsQuery);
  const thisYear = new Date().getFullYear();
  const data = stats.data;
  const monthChart = useMemo(
    () =>
      data
        ? barOption({
            categories: data.months.map((m) => t('transparency.month', { month: m.month })),
            current: data.months.map((m) => m.current.crashes),
            previous: data.months.map((m) => m.previous.crashes),
            currentName: String(data.year),
            previousName: String(data.year - 1),
            compact: true,
          })
        : null,
    [data, t],
  );
  const spotRows = (spots.data?.features ?? []).map((f) => f.properties);

  return (
    <main id="main" tabIndex={-1} className="public-page">
      <header className="public-header">
        <div>
          <p className="public-brand">
            {t('transparency.brand', { province: meta.data?.provinceName ?? '' })}
          </p>
          <h1>{t('transparency.title')}</h1>
          <p>{t('transparency.intro')}</p>
        </div>
        <div className="public-actions">
          <LanguageSwitch />
          <Link to="/login">{t('transparency.staffLogin')}</Link>
          <a href="/bao-tin">{t('transparency.report')}</a>
        </div>
      </header>

      <div className="public-year">
        <label htmlFor="public-year">{t('transparency.year')}</label>
        <Select
          id="public-year"
          value={year ?? thisYear}
          onChange={(v) => setYear(v === thisYear ? undefined : v)}
          options={[0, 1, 2].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
          style={{ width: 120 }}
        />
      </div>

      {stats.error ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {data ? (
        <>
          <p className="public-asof">
            {data.period.label} · {data.asOfLabel}
          </p>
          <Row gutter={[16, 16]}>
            {CRITERIA.map((k) => (
              <Col xs={24} md={8} key={k}>
                <Card>
                  <Statistic
                    title={t(`transparency.criteria.${k}`)}
                    value={formatNumber(data.total.current[k])}
                  />
                  <p className="public-compare">
                    {t('transparency.vsPrevious', { value: formatNumber(data.total.previous[k]) })}{' '}
                    <Change value={data.total.change[k]} />
                  </p>
                </Card>
              </Col>
            ))}
          </Row>
          <p className="public-sentence">{data.sentence}</p>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('transparency.byMonth')}>
                {monthChart ? (
                  <EChart option={monthChart} label={t('transparency.byMonthLabel')} height={360} />
                ) : null}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('transparency.blackSpots', { count: spotRows.length })}>
                <SpotsMap spots={spots.data} />
                <p className="public-legend">
                  <span className="public-dot public-dot-open" aria-hidden="true" />
                  {t('transparency.spotOpen')}
                  <span className="public-dot public-dot-remedied" aria-hidden="true" />
                  {t('transparency.spotRemedied')}
                </p>
              </Card>
            </Col>
          </Row>
          <Card title={t('transparency.byCommune')} className="public-card">
            <Table<CriteriaRow>
              rowKey="key"
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={data.communes}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('transparency.commune'),
                  dataIndex: 'label',
                  sorter: (a, b) => a.label.localeCompare(b.label, 'vi'),
                },
                ...CRITERIA.map((k) => ({
                  title: t(`transparency.criteria.${k}`),
                  key: k,
                  align: 'right' as const,
                  sorter: (a: CriteriaRow, b: CriteriaRow) => a.current[k] - b.current[k],
                  render: (_: unknown, r: CriteriaRow) => (
                    <>
                      {formatNumber(r.current[k])} <Change value={r.change[k]} />
                    </>
                  ),
                })),
              ]}
            />
          </Card>
          <Card title={t('transparency.byCause')} className="public-card">
            <Table<CriteriaRow>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={data.causes}
              columns={[
                { title: t('transparency.cause'), dataIndex: 'label' },
                ...CRITERIA.map((k) => ({
                  title: t(`transparency.criteria.${k}`),
                  key: k,
                  align: 'right' as const,
                  render: (_: unknown, r: CriteriaRow) => formatNumber(r.current[k]),
                })),
              ]}
            />
          </Card>
          <Card title={t('transparency.spotList')} className="public-card">
            <Table<SpotProps>
              rowKey="id"
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={spotRows}
              columns={[
                { title: t('transparency.spotName'), dataIndex: 'name' },
                {
                  title: t('transparency.spotStatus'),
                  dataIndex: 'status',
                  render: (s: string) => t(`transparency.spotStatuses.${s}`, { defaultValue: s }),
                },
                {
                  title: t('transparency.criteria.crashes'),
                  dataIndex: 'crashes',
                  align: 'right',
                  render: (n: number) => formatNumber(n),
                },
                {
                  title: t('transparency.criteria.deaths'),
                  dataIndex: 'deaths',
                  align: 'right',
                  render: (n: number) => formatNumber(n),
                },
              ]}
            />
          </Card>
          <p className="public-note">{t('transparency.note')}</p>
        </>
      ) : null}
    </main>
  );
}
