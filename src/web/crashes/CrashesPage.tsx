import { BarChartOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDateTime, formatKm, formatNumber, todayIso } from '../platform/format.ts';
import { dateTimeCell } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { DateRangeFilter, FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type CrashItem, crashesQuery, roadOptions, roadsQuery, SEVERITIES, type Severity } from './api.ts';
import { crashPermissions } from './permissions.ts';
import { causeOptions, SeverityTag, VerifiedTag } from './ui.tsx';

const routeApi = getRouteApi('/_app/crashes');

interface CommuneOption {
  id: string;
  name: string;
}

/** Communes and wards in force today (the filter picks current units; the server rolls old ones up). */
function useCommunes(enabled: boolean) {
  const today = todayIso();
  return useQuery({
    queryKey: ['directory', 'admin-units', { level: 'commune', at: today, page: 1, pageSize: 200 }],
    queryFn: ({ signal }) =>
      api.get<Page<CommuneOption>>(
        '/directory/admin-units',
        { level: 'commune', at: today, page: 1, pageSize: 200 },
        signal,
      ),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function CrashesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, crashesQuery);
  const showCommuneFilter = user.role !== 'commune';
  const communes = useCommunes(showCommuneFilter);
  const roads = useQuery(roadsQuery());
  const navigate = useNavigate();

  const columns: ColumnsType<CrashItem> = [
    {
      title: t('crashes.occurredAt'),
      dataIndex: 'occurredAt',
      className: 'nowrap',
      render: (v: string, c) => (
        <Link
          to="/crashes/$crashId"
          params={{ crashId: String(c.id) }}
          aria-label={t('crashes.openCrash', { id: c.id, when: formatDateTime(v) })}
        >
          {dateTimeCell(v)}
        </Link>
      ),
    },
    {
      title: t('crashes.place'),
      key: 'place',
      render: (_, c) => (
        <>
          {c.adminUnitName}
          {c.currentAdminUnitId !== c.adminUnitId && c.currentAdminUnitName !== c.adminUnitName ? (
            <span className="cell-secondary">
              ({t('crashes.currentName', { name: c.currentAdminUnitName })})
            </span>
          ) : null}
        </>
      ),
    },
    {
      title: t('crashes.road'),
      key: 'road',
      className: 'nowrap',
      render: (_, c) => [c.roadCode, formatKm(c.kmM)].filter(Boolean).join(' ') || t('common.none'),
    },
    {
      title: t('crashes.deaths'),
      dataIndex: 'deaths',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('crashes.injured'),
      dataIndex: 'injured',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('crashes.severity'),
      dataIndex: 'severity',
      render: (v: string | null) => <SeverityTag severity={v} />,
    },
    {
      title: t('crashes.cause'),
      key: 'cause',
      render: (_, c) => c.causeLabel ?? c.cause ?? t('common.none'),
    },
    {
      title: t('crashes.verified'),
      dataIndex: 'verified',
      render: (v: boolean) => <VerifiedTag verified={v} />,
    },
    {
      title: t('crashes.description'),
      dataIndex: 'description',
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: v }}
            style={{ margin: 0, maxWidth: 360, minWidth: 200 }}
          >
            {v}
          </Typography.Paragraph>
        ) : null,
    },
  ];

  const summary = query.data?.summary;

  return (
    <>
      <PageHeader
        title={t('crashes.title')}
        intro={t('crashes.intro')}
        extra={
          <>
            {crashPermissions.create(user.role) ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/crashes/new' })}
              >
                {t('crashes.add')}
              </Button>
            ) : null}
            <Button
              icon={<BarChartOutlined aria-hidden />}
              onClick={() => void navigate({ to: '/crashes/stats' })}
            >
              {t('nav.crashStats')}
            </Button>
            {crashPermissions.importFile(user.role) ? (
              <Button
                icon={<ImportOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/crashes/import' })}
              >
                {t('nav.crashImport')}
              </Button>
            ) : null}
          </>
        }
      />
      <Filters onClear={clearFilters}>
        <DateRangeFilter
          id="crash"
          legend={t('crashes.period')}
          startLabel={t('crashes.periodStart')}
          endLabel={t('crashes.periodEnd')}
          from={search.from}
          to={search.to}
          onChange={setFilter}
        />
        {showCommuneFilter ? (
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
        ) : null}
        <FilterSelect<number>
          label={t('crashes.roadFilter')}
          allLabel={t('crashes.allRoads')}
          value={search.roadId}
          onChange={(roadId) => setFilter({ roadId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={roads.isPending}
          popupMatchSelectWidth={false}
          options={roadOptions(roads.data).map((r) => ({ value: r.value, label: r.label }))}
        />
        <FilterSelect<string>
          label={t('crashes.cause')}
          allLabel={t('crashes.allCauses')}
          value={search.cause}
          onChange={(cause) => setFilter({ cause })}
          popupMatchSelectWidth={false}
          options={causeOptions}
        />
        <FilterSelect<Severity>
          label={t('crashes.severity')}
          allLabel={t('crashes.allSeverities')}
          value={search.severity}
          onChange={(severity) => setFilter({ severity })}
          popupMatchSelectWidth={false}
          options={SEVERITIES.map((v) => ({ value: v, label: t(`crashes.severities.${v}`) }))}
        />
        <FilterSelect<'true' | 'false'>
          label={t('crashes.verified')}
          allLabel={t('crashes.allVerified')}
          value={search.verified}
          onChange={(verified) => setFilter({ verified })}
          options={[
            { value: 'true', label: t('crashes.verifiedYes') },
            { value: 'false', label: t('crashes.verifiedNo') },
          ]}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('crashes.searchLabel')}
          placeholder={t('crashes.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <p className="summary-line" aria-live="polite">
        {summary ? (
          <>
            <span className="sr-only">{t('crashes.summaryLabel')}: </span>
            {t('crashes.summary', {
              crashes: formatNumber(summary.crashes),
              deaths: formatNumber(summary.deaths),
              injured: formatNumber(summary.injured),
            })}
          </>
        ) : null}
      </p>
      <DataTable<CrashItem> label={t('crashes.title')} columns={columns} {...table} />
    </>
  );
}
