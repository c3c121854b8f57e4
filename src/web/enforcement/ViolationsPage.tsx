/**
 * Vi phạm (/violations): violations from patrols and cameras, found by plate however it is written
 * (the server reads the plate and says when it is not one), by type, source and period. Personal data
 * comes in full to the police only; everyone else sees a masked name and why.
 */
import { CloudUploadOutlined, DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDateTime, formatMoney, formatNumber, todayIso } from '../platform/format.ts';
import { dateTimeCell } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { DateRangeFilter, FilterSelect, Filters, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { type Violation, violationsQuery } from './api.ts';
import { canImportCamera } from './permissions.ts';
import { VIOLATION_SOURCES, type ViolationSource } from './search.ts';
import './enforcement.css';
import { fineRange, MaskedTag, StatusTag, type VIOLATION_STATUSES, violationTypeGroups } from './ui.tsx';

const routeApi = getRouteApi('/_app/violations');
const vehicleLabels = new Map<string, string>(VEHICLE_TYPES.map((v) => [v.code, v.label]));

/** The plate box: commits on Enter or the button; shows the server's word when the text is not a plate. */
function PlateSearch({
  value,
  error,
  onSearch,
}: {
  value: string | undefined;
  error: string | null;
  onSearch: (plate: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <div className="enf-plate">
      <Input.Search
        className="filter-search"
        aria-label={t('enforcement.plateLabel')}
        placeholder={t('enforcement.platePlaceholder')}
        value={text}
        allowClear
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'enf-plate-error' : undefined}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onSearch(v.trim() === '' ? undefined : v.trim())}
        enterButton={<Button aria-label={t('common.search')} icon={<SearchOutlined aria-hidden />} />}
      />
      {error ? (
        <p id="enf-plate-error" className="enf-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const csvCell = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The rows on screen as a CSV file Excel opens (UTF-8 with BOM, one header line in Vietnamese). */
function downloadPage(rows: Violation[], t: TFunction) {
  const none = '';
  const header = [
    t('enforcement.occurredAt'),
    t('enforcement.sourceLabel'),
    t('enforcement.plate'),
    t('enforcement.violation'),
    t('enforcement.place'),
    t('enforcement.speed'),
    t('enforcement.fine'),
    t('enforcement.points'),
    t('enforcement.status'),
    t('enforcement.person'),
    t('enforcement.workplace'),
  ];
  const lines = rows.map((r) =>
    [
      formatDateTime(r.occurredAt),
      r.source === 'camera'
        ? t('enforcement.fromCamera', { id: r.cameraId ?? '' })
        : t('enforcement.sources.patrol'),
      r.plateDisplay ?? r.plate ?? none,
      r.typeLabel,
      r.place ?? none,
      r.speedKmh !== null ? `${r.speedKmh}/${r.speedLimitKmh ?? ''}` : none,
      r.fineVnd !== null ? formatMoney(r.fineVnd) : fineRange(r.fineMin, r.fineMax),
      r.points !== null ? String(r.points) : none,
      t(`enforcement.statuses.${r.status as (typeof VIOLATION_STATUSES)[number]}`),
      r.personName ?? none,
      r.personOrgUnitName ?? none,
    ]
      .map(csvCell)
      .join(','),
  );
  const blob = new Blob([`\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `vi-pham-${todayIso()}.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ViolationsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, violationsQuery);

  const error = query.error;
  const plateError =
    isApiError(error) && error.status === 400
      ? (error.details.find((d) => d.path === 'plate')?.message ?? null)
      : null;

  const none = t('common.none');
  const columns: ColumnsType<Violation> = [
    {
      title: t('enforcement.occurredAt'),
      dataIndex: 'occurredAt',
      className: 'nowrap',
      render: (v: string, r) => (
        <>
          {dateTimeCell(v)}
          <span className="cell-secondary">
            {r.source === 'camera'
              ? t('enforcement.fromCamera', { id: r.cameraId ?? '' })
              : t('enforcement.sources.patrol')}
          </span>
        </>
      ),
    },
    {
      title: t('enforcement.plate'),
      dataIndex: 'plateDisplay',
      className: 'nowrap',
      render: (v: string | null, r) => (
        <>
          <strong className="enf-plate-text">{v ?? r.plate ?? none}</strong>
          {r.vehicleType ? (
            <span className="cell-secondary">{vehicleLabels.get(r.vehicleType) ?? r.vehicleType}</span>
          ) : null}
        </>
      ),
    },
    { title: t('enforcement.violation'), dataIndex: 'typeLabel', className: 'enf-wide' },
    { title: t('enforcement.place'), dataIndex: 'place', render: (v: string | null) => v ?? none },
    {
      title: t('enforcement.speed'),
      key: 'speed',
      className: 'nowrap',
      align: 'right',
      render: (_, r) =>
        r.speedKmh !== null || r.speedLimitKmh !== null
          ? t('enforcement.speedValue', {
              speed: r.speedKmh !== null ? formatNumber(r.speedKmh) : '?',
              limit: r.speedLimitKmh !== null ? formatNumber(r.speedLimitKmh) : '?',
            })
          : none,
    },
    {
      title: t('enforcement.fine'),
      key: 'fine',
      className: 'nowrap',
      align: 'right',
      render: (_, r) =>
        r.fineVnd !== null ? (
          <>
            {formatMoney(r.fineVnd)}
            <span className="cell-secondary">{t('enforcement.fineDecided')}</span>
          </>
        ) : (
          fineRange(r.fineMin, r.fineMax) || none
        ),
    },
    {
      title: t('enforcement.points'),
      dataIndex: 'points',
      align: 'right',
      render: (v: number | null) => (v !== null ? formatNumber(v) : none),
    },
    {
      title: t('enforcement.status'),
      dataIndex: 'status',
      render: (v: string) => <StatusTag status={v} t={t} />,
    },
    {
      title: t('enforcement.person'),
      dataIndex: 'personName',
      className: 'nowrap',
      render: (v: string | null, r) =>
        v === null ? (
          none
        ) : (
          <>
            {v} {r.masked ? <MaskedTag /> : null}
          </>
        ),
    },
    {
      title: t('enforcement.workplace'),
      dataIndex: 'personOrgUnitName',
      render: (v: string | null) => v ?? none,
    },
  ];

  const anyMasked = (query.data?.items ?? []).some((r) => r.masked && r.personName !== null);

  return (
    <>
      <PageHeader
        title={t('enforcement.violationsTitle')}
        intro={t('enforcement.violationsIntro')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              disabled={!query.data?.items.length || plateError !== null}
              onClick={() => query.data && downloadPage(query.data.items, t)}
            >
              {t('enforcement.exportPage')}
            </Button>
            {canImportCamera(user.role) ? (
              <Button
                icon={<CloudUploadOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/violations/camera-import' })}
              >
                {t('enforcement.nav.cameraImport')}
              </Button>
            ) : null}
          </>
        }
      />
      <Filters onClear={clearFilters}>
        <PlateSearch value={search.plate} error={plateError} onSearch={(plate) => setFilter({ plate })} />
        <Select<string>
          className="filter-select enf-type-select"
          aria-label={t('enforcement.typeLabel')}
          value={search.type ?? ''}
          onChange={(v) => setFilter({ type: v === '' ? undefined : v })}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          options={[{ value: '', label: t('enforcement.allTypes') }, ...violationTypeGroups()]}
        />
        <FilterSelect<ViolationSource>
          label={t('enforcement.sourceLabel')}
          allLabel={t('enforcement.allSources')}
          value={search.source}
          onChange={(source) => setFilter({ source })}
          options={VIOLATION_SOURCES.map((s) => ({ value: s, label: t(`enforcement.sources.${s}`) }))}
        />
        <DateRangeFilter
          id="enf-period"
          legend={t('enforcement.period')}
          startLabel={t('enforcement.from')}
          endLabel={t('enforcement.to')}
          from={search.from}
          to={search.to}
          onChange={(range) => setFilter(range)}
        />
      </Filters>
      {query.isError && !plateError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      {query.data && !plateError ? (
        <p className="summary-line" aria-live="polite">
          {t('enforcement.summary', { n: formatNumber(query.data.total) })}
        </p>
      ) : null}
      {anyMasked ? (
        <Alert type="info" showIcon className="enf-note" title={t('enforcement.maskedNote')} />
      ) : null}
      <DataTable<Violation>
        label={t('enforcement.violationsTitle')}
        columns={columns}
        {...table}
        dataSource={plateError ? [] : table.dataSource}
        locale={{ emptyText: t('enforcement.empty') }}
      />
    </>
  );
}
