import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Checkbox } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crashMapQuery } from '../crashes/api.ts';
import { formatDate, formatNumber, todayIso } from '../platform/format.ts';
import { basemapQuery } from '../platform/map/useBaseMap.ts';
import { DateRangeFilter, Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { spotsGeoJsonQuery } from './api.ts';
import { LAYERS, type LayerKey, SpotMap } from './SpotMap.tsx';
import './ui.tsx';

const routeApi = getRouteApi('/_app/black-spots/map');

export function SpotMapPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const routeNavigate = routeApi.useNavigate();
  const navigate = useNavigate();
  const today = todayIso();
  const from = search.from ?? dayjs(today).subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD');
  const to = search.to ?? today;
  const [visible, setVisible] = useState<Record<LayerKey, boolean>>({
    crashes: true,
    candidates: true,
    confirmed: true,
    hazards: true,
  });
  const basemap = useQuery(basemapQuery());
  const crashes = useQuery({ ...crashMapQuery({ from, to, verified: 'all' }), enabled: visible.crashes });
  const spots = useQuery(spotsGeoJsonQuery());
  const open = useCallback(
    (id: number) => void navigate({ to: '/black-spots/$spotId', params: { spotId: String(id) } }),
    [navigate],
  );

  const counts: Record<LayerKey, number | undefined> = {
    crashes: crashes.data?.features.length,
    candidates: spots.data?.features.filter(
      (f) => f.properties.kind !== 'hazard' && f.properties.status === 'candidate',
    ).length,
    confirmed: spots.data?.features.filter(
      (f) =>
        f.properties.kind !== 'hazard' &&
        f.properties.status !== 'candidate' &&
        f.properties.status !== 'dismissed',
    ).length,
    hazards: spots.data?.features.filter(
      (f) => f.properties.kind === 'hazard' && f.properties.status !== 'dismissed',
    ).length,
  };
  const error = basemap.error ?? spots.error ?? crashes.error;

  const fallback = (
    <Alert
      type="warning"
      showIcon
      title={t('crashMap.noWebGL')}
      description={
        <>
          {t('crashMap.noWebGLHelp')} <Link to="/black-spots">{t('blackSpots.openList')}</Link>
        </>
      }
    />
  );

  return (
    <>
      <PageHeader title={t('blackSpots.mapTitle')} intro={t('blackSpots.mapIntro')} />
      <Filters>
        <DateRangeFilter
          id="spot-map"
          legend={t('blackSpots.crashPeriod')}
          startLabel={t('crashes.periodStart')}
          endLabel={t('crashes.periodEnd')}
          from={from}
          to={to}
          required
          onChange={(range) => void routeNavigate({ search: range, replace: true })}
        />
        <fieldset className="map-layers">
          <legend className="sr-only">{t('blackSpots.layers')}</legend>
          {LAYERS.map((k) => (
            <Checkbox
              key={k}
              checked={visible[k]}
              onChange={(e) => setVisible((v) => ({ ...v, [k]: e.target.checked }))}
            >
              <span className={`legend-dot legend-layer-${k}`} aria-hidden="true" />{' '}
              {t(`blackSpots.layerNames.${k}`)}
              {counts[k] !== undefined ? ` (${formatNumber(counts[k])})` : ''}
            </Checkbox>
          ))}
        </fieldset>
      </Filters>
      {error ? (
        <QueryError
          error={error}
          onRetry={() => {
            void basemap.refetch();
            void spots.refetch();
            void crashes.refetch();
          }}
        />
      ) : null}
      <p className="summary-line" aria-live="polite">
        {t('blackSpots.mapSummary', {
          from: formatDate(from),
          to: formatDate(to),
          crashes: formatNumber(counts.crashes ?? 0),
          spots: formatNumber(spots.data?.features.length ?? 0),
        })}
      </p>
      <SpotMap
        basemap={basemap.data}
        crashes={crashes.data}
        spots={spots.data}
        visible={visible}
        label={t('blackSpots.mapLabel', { from: formatDate(from), to: formatDate(to) })}
        fallback={fallback}
        onOpenSpot={open}
      />
      <p className="cell-secondary">{t('blackSpots.mapHelp')}</p>
    </>
  );
}
