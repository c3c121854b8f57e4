/**
 * The dispatch board (/dispatch): open incidents as a list and on a map, kept live by the server's
 * event stream; each one's clock runs against the 30-minute target. A new incident beeps and shows
 * a banner. "Tất cả" shows closed ones too, with filters by status, commune and dates.
 */

import { BellOutlined, DisconnectOutlined, WifiOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Pagination, Segmented, Switch } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_STATUS_CODES } from '../../domain/incidents/codes.ts';
import { communesOnQuery } from '../crashes/api.ts';
import { formatDateTime, formatNumber, todayIso } from '../platform/format.ts';
import { MapLegend } from '../platform/map/MapLegend.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { DateRangeFilter, FilterSelect, Filters, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import { type IncidentItem, incidentsQuery, type StreamEvent } from './api.ts';
import { BoardMap } from './IncidentMaps.tsx';
import {
  beep,
  type StreamState,
  useAudioUnlock,
  useIncidentStream,
  useNow,
  useSoundSetting,
} from './live.ts';
import type { BoardStatusFilter } from './search.ts';
import { Clock, placeOf, StatusTag, useClockReading, VictimsText } from './ui.tsx';

const routeApi = getRouteApi('/_app/dispatch');

export function BoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, incidentsQuery);
  const communes = useQuery(communesOnQuery(todayIso()));
  const isPhone = useIsPhone();
  const now = useNow(1000);
  const reading = useClockReading();
  const [sound, setSound] = useSoundSetting();
  const [news, setNews] = useState<StreamEvent[]>([]);
  useAudioUnlock();

  const onEvent = useCallback(
    (e: StreamEvent) => {
      if (e.kind !== 'created') return;
      setNews((list) => [e, ...list.filter((x) => x.incidentId !== e.incidentId)].slice(0, 5));
      if (sound) beep();
    },
    [sound],
  );
  const stream = useIncidentStream(onEvent);
  const open = useCallback(
    (id: number) => void navigate({ to: '/dispatch/$incidentId', params: { incidentId: String(id) } }),
    [navigate],
  );

  const items = query.data?.items ?? [];
  const live = !search.status;

  const columns: ColumnsType<IncidentItem> = [
    {
      title: t('incidents.code'),
      dataIndex: 'code',
      render: (v: string, i) => (
        <>
          <Link to="/dispatch/$incidentId" params={{ incidentId: String(i.id) }} className="inc-code">
            {v}
          </Link>
          <span className="cell-secondary nowrap">
            <time dateTime={i.firstReportedAt}>{formatDateTime(i.firstReportedAt)}</time>
          </span>
        </>
      ),
    },
    {
      title: t('incidents.elapsed'),
      key: 'clock',
      className: 'nowrap',
      render: (_: unknown, i) => <Clock reading={reading(i, now)} />,
    },
    {
      title: t('incidents.status'),
      dataIndex: 'status',
      render: (_: unknown, i) => <StatusTag status={i.status} label={i.statusLabel} />,
    },
    {
      title: t('incidents.placeAndVictims'),
      key: 'place',
      render: (_: unknown, i) => (
        <>
          {placeOf(i) || t('common.none')}
          <span className="cell-secondary">
            <VictimsText victims={i.victims} trapped={i.trapped} />
          </span>
        </>
      ),
    },
    {
      title: t('incidents.reportsAndPhotos'),
      key: 'reports',
      className: 'nowrap',
      render: (_: unknown, i) =>
        t('incidents.reportsPhotos', {
          reports: formatNumber(i.reportCount),
          photos: formatNumber(i.photoCount),
        }),
    },
  ];

  const fallback = (
    <Alert type="info" showIcon title={t('crashMap.noWebGL')} description={t('incidents.noMapHelp')} />
  );
  const newest = news[0];

  return (
    <>
      <PageHeader
        title={t('incidents.boardTitle')}
        intro={t('incidents.boardIntro')}
        extra={
          <div className="inc-board-tools">
            <LiveIndicator state={stream} />
            <span className="inc-sound">
              <BellOutlined aria-hidden />
              <label htmlFor="dispatch-sound">{t('incidents.sound')}</label>
              <Switch id="dispatch-sound" size="small" checked={sound} onChange={setSound} />
            </span>
          </div>
        }
      />
      {newest ? (
        <Alert
          className="inc-news"
          type="warning"
          showIcon
          icon={<BellOutlined aria-hidden />}
          title={t('incidents.newIncident', { time: formatDateTime(newest.at) })}
          description={
            news.length > 1 ? t('incidents.newIncidentsMore', { n: formatNumber(news.length) }) : undefined
          }
          action={
            <Button type="primary" size="small" onClick={() => open(newest.incidentId)}>
              {t('incidents.openIncident')}
            </Button>
          }
          closable={{ 'aria-label': t('common.close') }}
          onClose={() => setNews([])}
          data-testid="incident-news"
        />
      ) : null}
      <Filters onClear={clearFilters}>
        <Segmented<'open' | 'all'>
          aria-label={t('incidents.show')}
          value={live ? 'open' : 'all'}
          onChange={(v) => setFilter({ status: v === 'open' ? undefined : 'all' })}
          options={[
            { value: 'open', label: t('incidents.showOpen') },
            { value: 'all', label: t('incidents.showAll') },
          ]}
        />
        {live ? null : (
          <FilterSelect<BoardStatusFilter>
            label={t('incidents.status')}
            allLabel={t('incidents.allStatuses')}
            value={search.status === 'all' ? undefined : search.status}
            onChange={(status) => setFilter({ status: status ?? 'all' })}
            popupMatchSelectWidth={false}
            options={INCIDENT_STATUS_CODES.map((s) => ({ value: s, label: t(`incidents.statuses.${s}`) }))}
          />
        )}
        <FilterSelect<string>
          label={t('incidents.commune')}
          allLabel={t('incidents.allCommunes')}
          value={search.adminUnitId}
          onChange={(adminUnitId) => setFilter({ adminUnitId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={communes.isPending}
          popupMatchSelectWidth={false}
          options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <DateRangeFilter
          id="board"
          legend={t('incidents.period')}
          startLabel={t('incidents.from')}
          endLabel={t('incidents.to')}
          from={search.from}
          to={search.to}
          onChange={setFilter}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <p className="summary-line" aria-live="polite">
        {query.data
          ? t(live ? 'incidents.summaryOpen' : 'incidents.summaryAll', { n: formatNumber(query.data.total) })
          : '\u00a0'}
      </p>
      <div className="inc-board">
        <div className="inc-board-list">
          {isPhone ? (
            <PhoneList items={items} now={now} reading={reading} loading={table.loading} />
          ) : (
            <DataTable<IncidentItem>
              label={t('incidents.boardTitle')}
              columns={columns}
              {...table}
              rowClassName={(i) => (i.trapped > 0 ? 'inc-row-trapped' : '')}
              locale={{ emptyText: live ? t('incidents.noOpen') : t('incidents.noneFound') }}
            />
          )}
          {isPhone && (query.data?.total ?? 0) > table.pagination.pageSize! ? (
            <Pagination {...table.pagination} size="small" className="inc-pagination" />
          ) : null}
        </div>
        <div className="inc-board-map-box">
          <BoardMap
            incidents={items}
            now={now}
            reading={reading}
            onOpen={open}
            label={t('incidents.boardMapLabel')}
            fallback={fallback}
          />
          <BoardLegend />
        </div>
      </div>
    </>
  );
}

/** "Trực tiếp" or "Mất kết nối trực tiếp". */
function LiveIndicator({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  return (
    <span className={`inc-live inc-live-${state}`} role="status" data-testid="live-indicator">
      {state === 'lost' ? <DisconnectOutlined aria-hidden /> : <WifiOutlined aria-hidden />}{' '}
      {t(`incidents.live.${state}`)}
    </span>
  );
}

function BoardLegend() {
  const { t } = useTranslation();
  return (
    <MapLegend
      className="inc-legend"
      items={[
        { swatch: 'inc-dot inc-dot-ok', label: t('incidents.legend.ok') },
        { swatch: 'inc-dot inc-dot-warn', label: t('incidents.legend.warn') },
        { swatch: 'inc-dot inc-dot-late', label: t('incidents.legend.late') },
        { swatch: 'inc-dot inc-dot-trapped', label: t('incidents.legend.trapped') },
      ]}
    />
  );
}

/** Phones: one card per incident instead of a wide table. */
function PhoneList({
  items,
  now,
  reading,
  loading,
}: {
  items: IncidentItem[];
  now: number;
  reading: ReturnType<typeof useClockReading>;
  loading: boolean;
}) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <p className="muted">{loading ? t('incidents.loading') : t('incidents.noOpen')}</p>;
  return (
    <ul className="plain-list inc-cards" aria-label={t('incidents.boardTitle')}>
      {items.map((i) => (
        <li key={i.id} className={`inc-card${i.trapped > 0 ? ' inc-card-trapped' : ''}`}>
          <div className="inc-card-head">
            <Link to="/dispatch/$incidentId" params={{ incidentId: String(i.id) }} className="inc-code">
              {i.code}
            </Link>
            <Clock reading={reading(i, now)} />
          </div>
          <div className="inc-card-line">
            <StatusTag status={i.status} label={i.statusLabel} />{' '}
            <time dateTime={i.firstReportedAt} className="muted">
              {formatDateTime(i.firstReportedAt)}
            </time>
          </div>
          <div className="inc-card-line">{placeOf(i) || t('common.none')}</div>
          <div className="inc-card-line">
            <VictimsText victims={i.victims} trapped={i.trapped} />
            {' · '}
            {t('incidents.reportsPhotos', {
              reports: formatNumber(i.reportCount),
              photos: formatNumber(i.photoCount),
            })}
          </div>
        </li>
      ))}
    </ul>
  );
}
