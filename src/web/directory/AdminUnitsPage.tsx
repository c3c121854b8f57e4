import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, DatePicker, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../platform/format.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/search.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { SearchBox, usePagination } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type AdminUnit, adminUnitsQuery } from './api.ts';
import { ADMIN_LEVELS, type AdminLevel } from './search.ts';

const routeApi = getRouteApi('/_app/directory/admin-units');

export function AdminUnitsPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = useQuery(adminUnitsQuery({ ...search, page, pageSize }));

  const setFilter = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });

  const pagination = usePagination(
    search.page,
    search.pageSize,
    query.data?.total,
    (p, s) => void navigate({ search: (prev) => ({ ...prev, page: p, pageSize: s }) }),
  );

  const columns: ColumnsType<AdminUnit> = [
    {
      title: t('adminUnits.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <>
          <strong>{name}</strong>
          <span className="cell-secondary">
            {t('adminUnits.id')}: {u.id}
          </span>
        </>
      ),
    },
    {
      title: t('adminUnits.level'),
      dataIndex: 'level',
      render: (level: AdminLevel, u) => (
        <>
          {t(`adminUnits.levels.${level}`)}
          {u.kind ? <span className="cell-secondary">{capitalize(u.kind)}</span> : null}
        </>
      ),
    },
    {
      title: t('adminUnits.parent'),
      dataIndex: 'parentName',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('common.validity'),
      key: 'validity',
      className: 'nowrap',
      render: (_, u) =>
        t('common.validityRange', {
          from: formatDate(u.validFrom),
          to: u.validTo ? formatDate(u.validTo) : t('common.present'),
        }),
    },
    {
      title: t('adminUnits.notes'),
      key: 'notes',
      render: (_, u) =>
        u.successorNames.length > 0
          ? t('adminUnits.mergedInto', { names: u.successorNames.join(', ') })
          : null,
    },
  ];

  const hasFilters = Boolean(search.level || search.at || search.q);

  return (
    <>
      <PageHeader title={t('adminUnits.title')} intro={t('adminUnits.intro')} />
      <search className="filters" aria-label={t('common.filters')}>
        <Select<AdminLevel | ''>
          className="filter-select"
          aria-label={t('adminUnits.level')}
          value={search.level ?? ''}
          onChange={(v) => setFilter({ level: v === '' ? undefined : v })}
          options={[
            { value: '', label: t('adminUnits.allLevels') },
            ...ADMIN_LEVELS.map((l) => ({ value: l, label: t(`adminUnits.levels.${l}`) })),
          ]}
        />
        <DatePicker
          aria-label={t('adminUnits.at')}
          placeholder={t('adminUnits.at')}
          format="DD/MM/YYYY"
          value={search.at ? dayjs(search.at) : null}
          onChange={(d) => setFilter({ at: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('adminUnits.searchLabel')}
          placeholder={t('adminUnits.searchPlaceholder')}
        />
        {hasFilters ? (
          <Button onClick={() => void navigate({ search: {} })}>{t('common.clearFilters')}</Button>
        ) : null}
      </search>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<AdminUnit>
        label={t('adminUnits.title')}
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={pagination}
      />
    </>
  );
}

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);
