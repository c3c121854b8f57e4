import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Checkbox, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { crashMapQuery, roadsQuery } from './api.ts';
import { ClusterMap } from './CrashMap.tsx';
import { isSeverity } from './ui.tsx';

const routeApi = getRouteApi('/_app/crashes/map');

export function MapPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const routeNavigate = routeApi.useNavigate();
  const navigate = useNavigate();
  const today = todayIso();
  const from = search.from ?? `${today.slice(0, 4)}-01-01`;
  const to = search.to ?? today;
  const verified = search.verified === 'all' ? 'all' : 'true';
  const crashes = useQuery(crashMapQuery({ from, to, verified }));
  const roads = useQuery(roadsQuery());

  const open = useCallback(
    (id: number) => void navigate({ to: '/crashes/$crashId', params: { crashId: String(id) } }),
    [navigate],
  );
  const severityLabel = useCallback(
    (code: string | null) => (isSeverity(code) ? t(`crashes.severities.${code}`) : t('crashes.severityNone')),
    [t],
  );

  const count = crashes.data?.features.length;
  const fallback = (
    <Alert
      type="warning"
      showIcon
      title={t('crashMap.noWebGL')}
      description={
        <>
          {t('crashMap.noWebGLHelp')}{' '}
          <Link to="/crashes" search={{ from, to, verified: verified === 'true' ? 'true' : undefined }}>
            {t('crashMap.openList')}
          </Link>
        </>
      }
    />
  );

  return (
    <>
      <PageHeader title={t('crashMap.title')} intro={t('crashMap.intro')} />
      <Filters>
        <fieldset className="filter-fieldset">
          <legend className="sr-only">{t('crashes.period')}</legend>
          <label htmlFor="map-from" className="sr-only">
            {t('crashes.periodStart')}
          </label>
          <label htmlFor="map-to" className="sr-only">
            {t('crashes.periodEnd')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'map-from', end: 'map-to' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) => {
              if (r?.[0] && r[1])
                void routeNavigate({
                  search: (prev) => ({
                    ...prev,
                    from: r[0]!.format('YYYY-MM-DD'),
                    to: r[1]!.format('YYYY-MM-DD'),
                  }),
                  replace: true,
                });
            }}
          />
        </fieldset>
        <Checkbox
          checked={verified === 'true'}
          onChange={(e) =>
            void routeNavigate({
              search: (prev) => ({ ...prev, verified: e.target.checked ? undefined : 'all' }),
              replace: true,
            })
          }
        >
          {t('stats.verifiedOnly')}
        </Checkbox>
      </Filters>
      {crashes.isError ? <QueryError error={crashes.error} onRetry={() => void crashes.refetch()} /> : null}
      <p className="summary-line" aria-live="polite">
        {count !== undefined
          ? t('crashMap.summary', {
              count: formatNumber(count),
              from: formatDate(from),
              to: formatDate(to),
            })
          : null}
      </p>
      {crashes.data?.truncated ? (
        <Alert type="warning" showIcon className="page-section" title={t('crashMap.truncated')} />
      ) : null}
      <ClusterMap
        crashes={crashes.data}
        roads={roads.data}
        label={t('crashMap.mapLabel', { from: formatDate(from), to: formatDate(to) })}
        fallback={fallback}
        onOpenCrash={open}
        severityLabel={severityLabel}
      />
      <ul className="map-legend plain-list" aria-label={t('crashMap.legend')}>
        <li className="legend-item">
          <span className="legend-dot legend-injury" aria-hidden="true" /> {t('crashMap.legendInjury')}
        </li>
        <li className="legend-item">
          <span className="legend-dot legend-death" aria-hidden="true" /> {t('crashMap.legendDeath')}
        </li>
        <li className="legend-item">
          <span className="legend-dot legend-deaths" aria-hidden="true" /> {t('crashMap.legendDeaths')}
        </li>
        <li className="legend-item">
          <span className="legend-cluster" aria-hidden="true" /> {t('crashMap.legendCluster')}
        </li>
        <li className="legend-item">
          <span className="legend-line legend-ql" aria-hidden="true" /> {t('crashMap.legendNational')}
        </li>
        <li className="legend-item">
          <span className="legend-line legend-dt" aria-hidden="true" /> {t('crashMap.legendProvincial')}
        </li>
      </ul>
    </>
  );
}
