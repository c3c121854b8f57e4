import { HistoryOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allOrgUnitsQuery, orgUnitOptions } from '../directory/api.ts';
import { isApiError } from '../platform/api.ts';
import { formatDateTime, formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { AddButton } from '../platform/ui/EntityFormModal.tsx';
import { FilterSelect, Filters, SearchBox, useListPage, usePagination } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { applyServerErrors } from '../platform/ui/serverErrors.ts';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  type ApiCall,
  type ApiClient,
  type ClientCreateInput,
  callsQuery,
  clientsQuery,
  createClient,
  type IssuedToken,
  revokeClient,
  rotateClient,
  SCOPES,
  type Scope,
} from './api.ts';
import { CLIENT_STATUSES } from './search.ts';

const routeApi = getRouteApi('/_app/sharing/clients');

/** i18next reads ':' as a namespace separator: 'crashes:read' → 'crashes_read'. */
const SCOPE_KEY = {
  'crashes:read': 'crashes_read',
  'crashes:write': 'crashes_write',
  'black_spots:read': 'black_spots_read',
  'violations:read': 'violations_read',
} as const satisfies Record<Scope, string>;
const isScope = (s: string): s is Scope => s in SCOPE_KEY;

export function ClientsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, clientsQuery);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [callsOf, setCallsOf] = useState<ApiClient | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['sharing', 'clients'] });
  const onError = (error: unknown) =>
    void message.error(isApiError(error) ? error.message : t('errors.generic'));
  const revoke = useMutation({
    mutationFn: (c: ApiClient) => revokeClient(c.id),
    onSuccess: async () => {
      await refresh();
      void message.success(t('sharing.revoked'));
    },
    onError,
  });
  const rotate = useMutation({
    mutationFn: (c: ApiClient) => rotateClient(c.id),
    onSuccess: async (result) => {
      await refresh();
      setIssued(result);
    },
    onError,
  });

  const columns: ColumnsType<ApiClient> = [
    {
      title: t('sharing.name'),
      dataIndex: 'name',
      render: (_, c) => (
        <>
          <strong>{c.name}</strong>
          {c.contact ? <div className="cell-secondary">{c.contact}</div> : null}
          <div className="cell-secondary">
            <code>{c.tokenPrefix}…</code>
          </div>
        </>
      ),
    },
    {
      title: t('sharing.partner'),
      key: 'partner',
      render: (_, c) =>
        c.partnerOrgUnitName ? (
          <>
            {c.partnerOrgUnitName}
            {c.partnerIsPolice ? (
              <div>
                <Tag>{t('sharing.police')}</Tag>
              </div>
            ) : null}
          </>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('sharing.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <ul className="tag-list plain-list">
          {scopes.map((s) => (
            <li key={s}>
              <Tag title={s}>{isScope(s) ? t(`sharing.scope.${SCOPE_KEY[s]}`) : s}</Tag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: t('sharing.rate'),
      dataIndex: 'ratePerMinute',
      className: 'nowrap',
      render: (v: number) => t('sharing.ratePerMinute', { count: v, value: formatNumber(v) }),
    },
    {
      title: t('sharing.lastUsed'),
      key: 'lastUsed',
      className: 'nowrap',
      render: (_, c) => (
        <>
          {c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('sharing.neverUsed')}
          <div className="cell-secondary">
            {t('sharing.calls24h', { count: c.calls24h, value: formatNumber(c.calls24h) })}
          </div>
        </>
      ),
    },
    {
      title: t('sharing.status'),
      key: 'status',
      render: (_, c) =>
        c.revokedAt ? (
          <Tag className="tag-danger">{t('sharing.revokedAt', { time: formatDateTime(c.revokedAt) })}</Tag>
        ) : (
          <Tag>{t('sharing.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space orientation="vertical" size="small">
          <Button
            size="small"
            icon={<HistoryOutlined aria-hidden />}
            aria-label={t('sharing.callsLabel', { name: c.name })}
            onClick={() => setCallsOf(c)}
          >
            {t('sharing.calls')}
          </Button>
          {c.revokedAt ? null : (
            <>
              <Popconfirm
                title={t('sharing.rotateConfirm', { name: c.name })}
                description={t('sharing.rotateConfirmHelp')}
                okText={t('sharing.rotate')}
                cancelText={t('common.cancel')}
                okButtonProps={{ loading: rotate.isPending }}
                onConfirm={() => rotate.mutate(c)}
              >
                <Button
                  size="small"
                  icon={<KeyOutlined aria-hidden />}
                  aria-label={t('sharing.rotateLabel', { name: c.name })}
                >
                  {t('sharing.rotate')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('sharing.revokeConfirm', { name: c.name })}
                description={t('sharing.revokeConfirmHelp')}
                okText={t('sharing.revoke')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, loading: revoke.isPending }}
                onConfirm={() => revoke.mutate(c)}
              >
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined aria-hidden />}
                  aria-label={t('sharing.revokeLabel', { name: c.name })}
                >
                  {t('sharing.revoke')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('sharing.title')}
        intro={t('sharing.intro')}
        extra={<AddButton onClick={() => setCreating(true)}>{t('sharing.add')}</AddButton>}
      />
      <Filters onClear={clearFilters}>
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('sharing.searchLabel')}
          placeholder={t('sharing.searchPlaceholder')}
        />
        <FilterSelect
          label={t('sharing.status')}
          allLabel={t('sharing.allStatuses')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          options={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`sharing.statuses.${s}`) }))}
        />
      </Filters>
      <Alert type="info" showIcon title={t('sharing.howTo')} style={{ marginBottom: 16 }} />
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<ApiClient> label={t('sharing.title')} columns={columns} {...table} />
      {creating ? (
        <CreateDrawer
          onClose={() => setCreating(false)}
          onIssued={(result) => {
            setCreating(false);
            setIssued(result);
            void refresh();
          }}
        />
      ) : null}
      {issued ? <TokenModal issued={issued} onClose={() => setIssued(null)} /> : null}
      {callsOf ? <CallsDrawer client={callsOf} onClose={() => setCallsOf(null)} /> : null}
    </>
  );
}

interface CreateValues {
  name: string;
  partnerOrgUnitId?: number | null;
  contact?: string;
  scopes: Scope[];
  ratePerMinute: number;
}
const CREATE_FIELDS = ['name', 'partnerOrgUnitId', 'contact', 'scopes', 'ratePerMinute'] as const;

function CreateDrawer({ onClose, onIssued }: { onClose: () => void; onIssued: (r: IssuedToken) => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<CreateValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const orgUnits = useQuery(allOrgUnitsQuery());
  const save = useMutation({
    mutationFn: (v: CreateValues) => {
      const body: ClientCreateInput = {
        name: v.name.trim(),
        partnerOrgUnitId: v.partnerOrgUnitId ?? null,
        contact: v.contact?.trim() || null,
        scopes: v.scopes,
        ratePerMinute: v.ratePerMinute,
      };
      return createClient(body);
    },
    onMutate: () => setFormError(null),
    onSuccess: onIssued,
    onError: (error) => setFormError(applyServerErrors(form, error, CREATE_FIELDS)),
  });

  return (
    <Drawer
      open
      title={t('sharing.addTitle')}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
      footer={
        <Space>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('sharing.issue')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ scopes: [], ratePerMinute: 60 }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          label={t('sharing.name')}
          name="name"
          extra={t('sharing.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('sharing.nameRequired') }]}
        >
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('sharing.partner')} name="partnerOrgUnitId" extra={t('sharing.partnerHelp')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnits.isPending}
            options={orgUnitOptions(orgUnits.data)}
          />
        </Form.Item>
        <Form.Item label={t('sharing.contact')} name="contact" extra={t('sharing.contactHelp')}>
          <Input maxLength={500} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('sharing.scopes')}
          name="scopes"
          rules={[{ required: true, type: 'array', min: 1, message: t('sharing.scopesRequired') }]}
        >
          <Checkbox.Group>
            <Space orientation="vertical">
              {SCOPES.map((s) => (
                <Checkbox key={s} value={s}>
                  <strong>{t(`sharing.scope.${SCOPE_KEY[s]}`)}</strong> <code>{s}</code>
                  <div className="cell-secondary">{t(`sharing.scope.${SCOPE_KEY[s]}_help`)}</div>
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          label={t('sharing.rate')}
          name="ratePerMinute"
          extra={t('sharing.rateHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: 6000, message: t('sharing.rateRange') }]}
        >
          <InputNumber min={1} max={6000} step={10} precision={0} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** The token, shown once: copy it now, it is never shown again. */
function TokenModal({ issued, onClose }: { issued: IssuedToken; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('sharing.tokenTitle', { name: issued.client.name })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('sharing.tokenDone')}
        </Button>
      }
      mask={{ closable: false }}
      closable={{ 'aria-label': t('common.close') }}
    >
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('sharing.tokenWarning')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph
        copyable={{ text: issued.token, tooltips: [t('sharing.copy'), t('sharing.copied')] }}
        style={{ wordBreak: 'break-all' }}
      >
        <code data-testid="api-token">{issued.token}</code>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('sharing.tokenUse')}</Typography.Paragraph>
      <pre
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}
      >{`curl -H "Authorization: Bearer ${issued.token.slice(0, 12)}…" \\\n  ${window.location.origin}/api/share/v1/black-spots`}</pre>
    </Modal>
  );
}

function CallsDrawer({ client, onClose }: { client: ApiClient; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const calls = useQuery(callsQuery(client.id, page, pageSize));
  const pagination = usePagination(page, pageSize, calls.data?.total, (p, s) => {
    setPage(p ?? 1);
    setPageSize(s ?? 20);
  });
  const columns: ColumnsType<ApiCall> = [
    {
      title: t('sharing.callAt'),
      dataIndex: 'at',
      className: 'nowrap',
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('sharing.callRequest'),
      key: 'request',
      render: (_, c) => (
        <code>
          {c.method} {c.path}
          {c.query ? `?${c.query}` : ''}
        </code>
      ),
    },
    {
      title: t('sharing.callStatus'),
      dataIndex: 'status',
      render: (s: number) => <Tag className={s >= 400 ? 'tag-danger' : undefined}>{s}</Tag>,
    },
    {
      title: t('sharing.callRows'),
      dataIndex: 'rowsReturned',
      align: 'right',
      render: (v: number | null) => (v === null ? t('common.none') : formatNumber(v)),
    },
    {
      title: t('sharing.callDuration'),
      dataIndex: 'durationMs',
      align: 'right',
      className: 'nowrap',
      render: (v: number) => `${formatNumber(v)} ms`,
    },
    { title: t('sharing.callIp'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.none') },
  ];
  return (
    <Drawer
      open
      title={t('sharing.callsTitle', { name: client.name })}
      onClose={onClose}
      size={isPhone ? '100%' : 900}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {calls.isError ? <QueryError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
      <DataTable<ApiCall>
        label={t('sharing.callsTitle', { name: client.name })}
        rowKey="id"
        columns={columns}
        dataSource={calls.data?.items ?? []}
        loading={calls.isFetching}
        pagination={pagination}
        locale={{ emptyText: t('sharing.noCalls') }}
      />
    </Drawer>
  );
}
