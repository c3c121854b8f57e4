import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, useSession } from '../platform/auth.tsx';
import { DEFAULT_PAGE_SIZE } from '../platform/search.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { SearchBox, usePagination } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import {
  allOrgUnitsQuery,
  createPerson,
  type Person,
  type PersonInput,
  peopleQuery,
  textOrNull,
  updatePerson,
} from './api.ts';

const routeApi = getRouteApi('/_app/directory/people');

type Editing = { mode: 'create' } | { mode: 'edit'; person: Person } | null;

export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  // Agency officers may edit people of their own unit; the server enforces which.
  const canEdit = permissions.editPeople(user.role);
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const query = useQuery(peopleQuery({ ...search, page, pageSize }));
  const orgUnits = useQuery(allOrgUnitsQuery());
  const [editing, setEditing] = useState<Editing>(null);

  const setFilter = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const pagination = usePagination(
    search.page,
    search.pageSize,
    query.data?.total,
    (p, s) => void navigate({ search: (prev) => ({ ...prev, page: p, pageSize: s }) }),
  );

  const orgUnitOptions = (orgUnits.data ?? []).map((o) => ({
    value: o.id,
    label: o.shortName ? `${o.name} (${o.shortName})` : o.name,
  }));

  const columns: ColumnsType<Person> = [
    { title: t('people.fullName'), dataIndex: 'fullName', render: (v: string) => <strong>{v}</strong> },
    {
      title: t('people.position'),
      dataIndex: 'position',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('people.orgUnit'),
      dataIndex: 'orgUnitName',
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      title: t('people.phone'),
      dataIndex: 'phone',
      className: 'nowrap',
      render: (v: string | null) =>
        v ? <a href={`tel:${v.replace(/[^\d+]/g, '')}`}>{v}</a> : t('common.none'),
    },
    {
      title: t('people.email'),
      dataIndex: 'email',
      render: (v: string | null) => (v ? <a href={`mailto:${v}`}>{v}</a> : t('common.none')),
    },
  ];
  if (canEdit)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={t('people.editLabel', { name: p.fullName })}
          onClick={() => setEditing({ mode: 'edit', person: p })}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  const hasFilters = Boolean(search.orgUnitId || search.q);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        intro={t('people.intro')}
        extra={
          canEdit ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditing({ mode: 'create' })}
            >
              {t('people.add')}
            </Button>
          ) : null
        }
      />
      <search className="filters" aria-label={t('common.filters')}>
        <Select<number | ''>
          className="filter-select"
          aria-label={t('people.orgUnitFilter')}
          value={search.orgUnitId ?? ''}
          onChange={(v) => setFilter({ orgUnitId: v === '' ? undefined : v })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={orgUnits.isPending}
          popupMatchSelectWidth={false}
          options={[{ value: '', label: t('people.allOrgUnits') }, ...orgUnitOptions]}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
        />
        {hasFilters ? (
          <Button onClick={() => void navigate({ search: {} })}>{t('common.clearFilters')}</Button>
        ) : null}
      </search>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<Person>
        label={t('people.title')}
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={pagination}
      />
      {editing ? (
        <PersonFormModal
          person={editing.mode === 'edit' ? editing.person : undefined}
          defaultOrgUnitId={user.role === 'agency' ? (user.orgUnit?.id ?? null) : (search.orgUnitId ?? null)}
          orgUnitOptions={orgUnitOptions}
          orgUnitsLoading={orgUnits.isPending}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface PersonFormValues {
  fullName: string;
  position?: string;
  orgUnitId?: number | null;
  phone?: string;
  email?: string;
}

const PERSON_FIELDS = ['fullName', 'position', 'orgUnitId', 'phone', 'email'] as const;

function PersonFormModal({
  person,
  defaultOrgUnitId,
  orgUnitOptions,
  orgUnitsLoading,
  onClose,
}: {
  person?: Person;
  defaultOrgUnitId: number | null;
  orgUnitOptions: { value: number; label: string }[];
  orgUnitsLoading: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PersonFormValues>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (values: PersonFormValues) => {
      const input: PersonInput = {
        fullName: values.fullName.trim(),
        position: textOrNull(values.position),
        orgUnitId: values.orgUnitId ?? null,
        phone: textOrNull(values.phone),
        email: textOrNull(values.email),
      };
      if (!person) {
        const body: PersonInput = { fullName: input.fullName };
        for (const key of PERSON_FIELDS)
          if (key !== 'fullName' && input[key] != null) Object.assign(body, { [key]: input[key] });
        return createPerson(body);
      }
      const changed: Partial<PersonInput> = {};
      for (const key of PERSON_FIELDS)
        if (input[key] !== (person[key] ?? null)) Object.assign(changed, { [key]: input[key] });
      return updatePerson(person.id, changed);
    },
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory', 'people'] });
      void message.success(person ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error, PERSON_FIELDS)),
  });

  return (
    <Modal
      open
      title={person ? t('people.editTitle', { name: person.fullName }) : t('people.addTitle')}
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
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        initialValues={
          person
            ? {
                fullName: person.fullName,
                position: person.position ?? '',
                orgUnitId: person.orgUnitId,
                phone: person.phone ?? '',
                email: person.email ?? '',
              }
            : { orgUnitId: defaultOrgUnitId }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('people.fullName')}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t('people.fullNameRequired') }]}
        >
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.position')} name="position">
          <Input maxLength={120} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.orgUnit')} name="orgUnitId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnitsLoading}
            options={orgUnitOptions}
          />
        </Form.Item>
        <Form.Item label={t('people.phone')} name="phone">
          <Input type="tel" inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('people.email')}
          name="email"
          rules={[{ type: 'email', message: t('people.emailInvalid') }]}
        >
          <Input type="email" maxLength={200} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
