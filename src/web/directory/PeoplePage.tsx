import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissions, useSession } from '../platform/auth.tsx';
import { orNone } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  allOrgUnitsQuery,
  createPerson,
  orgUnitOptions,
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
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, peopleQuery);
  const orgUnits = useQuery(allOrgUnitsQuery());
  const [editing, setEditing] = useState<Editing>(null);

  const unitOptions = orgUnitOptions(orgUnits.data);

  const columns: ColumnsType<Person> = [
    { title: t('people.fullName'), dataIndex: 'fullName', render: (v: string) => <strong>{v}</strong> },
    { title: t('people.position'), dataIndex: 'position', render: orNone(t) },
    { title: t('people.orgUnit'), dataIndex: 'orgUnitName', render: orNone(t) },
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
        <EditButton
          label={t('people.editLabel', { name: p.fullName })}
          onClick={() => setEditing({ mode: 'edit', person: p })}
        />
      ),
    });

  return (
    <>
      <PageHeader
        title={t('people.title')}
        intro={t('people.intro')}
        extra={
          canEdit ? (
            <AddButton onClick={() => setEditing({ mode: 'create' })}>{t('people.add')}</AddButton>
          ) : null
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<number>
          label={t('people.orgUnitFilter')}
          allLabel={t('people.allOrgUnits')}
          value={search.orgUnitId}
          onChange={(orgUnitId) => setFilter({ orgUnitId })}
          showSearch={{ optionFilterProp: 'label' }}
          loading={orgUnits.isPending}
          popupMatchSelectWidth={false}
          options={unitOptions}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('people.searchLabel')}
          placeholder={t('people.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<Person> label={t('people.title')} columns={columns} {...table} />
      {editing ? (
        <PersonFormModal
          person={editing.mode === 'edit' ? editing.person : undefined}
          defaultOrgUnitId={user.role === 'agency' ? (user.orgUnit?.id ?? null) : (search.orgUnitId ?? null)}
          orgUnitOptions={unitOptions}
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

function savePerson(person: Person | undefined, values: PersonFormValues) {
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
}

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
  return (
    <EntityFormModal<PersonFormValues>
      title={person ? t('people.editTitle', { name: person.fullName }) : t('people.addTitle')}
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
      fields={PERSON_FIELDS}
      submit={(values) => savePerson(person, values)}
      invalidates={['directory', 'people']}
      successMessage={person ? t('common.saved') : t('common.created')}
      onClose={onClose}
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
    </EntityFormModal>
  );
}
