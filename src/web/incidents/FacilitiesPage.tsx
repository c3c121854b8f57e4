/**
 * The response facilities (/dispatch/facilities): 115 stations, hospitals, health stations, police
 * posts and rescue teams the board finds the nearest of. The office and the admin add and edit them.
 */

import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Checkbox, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_KIND_CODES, type FacilityKind } from '../../domain/incidents/codes.ts';
import { communesOnQuery } from '../crashes/api.ts';
import { formatNumber, todayIso } from '../platform/format.ts';
import { MapLegend } from '../platform/map/MapLegend.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIncidentAccess } from './access.tsx';
import {
  createFacility,
  FACILITIES_KEY,
  type Facility,
  type FacilityInput,
  facilitiesQuery,
  updateFacility,
} from './api.ts';
import { FacilitiesMap } from './IncidentMaps.tsx';
import { coordinatesText } from './ui.tsx';

const routeApi = getRouteApi('/_app/dispatch/facilities');

export function FacilitiesPage() {
  const { t } = useTranslation();
  const access = useIncidentAccess();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, facilitiesQuery);
  const [editing, setEditing] = useState<Facility | 'new' | null>(null);

  const columns: ColumnsType<Facility> = [
    {
      title: t('incidents.facilityName'),
      dataIndex: 'name',
      render: (v: string, f) => (
        <>
          <strong>{v}</strong>
          <span className="cell-secondary">{coordinatesText(f.lat, f.lon)}</span>
        </>
      ),
    },
    { title: t('incidents.facilityKind'), dataIndex: 'kindLabel' },
    {
      title: t('incidents.commune'),
      dataIndex: 'adminUnitName',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('incidents.phone'),
      dataIndex: 'phone',
      className: 'nowrap',
      render: (v: string | null) => (v ? <a href={`tel:${v}`}>{v}</a> : t('common.none')),
    },
    {
      title: t('incidents.active'),
      dataIndex: 'active',
      render: (v: boolean) =>
        v ? (
          <Tag className="inc-status inc-status-closed">{t('incidents.activeYes')}</Tag>
        ) : (
          <Tag className="inc-status inc-status-dismissed">{t('incidents.activeNo')}</Tag>
        ),
    },
  ];
  if (access.manageFacilities)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, f) => (
        <EditButton
          label={t('incidents.editFacilityNamed', { name: f.name })}
          onClick={() => setEditing(f)}
        />
      ),
    });

  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('incidents.facilitiesTitle')}
        intro={t('incidents.facilitiesIntro')}
        extra={
          access.manageFacilities ? (
            <AddButton onClick={() => setEditing('new')}>{t('incidents.addFacility')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<FacilityKind>
          label={t('incidents.facilityKind')}
          allLabel={t('incidents.allKinds')}
          value={search.kind}
          onChange={(kind) => setFilter({ kind })}
          popupMatchSelectWidth={false}
          options={FACILITY_KIND_CODES.map((k) => ({ value: k, label: t(`incidents.kinds.${k}`) }))}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <p className="summary-line" aria-live="polite">
          {t('incidents.facilitiesSummary', { n: formatNumber(query.data.total) })}
        </p>
      ) : null}
      <div className="inc-board">
        <div className="inc-board-list">
          <DataTable<Facility> label={t('incidents.facilitiesTitle')} columns={columns} {...table} />
        </div>
        <div className="inc-board-map-box">
          <FacilitiesMap
            facilities={items}
            label={t('incidents.facilitiesMapLabel')}
            fallback={<Alert type="info" showIcon title={t('crashMap.noWebGL')} />}
          />
          <MapLegend
            className="inc-legend"
            items={[
              { swatch: 'inc-dot inc-dot-health', label: t('incidents.groups.health') },
              { swatch: 'inc-dot inc-dot-police', label: t('incidents.groups.police') },
              { swatch: 'inc-dot inc-dot-rescue', label: t('incidents.groups.rescue') },
            ]}
          />
        </div>
      </div>
      {editing ? (
        <FacilityDialog facility={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

interface FacilityValues {
  name: string;
  kind: FacilityKind;
  adminUnitId?: string | null;
  phone?: string | null;
  lat: number;
  lon: number;
  active: boolean;
}

const FIELDS = ['name', 'kind', 'adminUnitId', 'phone', 'lat', 'lon', 'active'] as const;

function FacilityDialog({ facility, onClose }: { facility: Facility | null; onClose: () => void }) {
  const { t } = useTranslation();
  const communes = useQuery(communesOnQuery(todayIso()));
  const toInput = (v: FacilityValues): FacilityInput => ({
    name: v.name.trim(),
    kind: v.kind,
    adminUnitId: v.adminUnitId || null,
    orgUnitId: facility?.orgUnitId ?? null,
    lat: v.lat,
    lon: v.lon,
    phone: v.phone?.trim() ? v.phone.trim() : null,
    active: v.active,
  });

  return (
    <EntityFormModal<FacilityValues>
      title={facility ? t('incidents.editFacility') : t('incidents.addFacility')}
      initialValues={
        facility
          ? {
              name: facility.name,
              kind: facility.kind,
              adminUnitId: facility.adminUnitId,
              phone: facility.phone,
              lat: facility.lat,
              lon: facility.lon,
              active: facility.active,
            }
          : { active: true }
      }
      fields={FIELDS}
      submit={(v) => (facility ? updateFacility(facility.id, toInput(v)) : createFacility(toInput(v)))}
      invalidates={FACILITIES_KEY}
      successMessage={facility ? t('common.saved') : t('common.created')}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('incidents.facilityName')}
        rules={[{ required: true, whitespace: true, message: t('incidents.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('incidents.facilityKind')}
        rules={[{ required: true, message: t('incidents.required') }]}
      >
        <Select<FacilityKind>
          options={FACILITY_KIND_CODES.map((k) => ({ value: k, label: t(`incidents.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="adminUnitId" label={t('incidents.commune')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={communes.isPending}
          options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="phone" label={t('incidents.phone')}>
        <Input maxLength={30} inputMode="tel" autoComplete="off" />
      </Form.Item>
      <div className="inc-latlon">
        <Form.Item
          name="lat"
          label={t('incidents.lat')}
          rules={[{ required: true, type: 'number', min: -90, max: 90, message: t('incidents.latInvalid') }]}
        >
          <InputNumber step={0.0001} decimalSeparator="," className="inc-number" />
        </Form.Item>
        <Form.Item
          name="lon"
          label={t('incidents.lon')}
          rules={[
            { required: true, type: 'number', min: -180, max: 180, message: t('incidents.lonInvalid') },
          ]}
        >
          <InputNumber step={0.0001} decimalSeparator="," className="inc-number" />
        </Form.Item>
      </div>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('incidents.activeLabel')}</Checkbox>
      </Form.Item>
    </EntityFormModal>
  );
}
