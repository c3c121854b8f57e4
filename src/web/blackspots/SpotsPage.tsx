import {
  EnvironmentOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  PlusOutlined,
  RadarChartOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roadOptions, roadsQuery } from '../crashes/api.ts';
import { api, type Page } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatNumber, todayIso } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  SPOT_KINDS,
  SPOT_STATUSES,
  type Spot,
  type SpotKind,
  type SpotStatus,
  spotsExportUrl,
  spotsQuery,
} from './api.ts';
import { DetectDialog } from './DetectDialog.tsx';
import { HazardDialog } from './HazardDialog.tsx';
import { spotPermissions } from './permissions.ts';
import { KindTag, placeText, StatusTag } from './ui.tsx';

const routeApi = getRouteApi('/_app/black-spots');

/** Today's communes, for the commune filter. */
function useCommunes() {
  const today = todayIso();
  return useQuery({
    queryKey: ['directory', 'admin-units', { level: 'commune', at: today, page: 1, pageSize: 200 }],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: string; name: string }>>(
        '/directory/admin-units',
        { level: 'commune', at: today, page: 1, pageSize: 200 },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });
}

export function SpotsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, spotsQuery);
  const roads = useQuery(roadsQuery());
  const communes = useCommunes();
  const [dialog, setDialog] = useState<'detect' | 'hazard' | null>(null);

  const columns: ColumnsType<Spot> = [
    {
      title: t('blackSpots.name'),
      dataIndex: 'name',
      render: (v: string, s) => (
        <>
          <Link to="/black-spots/$spotId" params={{ spotId: String(s.id) }}>
            {v}
          </Link>
          {placeText(s) && placeText(s) !== v ? <span className="cell-secondary">{placeText(s)}</span> : null}
        </>
      ),
    },
    {
      title: t('blackSpots.kind'),
      dataIndex: 'kind',
      render: (v: SpotKind, s) => <KindTag kind={v} hazardType={s.hazardType} />,
    },
    {
      title: t('blackSpots.status'),
      dataIndex: 'status',
      render: (v: SpotStatus) => <StatusTag status={v} />,
    },
    {
      title: t('blackSpots.crashes'),
      dataIndex: 'crashes',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.deaths'),
      dataIndex: 'deaths',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.injured'),
      dataIndex: 'injured',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('blackSpots.leadUnit'),
      dataIndex: 'remedyLeadUnitName',
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('blackSpots.title')}
        intro={t('blackSpots.intro')}
        extra={
          <>
            {spotPermissions.detect(user.role) ? (
              <Button
                type="primary"
                icon={<RadarChartOutlined aria-hidden />}
                onClick={() => setDialog('detect')}
              >
                {t('blackSpots.detect')}
              </Button>
            ) : null}
            {spotPermissions.create(user.role) ? (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('hazard')}>
                {t('blackSpots.addHazard')}
              </Button>
            ) : null}
            <Button
              icon={<EnvironmentOutlined aria-hidden />}
              onClick={() => void navigate({ to: '/black-spots/map' })}
            >
              {t('nav.blackSpotMap')}
            </Button>
            <Button icon={<FileWordOutlined aria-hidden />} href={spotsExportUrl('docx', search.status)}>
              {t('blackSpots.exportWord')}
            </Button>
            <Button icon={<FileExcelOutlined aria-hidden />} href={spotsExportUrl('xlsx', search.status)}>
              {t('blackSpots.exportExcel')}
            </Button>
          </>
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<SpotStatus>
          label={t('blackSpots.status')}
          allLabel={t('blackSpots.allStatuses')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          popupMatchSelectWidth={false}
          options={SPOT_STATUSES.map((s) => ({ value: s, label: t(`blackSpots.statuses.${s}`) }))}
        />
        <FilterSelect<SpotKind>
          label={t('blackSpots.kind')}
          allLabel={t('blackSpots.allKinds')}
          value={search.kind}
          onChange={(kind) => setFilter({ kind })}
          popupMatchSelectWidth={false}
          options={SPOT_KINDS.map((k) => ({ value: k, label: t(`blackSpots.kinds.${k}`) }))}
        />
        <FilterSelect<number>
          label={t('blackSpots.road')}
          allLabel={t('crashes.allRoads')}
          value={search.roadId}
          onChange={(roadId) => setFilter({ roadId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={roads.isPending}
          popupMatchSelectWidth={false}
          options={roadOptions(roads.data).map((r) => ({ value: r.value, label: r.label }))}
        />
        <FilterSelect<string>
          label={t('crashes.commune')}
          allLabel={t('crashes.allCommunes')}
          value={search.adminUnitId}
          onChange={(adminUnitId) => setFilter({ adminUnitId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={communes.isPending}
          popupMatchSelectWidth={false}
          options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('blackSpots.searchLabel')}
          placeholder={t('blackSpots.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<Spot> label={t('blackSpots.title')} columns={columns} {...table} />
      {dialog === 'detect' ? <DetectDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'hazard' ? <HazardDialog onClose={() => setDialog(null)} /> : null}
    </>
  );
}
