import { EditOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, useSession } from '../platform/auth.tsx';
import { formatDate } from '../platform/format.ts';
import { DEFAULT_PAGE_SIZE } from '../platform/search.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { SearchBox, usePagination } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  ALIAS_KINDS,
  type AliasKind,
  addOrgUnitAlias,
  allOrgUnitsQuery,
  createOrgUnit,
  type OrgUnit,
  type OrgUnitInput,
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
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = useQuery(orgUnitsQuery({ ...search, page, pageSize }));
  const [editing, setEditing] = useState<Editing>(null);

  const setFilter = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const pagination = usePagination(
    search.page,
    search.pageSize,
    query.data?.total,
    (p, s) => void navigate({ search: (prev) => ({ ...prev, page: p, pageSize: s }) }),
  );

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
    {
      title: t('orgUnits.parent'),
      dataIndex: 'parentName',
      render: (v: string | null) => v ?? t('common.none'),
    },
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
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space wrap size="small">
          <Button
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={t('orgUnits.editLabel', { name: u.name })}
            onClick={() => setEditing({ mode: 'edit', unit: u })}
          >
            {t('common.edit')}
          </Button>
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

  const hasFilters = Boolean(search.kind || search.q);

  return (
    <>
      <PageHeader
        title={t('orgUnits.title')}
        intro={t('orgUnits.intro')}
        extra={
          canEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ mode: 'create' })}
            >
              {t('orgUnits.add')}
            </Button>
          ) : null
        }
      />
      <search className="filters" aria-label={t('common.filters')}>
        <Select<OrgUnitKind | ''>
          className="filter-select"
          aria-label={t('orgUnits.kind')}
          value={search.kind ?? ''}
          onChange={(v) => setFilter({ kind: v === '' ? undefined : v })}
          options={[
            { value: '', label: t('orgUnits.allKinds') },
            ...ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) })),
          ]}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('orgUnits.searchLabel')}
          placeholder={t('orgUnits.searchPlaceholder')}
        />
        {hasFilters ? (
          <Button onClick={() => void navigate({ search: {} })}>{t('common.clearFilters')}</Button>
        ) : null}
      </search>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<OrgUnit>
        label={t('orgUnits.title')}
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={pagination}
      />
      {editing?.mode === 'create' ? <OrgUnitFormModal onClose={() => setEditing(null)} /> : null}
      {editing?.mode === 'edit' ? (
        <OrgUnitFormModal unit={editing.unit} onClose={() => setEditing(null)} />
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

function OrgUnitFormModal({ unit, onClose }: { unit?: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OrgUnitFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const parents = useQuery(allOrgUnitsQuery());

  const save = useMutation({
    mutationFn: (values: OrgUnitFormValues) => {
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
    },
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory', 'org-units'] });
      void message.success(unit ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ORG_UNIT_FIELDS)),
  });

  const parentOptions = (parents.data ?? [])
    .filter((o) => o.id !== unit?.id)
    .map((o) => ({ value: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name }));

  return (
    <Modal
      open
      title={unit ? t('orgUnits.editTitle', { name: unit.name }) : t('orgUnits.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<OrgUnitFormValues>
        form={form}
        layout="vertical"
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
        onFinish={(values) => save.mutate(values)}
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
          <Select options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`orgUnits.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('orgUnits.parent')} name="parentId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={parents.isPending}
            placeholder={t('orgUnits.noParent')}
            options={parentOptions}
          />
        </Form.Item>
        <Form.Item name="isMember" valuePropName="checked">
          <Checkbox>{t('orgUnits.isMember')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AliasFormValues {
  alias: string;
  kind: AliasKind;
}

function AliasFormModal({ unit, onClose }: { unit: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AliasFormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (values: AliasFormValues) =>
      addOrgUnitAlias(unit.id, { alias: values.alias.trim(), kind: values.kind }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory', 'org-units'] });
      void message.success(t('orgUnits.aliasAdded'));
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ['alias', 'kind'])),
  });

  return (
    <Modal
      open
      title={t('orgUnits.addAliasTitle', { name: unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<AliasFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'alias' }}
        onFinish={(values) => save.mutate(values)}
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
      </Form>
    </Modal>
  );
}
