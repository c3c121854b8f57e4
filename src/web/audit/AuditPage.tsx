import { keepPreviousData } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../platform/api.ts';
import { dateTimeCell, orNone } from '../platform/ui/columns.tsx';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { diffRecords, type FieldChange, renderValue } from './diff.ts';
import type { AuditSearch } from './search.ts';

const routeApi = getRouteApi('/_app/audit');

export interface AuditItem {
  id: number;
  at: string;
  userId?: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const ENTITIES = ['user', 'org_unit', 'org_unit_alias', 'person', 'admin_unit', 'crash'] as const;
type KnownEntity = (typeof ENTITIES)[number];
const ACTIONS = ['create', 'update', 'delete', 'login', 'login_failed', 'logout', 'account_locked'] as const;
type KnownAction = (typeof ACTIONS)[number];

const isEntity = (s: string): s is KnownEntity => (ENTITIES as readonly string[]).includes(s);
const isAction = (s: string): s is KnownAction => (ACTIONS as readonly string[]).includes(s);

const auditQuery = (search: AuditSearch & { page: number; pageSize: number }) => ({
  queryKey: ['audit', search] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<AuditItem>>('/audit', { ...search }, signal),
  placeholderData: keepPreviousData,
});

export function AuditPage() {
  const { t } = useTranslation();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, auditQuery);

  const entityLabel = (e: string) => (isEntity(e) ? t(`audit.entities.${e}`) : e);
  const actionLabel = (a: string) => (isAction(a) ? t(`audit.actions.${a}`) : a);

  const columns: ColumnsType<AuditItem> = [
    { title: t('audit.at'), dataIndex: 'at', className: 'nowrap', render: dateTimeCell },
    {
      title: t('audit.user'),
      key: 'user',
      render: (_, a) => {
        const name = a.username ?? t('audit.system');
        if (a.userId == null || search.userId === a.userId) return name;
        return (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            aria-label={t('audit.filterByUser', { name })}
            onClick={() => setFilter({ userId: a.userId ?? undefined })}
          >
            {name}
          </Button>
        );
      },
    },
    { title: t('audit.action'), dataIndex: 'action', render: actionLabel },
    {
      title: t('audit.record'),
      key: 'record',
      render: (_, a) => (
        <>
          {entityLabel(a.entity)}
          {a.entityId ? <span className="cell-secondary">#{a.entityId}</span> : null}
        </>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', className: 'nowrap', render: orNone(t) },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <Filters onClear={clearFilters}>
        <FilterSelect<string>
          label={t('audit.entity')}
          allLabel={t('audit.allEntities')}
          value={search.entity}
          onChange={(entity) => setFilter({ entity })}
          options={[
            ...ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) })),
            ...(search.entity && !isEntity(search.entity)
              ? [{ value: search.entity, label: search.entity }]
              : []),
          ]}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('audit.searchLabel')}
          placeholder={t('audit.searchPlaceholder')}
        />
        {search.userId ? (
          <Tag
            closable={{ 'aria-label': t('audit.userFilterClear', { id: search.userId }) }}
            onClose={() => setFilter({ userId: undefined })}
          >
            {t('audit.userFilter', { id: search.userId })}
          </Tag>
        ) : null}
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<AuditItem>
        label={t('audit.title')}
        columns={columns}
        {...table}
        expandable={{
          expandedRowRender: (a) => <ChangesTable changes={diffRecords(a.before, a.after)} />,
          rowExpandable: (a) => a.before != null || a.after != null,
          columnTitle: <span className="sr-only">{t('audit.changes')}</span>,
        }}
      />
    </>
  );
}

function ChangesTable({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('audit.noChanges')}</p>;
  return (
    <table className="diff-table">
      <caption className="sr-only">{t('audit.changes')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.field')}</th>
          <th scope="col">{t('audit.before')}</th>
          <th scope="col">{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">
              <code>{c.field}</code>
            </th>
            <td className={c.before === undefined ? undefined : 'diff-before'}>
              <code>{renderValue(c.before)}</code>
            </td>
            <td className={c.after === undefined ? undefined : 'diff-after'}>
              <code>{renderValue(c.after)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
