import { TagsOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, useSession } from '../platform/auth.tsx';
import { orNone, validityColumn } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  ALIAS_KINDS,
  type AliasKind,
  addOrgUnitAlias,
  allOrgUnitsQuery,
  createOrgUnit,
  type OrgUnit,
  type OrgUnitInput,
  orgUnitOptions,
  orgUnitsQuery,
  textOrNull,
  updateOrgUnit,
} from './api.ts';
import { ORG_UNIT_KINDS, type OrgUnitKind } from './search.ts';

const routeApi = getRouteApi('/_app/directory/org-units');

type Editing = { mode: 'create' } | { mode: 'edit'; unit: OrgUnit } | { mode: 'alias'; unit: OrgUnit } | null;

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const canEdit = permissions.editDirectory(user.role);
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, orgUnitsQuery);
  const [editing, setEditing] = useState<Editing>(null);

  const kindOptions = ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) }));

  const columns: ColumnsType<OrgUnit> = [
    {
      title: t('orgUnits.code'),
      dataIndex: 'code',
      className: 'nowrap',
      render: (c: string) => <code>{c}</code>,
    },
    {
      title: t('orgUnits.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <>
          <strong>{name}</strong>
          {u.shortName ? <span className="cell-secondary">{u.shortName}</span> : null}
        </>
      ),
    },
    { title: t('orgUnits.kind'), dataIndex: 'kind', render: (k: OrgUnitKind) => t(`orgUnits.kinds.${k}`) },
    { title: t('orgUnits.parent'), dataIndex: 'parentName', render: orNone(t) },
    {
      title: t('orgUnits.isMember'),
      dataIndex: 'isMember',
      render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
    },
    {
      title: t('orgUnits.aliases'),
      key: 'aliases',
      render: (_, u) =>
        u.aliases.length === 0 ? null : (
          <ul className="tag-list plain-list">
            {u.aliases.map((a) => (
              <li key={a.id}>
                <Tag title={t(`orgUnits.aliasKinds.${a.kind}`)}>
                  {a.alias}
                  {a.kind === 'former_name' ? <em> ({t('orgUnits.formerNameMark')})</em> : null}
                </Tag>
              </li>
            ))}
          </ul>
        ),
    },
    validityColumn(t),
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space wrap size="small">
          <EditButton
            label={t('orgUnits.editLabel', { name: u.name })}
            onClick={() => setEditing({ mode: 'edit', unit: u })}
          />
          <Button
            size="small"
            icon={<TagsOutlined aria-hidden />}
            aria-label={t('orgUnits.addAliasLabel', { name: u.name })}
            onClick={() => setEditing({ mode: 'alias', unit: u })}
          >
            {t('orgUnits.addAlias')}
          </Button>
        </Space>
      ),
    });

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        intro={t('orgUnits.intro')}
        extra={
          canEdit ? (
            <AddButton onClick={() => setEditing({ mode: 'create' })}>{t('orgUnits.add')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<OrgUnitKind>
          label={t('orgUnits.kind')}
          allLabel={t('orgUnits.allKinds')}
          value={search.kind}
          onChange={(kind) => setFilter({ kind })}
          options={kindOptions}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('orgUnits.searchLabel')}
          placeholder={t('orgUnits.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<OrgUnit> label={t('orgUnits.title')} columns={columns} {...table} />
      {editing?.mode === 'create' ? (
        <OrgUnitFormModal kindOptions={kindOptions} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.mode === 'edit' ? (
        <OrgUnitFormModal unit={editing.unit} kindOptions={kindOptions} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.mode === 'alias' ? (
        <AliasFormModal unit={editing.unit} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

interface OrgUnitFormValues {
  code: string;
  name: string;
  shortName?: string;
  kind?: OrgUnitKind;
  parentId?: number | null;
  isMember: boolean;
}

const ORG_UNIT_FIELDS = ['code', 'name', 'shortName', 'kind', 'parentId', 'isMember'] as const;

function saveOrgUnit(unit: OrgUnit | undefined, values: OrgUnitFormValues) {
  const input: OrgUnitInput = {
    code: values.code.trim(),
    name: values.name.trim(),
    shortName: textOrNull(values.shortName),
    kind: values.kind as OrgUnitKind,
    parentId: values.parentId ?? null,
    isMember: values.isMember,
  };
  if (!unit) {
    const { shortName, parentId, ...required } = input;
    return createOrgUnit({
      ...required,
      ...(shortName ? { shortName } : {}),
      ...(parentId ? { parentId } : {}),
    });
  }
  const changed: Partial<OrgUnitInput> = {};
  for (const key of ORG_UNIT_FIELDS) {
    if (input[key] !== (unit[key] ?? null)) Object.assign(changed, { [key]: input[key] });
  }
  return updateOrgUnit(unit.id, changed);
}

function OrgUnitFormModal({
  unit,
  kindOptions,
  onClose,
}: {
  unit?: OrgUnit;
  kindOptions: { value: OrgUnitKind; label: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const parents = useQuery(allOrgUnitsQuery());

  return (
    <EntityFormModal<OrgUnitFormValues>
      title={unit ? t('orgUnits.editTitle', { name: unit.name }) : t('orgUnits.addTitle')}
      initialValues={
        unit
          ? {
              code: unit.code,
              name: unit.name,
              shortName: unit.shortName ?? '',
              kind: unit.kind,
              parentId: unit.parentId,
              isMember: unit.isMember,
            }
          : { isMember: false }
      }
      fields={ORG_UNIT_FIELDS}
      submit={(values) => saveOrgUnit(unit, values)}
      invalidates={['directory', 'org-units']}
      successMessage={unit ? t('common.saved') : t('common.created')}
      onClose={onClose}
    >
      <Form.Item
        label={t('orgUnits.code')}
        name="code"
        extra={t('orgUnits.codeHelp')}
        rules={[{ required: true, whitespace: true, message: t('orgUnits.codeRequired') }]}
      >
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('orgUnits.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('orgUnits.nameRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('orgUnits.shortName')} name="shortName">
        <Input maxLength={80} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('orgUnits.kind')}
        name="kind"
        rules={[{ required: true, message: t('orgUnits.kindRequired') }]}
      >
        <Select options={kindOptions} />
      </Form.Item>
      <Form.Item label={t('orgUnits.parent')} name="parentId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={parents.isPending}
          placeholder={t('orgUnits.noParent')}
          options={orgUnitOptions(parents.data?.filter((o) => o.id !== unit?.id))}
        />
      </Form.Item>
      <Form.Item name="isMember" valuePropName="checked">
        <Checkbox>{t('orgUnits.isMember')}</Checkbox>
      </Form.Item>
    </EntityFormModal>
  );
}

interface AliasFormValues {
  alias: string;
  kind: AliasKind;
}

function AliasFormModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <EntityFormModal<AliasFormValues>
      title={t('orgUnits.addAliasTitle', { name: unit.name })}
      initialValues={{ kind: 'alias' }}
      fields={['alias', 'kind']}
      submit={(values) => addOrgUnitAlias(unit.id, { alias: values.alias.trim(), kind: values.kind })}
      invalidates={['directory', 'org-units']}
      successMessage={t('orgUnits.aliasAdded')}
      onClose={onClose}
    >
      <Form.Item
        label={t('orgUnits.alias')}
        name="alias"
        rules={[{ required: true, whitespace: true, message: t('orgUnits.aliasRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('orgUnits.aliasKind')} name="kind">
        <Select options={ALIAS_KINDS.map((k) => ({ value: k, label: t(`orgUnits.aliasKinds.${k}`) }))} />
      </Form.Item>
    </EntityFormModal>
  );
}
