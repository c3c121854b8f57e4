import { getRouteApi } from '@tanstack/react-router';
import { DatePicker } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { orNone, validityColumn } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type AdminUnit, adminUnitsQuery } from './api.ts';
import { ADMIN_LEVELS, type AdminLevel } from './search.ts';

const routeApi = getRouteApi('/_app/directory/admin-units');

export function AdminUnitsPage() {
  const { t } = useTranslation();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, adminUnitsQuery);

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
    { title: t('adminUnits.parent'), dataIndex: 'parentName', render: orNone(t) },
    validityColumn(t),
    {
      title: t('adminUnits.notes'),
      key: 'notes',
      render: (_, u) =>
        u.successorNames.length > 0
          ? t('adminUnits.mergedInto', { names: u.successorNames.join(', ') })
          : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('adminUnits.title')} intro={t('adminUnits.intro')} />
      <Filters onClear={clearFilters}>
        <FilterSelect<AdminLevel>
          label={t('adminUnits.level')}
          allLabel={t('adminUnits.allLevels')}
          value={search.level}
          onChange={(level) => setFilter({ level })}
          options={ADMIN_LEVELS.map((l) => ({ value: l, label: t(`adminUnits.levels.${l}`) }))}
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
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<AdminUnit> label={t('adminUnits.title')} columns={columns} {...table} />
    </>
  );
}

const capitalize = (s: string) => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s);
