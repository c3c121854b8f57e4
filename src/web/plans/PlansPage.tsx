import { ImportOutlined, NotificationOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatDate, formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { PLAN_STATUSES, type Plan, type PlanStatus, planPermissions, plansQuery } from './api.ts';
import { ProgressBar } from './ui.tsx';

const routeApi = getRouteApi('/_app/plans');

export function PlanStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = (PLAN_STATUSES as readonly string[]).includes(status);
  const cls = status === 'active' ? 'tag-info' : status === 'closed' ? 'tag-ok' : 'tag-neutral';
  return <Tag className={cls}>{known ? t(`plans.planStatuses.${status as PlanStatus}`) : status}</Tag>;
}

export function PlansPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const { search, query, setFilter, clearFilters, table } = useListPage(routeApi, plansQuery);

  const columns: ColumnsType<Plan> = [
    {
      title: t('plans.number'),
      key: 'number',
      className: 'nowrap',
      render: (_, p) => (
        <>
          <strong>{p.number}</strong>
          <span className="cell-secondary">
            <time dateTime={p.issuedOn}>{formatDate(p.issuedOn)}</time>
          </span>
        </>
      ),
    },
    {
      title: t('plans.planTitle'),
      key: 'title',
      render: (_, p) => (
        <div className="item-title">
          <Link to="/plans/$planId" params={{ planId: String(p.id) }}>
            {p.title}
          </Link>
          {p.theme ? (
            <span className="cell-secondary">{t('plans.themeLine', { theme: p.theme })}</span>
          ) : null}
          {p.parentNumber ? (
            <span className="cell-secondary">{t('plans.implementsLine', { number: p.parentNumber })}</span>
          ) : null}
        </div>
      ),
    },
    {
      title: t('plans.issuingBody'),
      key: 'issuingBody',
      render: (_, p) => (
        <>
          {p.issuingBody}
          {p.ownerUnitName ? <span className="cell-secondary">{p.ownerUnitName}</span> : null}
        </>
      ),
    },
    { title: t('plans.status'), dataIndex: 'status', render: (s: string) => <PlanStatusTag status={s} /> },
    {
      title: t('plans.taskCount'),
      dataIndex: 'taskCount',
      align: 'right',
      render: (v: number) => formatNumber(v),
    },
    {
      title: t('plans.progress'),
      key: 'progress',
      render: (_, p) => (
        <>
          <ProgressBar percent={p.progress} label={t('plans.progressOf', { name: p.number })} />
          <span className="cell-secondary">
            {t('plans.doneOfLead', {
              done: formatNumber(p.doneAssignments),
              total: formatNumber(p.leadAssignments),
            })}
          </span>
        </>
      ),
    },
    {
      title: t('plans.overdue'),
      dataIndex: 'overdueAssignments',
      align: 'right',
      render: (v: number) =>
        v > 0 ? <span className="due-overdue">{formatNumber(v)}</span> : <span>{formatNumber(v)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        intro={t('plans.intro')}
        extra={
          <>
            {planPermissions.recordTrigger(user.role) ? (
              <Button
                icon={<NotificationOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/plans/triggers' })}
              >
                {t('nav.triggers')}
              </Button>
            ) : null}
            {planPermissions.importPlan(user.role) ? (
              <Button
                type="primary"
                icon={<ImportOutlined aria-hidden />}
                onClick={() => void navigate({ to: '/plans/import', search: {} })}
              >
                {t('plans.importButton')}
              </Button>
            ) : null}
          </>
        }
      />
      <Filters onClear={clearFilters}>
        <FilterSelect<PlanStatus>
          label={t('plans.status')}
          allLabel={t('plans.allStatuses')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.planStatuses.${s}`) }))}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('plans.searchLabel')}
          placeholder={t('plans.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<Plan> label={t('plans.title')} columns={columns} {...table} />
    </>
  );
}
