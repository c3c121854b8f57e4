import { UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { App, Button, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { ROLES, type Role } from '../platform/auth.tsx';
import { formatDateTime } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton, EditButton, EntityFormModal } from '../platform/ui/EntityFormModal.tsx';
import { Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  allOrgUnitsQuery,
  createUser,
  currentCommunesQuery,
  orgUnitOptions,
  type UserAccount,
  type UserCreateInput,
  type UserPatchInput,
  updateUser,
  usersQuery,
} from './api.ts';

const routeApi = getRouteApi('/_app/directory/users');

type Editing = { mode: 'create' } | { mode: 'edit'; account: UserAccount } | null;

const isLocked = (u: UserAccount, now = Date.now()) =>
  u.lockedUntil != null && Date.parse(u.lockedUntil) > now;

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { search, query, setFilter, table } = useListPage(routeApi, usersQuery);
  const [editing, setEditing] = useState<Editing>(null);

  const unlock = useMutation({
    mutationFn: (account: UserAccount) => updateUser(account.id, { unlock: true }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['directory', 'users'] });
      void message.success(t('users.unlocked'));
    },
    onError: (error) => void message.error(isApiError(error) ? error.message : t('errors.generic')),
  });

  const columns: ColumnsType<UserAccount> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      className: 'nowrap',
      render: (v: string) => <code>{v}</code>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', render: (v: string) => <strong>{v}</strong> },
    { title: t('users.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
    {
      title: t('users.scope'),
      key: 'scope',
      render: (_, u) => [u.orgUnitName, u.adminUnitName].filter(Boolean).join(' · ') || t('common.none'),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <ul className="tag-list plain-list">
          {u.disabled ? (
            <li>
              <Tag className="tag-danger">{t('users.disabled')}</Tag>
            </li>
          ) : isLocked(u) ? null : (
            <li>
              <Tag>{t('users.active')}</Tag>
            </li>
          )}
          {isLocked(u) ? (
            <li>
              <Tag className="tag-warning">
                {t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}
              </Tag>
            </li>
          ) : null}
          {u.failedAttempts > 0 ? (
            <li className="cell-secondary">{t('users.failedAttempts', { count: u.failedAttempts })}</li>
          ) : null}
        </ul>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space wrap size="small">
          <EditButton
            label={t('users.editLabel', { name: u.username })}
            onClick={() => setEditing({ mode: 'edit', account: u })}
          />
          {isLocked(u) || u.failedAttempts > 0 ? (
            <Button
              size="small"
              icon={<UnlockOutlined aria-hidden />}
              aria-label={t('users.unlockLabel', { name: u.username })}
              loading={unlock.isPending && unlock.variables?.id === u.id}
              onClick={() => unlock.mutate(u)}
            >
              {t('users.unlock')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        extra={<AddButton onClick={() => setEditing({ mode: 'create' })}>{t('users.add')}</AddButton>}
      />
      <Filters>
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<UserAccount> label={t('users.title')} columns={columns} {...table} />
      {editing ? (
        <UserFormModal
          account={editing.mode === 'edit' ? editing.account : undefined}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

interface UserFormValues {
  username: string;
  password?: string;
  displayName: string;
  role?: Role;
  orgUnitId?: number | null;
  adminUnitId?: string | null;
  disabled?: boolean;
}

const USER_FIELDS = [
  'username',
  'password',
  'displayName',
  'role',
  'orgUnitId',
  'adminUnitId',
  'disabled',
] as const;

function saveUser(account: UserAccount | undefined, values: UserFormValues) {
  const orgUnitId = values.role === 'commune' ? null : (values.orgUnitId ?? null);
  const adminUnitId = values.role === 'commune' ? (values.adminUnitId ?? null) : null;
  if (!account) {
    const body: UserCreateInput = {
      username: values.username.trim(),
      password: values.password ?? '',
      displayName: values.displayName.trim(),
      role: values.role as Role,
      ...(orgUnitId != null ? { orgUnitId } : {}),
      ...(adminUnitId != null ? { adminUnitId } : {}),
    };
    return createUser(body);
  }
  const patch: UserPatchInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== account.displayName) patch.displayName = displayName;
  if (values.role && values.role !== account.role) patch.role = values.role;
  if (orgUnitId !== account.orgUnitId) patch.orgUnitId = orgUnitId;
  if (adminUnitId !== account.adminUnitId) patch.adminUnitId = adminUnitId;
  if (Boolean(values.disabled) !== account.disabled) patch.disabled = Boolean(values.disabled);
  if (values.password) patch.password = values.password;
  return updateUser(account.id, patch);
}

function UserFormModal({ account, onClose }: { account?: UserAccount; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserFormValues>();
  const role = Form.useWatch('role', form);
  const orgUnits = useQuery(allOrgUnitsQuery());
  const communes = useQuery(currentCommunesQuery());

  return (
    <EntityFormModal<UserFormValues>
      title={account ? t('users.editTitle', { name: account.username }) : t('users.addTitle')}
      form={form}
      initialValues={
        account
          ? {
              username: account.username,
              displayName: account.displayName,
              role: account.role,
              orgUnitId: account.orgUnitId,
              adminUnitId: account.adminUnitId,
              disabled: account.disabled,
            }
          : {}
      }
      fields={USER_FIELDS}
      submit={(values) => saveUser(account, values)}
      invalidates={['directory', 'users']}
      successMessage={account ? t('common.saved') : t('common.created')}
      onClose={onClose}
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
      >
        <Input
          maxLength={60}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          disabled={Boolean(account)}
        />
      </Form.Item>
      <Form.Item
        label={account ? t('users.newPassword') : t('users.password')}
        name="password"
        extra={account ? t('users.newPasswordHelp') : t('users.passwordHelp')}
        rules={[
          { required: !account, message: t('users.passwordRequired') },
          { min: 10, message: t('users.passwordTooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input maxLength={120} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('users.role')}
        name="role"
        rules={[{ required: true, message: t('users.roleRequired') }]}
      >
        <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      {role === 'commune' ? (
        <Form.Item
          label={t('users.adminUnit')}
          name="adminUnitId"
          rules={[{ required: true, message: t('users.adminUnitRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={communes.isPending}
            options={(communes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('users.orgUnit')}
          name="orgUnitId"
          rules={[{ required: role === 'agency', message: t('users.orgUnitRequired') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnits.isPending}
            options={orgUnitOptions(orgUnits.data)}
          />
        </Form.Item>
      )}
      {account ? (
        <Form.Item name="disabled" valuePropName="checked">
          <Checkbox>{t('users.disableAccount')}</Checkbox>
        </Form.Item>
      ) : null}
    </EntityFormModal>
  );
}
