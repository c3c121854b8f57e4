import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Checkbox } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { MapLegend } from '../platform/map/MapLegend.tsx';
import { DateRangeFilter, Filters } from '../platform/ui/listing.tsx';
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
        <DateRangeFilter
          id="map"
          legend={t('crashes.period')}
          startLabel={t('crashes.periodStart')}
          endLabel={t('crashes.periodEnd')}
          from={from}
          to={to}
          required
          onChange={(range) =>
            void routeNavigate({ search: (prev) => ({ ...prev, ...range }), replace: true })
          }
        />
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
      <MapLegend
        items={[
          { swatch: 'legend-dot legend-injury', label: t('crashMap.legendInjury') },
          { swatch: 'legend-dot legend-death', label: t('crashMap.legendDeath') },
          { swatch: 'legend-dot legend-deaths', label: t('crashMap.legendDeaths') },
          { swatch: 'legend-cluster', label: t('crashMap.legendCluster') },
          { swatch: 'legend-line legend-ql', label: t('crashMap.legendNational') },
          { swatch: 'legend-line legend-dt', label: t('crashMap.legendProvincial') },
        ]}
      />
    </>
  );
}
