import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Segmented } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSession } from '../platform/auth.tsx';
import { formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { FilterSelect, Filters, SearchBox, useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  ASSIGNMENT_STATUSES,
  type AssignmentRow,
  type AssignmentStatus,
  myDueCountQuery,
  myTasksQuery,
  SCHEDULE_KINDS,
  type ScheduleKind,
} from './api.ts';
import type { MyTaskTab } from './search.ts';
import { AssignmentStatusTag, DueDate, ProgressBar, RoleTag, ScheduleKindTag } from './ui.tsx';

const routeApi = getRouteApi('/_app/tasks/mine');

type TabValue = MyTaskTab | 'all';

export function MyTasksPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const routeNavigate = routeApi.useNavigate();
  const { search, query, setFilter, table } = useListPage(routeApi, myTasksQuery);
  const overdue = useQuery(myDueCountQuery('overdue'));
  const dueSoon = useQuery(myDueCountQuery('due_soon'));

  const withCount = (label: string, n: number | undefined) =>
    n === undefined ? label : `${label} (${formatNumber(n)})`;
  const tabs: { value: TabValue; label: string }[] = [
    { value: 'all', label: t('myTasks.tabs.all') },
    { value: 'overdue', label: withCount(t('myTasks.tabs.overdue'), overdue.data) },
    { value: 'due_soon', label: withCount(t('myTasks.tabs.dueSoon'), dueSoon.data) },
    { value: 'coordinating', label: t('myTasks.tabs.coordinating') },
  ];

  const hasFilters = Boolean(search.status || search.scheduleKind || search.q);
  const clearFilters = hasFilters ? () => void routeNavigate({ search: { tab: search.tab } }) : undefined;

  const columns: ColumnsType<AssignmentRow> = [
    {
      title: t('plans.task'),
      key: 'task',
      render: (_, a) => (
        <div className="item-title">
          <span className="item-path">{a.taskPath}</span>{' '}
          <Link to="/tasks/$taskId" params={{ taskId: String(a.taskId) }}>
            {a.taskTitle}
          </Link>
          <span className="cell-secondary">{t('myTasks.inPlan', { number: a.planNumber })}</span>
        </div>
      ),
    },
    {
      title: t('plans.timeframe'),
      key: 'timeframe',
      render: (_, a) => (
        <span className="timeframe-cell">
          <ScheduleKindTag kind={a.scheduleKind} />
          {a.timeframeText ? <span className="cell-secondary">{a.timeframeText}</span> : null}
        </span>
      ),
    },
    {
      title: t('plans.unitAndRole'),
      key: 'unit',
      render: (_, a) => (
        <>
          <RoleTag role={a.role} isPrimary={a.isPrimary} />
          <span className="cell-secondary">{a.orgUnitName}</span>
        </>
      ),
    },
    {
      title: t('plans.status'),
      dataIndex: 'status',
      render: (s: AssignmentStatus) => <AssignmentStatusTag status={s} />,
    },
    {
      title: t('plans.progress'),
      key: 'progress',
      render: (_, a) => (
        <ProgressBar percent={a.progress} label={t('myTasks.progressOf', { path: a.taskPath })} />
      ),
    },
    {
      title: t('plans.nextDue'),
      key: 'nextDue',
      className: 'nowrap',
      render: (_, a) => <DueDate dueOn={a.nextDueOn} state={a.dueState} />,
    },
  ];

  const unit = user.role === 'commune' && user.adminUnit ? user.adminUnit.name : user.orgUnit?.name;

  return (
    <>
      <PageHeader
        title={t('myTasks.title')}
        intro={unit ? t('myTasks.introUnit', { unit }) : t('myTasks.intro')}
      />
      <div className="toolbar">
        <Segmented<TabValue>
          aria-label={t('myTasks.tabsLabel')}
          value={search.tab ?? 'all'}
          onChange={(v) => setFilter({ tab: v === 'all' ? undefined : v })}
          options={tabs}
        />
      </div>
      <Filters onClear={clearFilters}>
        <FilterSelect<AssignmentStatus>
          label={t('plans.status')}
          allLabel={t('myTasks.allStatuses')}
          value={search.status}
          onChange={(status) => setFilter({ status })}
          options={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: t(`plans.assignmentStatuses.${s}`) }))}
        />
        <FilterSelect<ScheduleKind>
          label={t('plans.scheduleKind')}
          allLabel={t('myTasks.allScheduleKinds')}
          value={search.scheduleKind}
          onChange={(scheduleKind) => setFilter({ scheduleKind })}
          popupMatchSelectWidth={false}
          options={SCHEDULE_KINDS.map((k) => ({ value: k, label: t(`plans.scheduleKinds.${k}`) }))}
        />
        <SearchBox
          value={search.q}
          onSearch={(q) => setFilter({ q })}
          label={t('myTasks.searchLabel')}
          placeholder={t('myTasks.searchPlaceholder')}
        />
      </Filters>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      <DataTable<AssignmentRow>
        label={t('myTasks.title')}
        columns={columns}
        {...table}
        rowClassName={(a) => (a.dueState === 'overdue' ? 'row-overdue clickable-row' : 'clickable-row')}
        onRow={(a) => ({
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('a, button')) return;
            void navigate({ to: '/tasks/$taskId', params: { taskId: String(a.taskId) } });
          },
        })}
      />
    </>
  );
}
