import { EditOutlined, EyeOutlined, FormOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { App, Button, Empty, Pagination, Segmented, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatDate } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { useListPage } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  type DueReport,
  dueKey,
  emptyValues,
  myReportsQuery,
  saveSubmissionDraft,
  submissionQuery,
} from './api.ts';
import { DueOn, DueTags, formatInstant, periodRange } from './ui.tsx';

const routeApi = getRouteApi('/_app/reports');

/** What the unit can do with a due report: start it, go on with it, or read it. */
function actionOf(r: DueReport): 'start' | 'continue' | 'view' {
  if (r.submissionId === null) return 'start';
  return r.status === 'draft' || r.status === 'returned' ? 'continue' : 'view';
}

/** Opens a due report, saving an empty draft first when the unit has none yet. */
export function useOpenReport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: (r: DueReport) =>
      saveSubmissionDraft({
        scheduleId: r.scheduleId,
        periodKey: r.period.key,
        unitId: r.unitId,
        values: emptyValues(),
      }),
    onSuccess: async (s) => {
      queryClient.setQueryData(submissionQuery(s.id).queryKey, s);
      void queryClient.invalidateQueries({ queryKey: ['my-reports'] });
      await navigate({ to: '/reports/submissions/$submissionId', params: { submissionId: String(s.id) } });
    },
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });
  const open = (r: DueReport) => {
    if (r.submissionId !== null)
      void navigate({
        to: '/reports/submissions/$submissionId',
        params: { submissionId: String(r.submissionId) },
      });
    else start.mutate(r);
  };
  return { open, starting: start.isPending ? start.variables : undefined };
}

export function MyReportsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isPhone = useIsPhone();
  const { search, query, setFilter, table } = useListPage(routeApi, myReportsQuery);
  const { open, starting } = useOpenReport();

  const actionButton = (r: DueReport) => {
    const action = actionOf(r);
    const busy = starting !== undefined && dueKey(starting) === dueKey(r);
    const label = t(`reports.mine.actions.${action}`);
    const icon =
      action === 'start' ? (
        <FormOutlined aria-hidden />
      ) : action === 'continue' ? (
        <EditOutlined aria-hidden />
      ) : (
        <EyeOutlined aria-hidden />
      );
    return (
      <Button
        type={action === 'view' ? 'default' : 'primary'}
        icon={icon}
        loading={busy}
        onClick={() => open(r)}
        aria-label={t('reports.mine.actionLabel', {
          action: label,
          title: r.scheduleTitle,
          period: r.period.label,
        })}
      >
        {label}
      </Button>
    );
  };

  const columns: ColumnsType<DueReport> = [
    {
      title: t('reports.mine.report'),
      key: 'report',
      render: (_, r) => (
        <div className="item-title">
          <strong>{r.scheduleTitle}</strong>
          <span className="cell-secondary">{r.formName}</span>
        </div>
      ),
    },
    {
      title: t('reports.period'),
      key: 'period',
      render: (_, r) => (
        <>
          {r.period.label}
          <span className="cell-secondary">{periodRange(r.period)}</span>
        </>
      ),
    },
    { title: t('reports.unit'), dataIndex: 'unitName' },
    {
      title: t('reports.dueOn'),
      key: 'dueOn',
      className: 'nowrap',
      render: (_, r) => <DueOn period={r.period} />,
    },
    {
      title: t('reports.status'),
      key: 'status',
      render: (_, r) => (
        <>
          <DueTags r={r} />
          {r.submittedAt ? (
            <span className="cell-secondary">
              {t('reports.submittedAt', { at: formatInstant(r.submittedAt) })}
            </span>
          ) : null}
        </>
      ),
    },
    { title: t('common.actions'), key: 'actions', render: (_, r) => actionButton(r) },
  ];

  const unit = user.role === 'commune' && user.adminUnit ? user.adminUnit.name : user.orgUnit?.name;
  const items = query.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('reports.mine.title')}
        intro={unit ? t('reports.mine.introUnit', { unit }) : t('reports.mine.intro')}
      />
      <div className="toolbar">
        <Segmented<'open' | 'all'>
          aria-label={t('reports.mine.stateLabel')}
          value={search.state ?? 'open'}
          onChange={(v) => setFilter({ state: v === 'all' ? 'all' : undefined })}
          options={[
            { value: 'open', label: t('reports.mine.open') },
            { value: 'all', label: t('reports.mine.all') },
          ]}
        />
      </div>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {isPhone ? (
        query.isPending ? (
          <Skeleton active />
        ) : items.length === 0 ? (
          <Empty description={t('reports.mine.empty')} />
        ) : (
          <>
            <ul className="rp-due-list plain-list" aria-label={t('reports.mine.title')}>
              {items.map((r) => (
                <li key={dueKey(r)} className="rp-due-card">
                  <h2>{r.scheduleTitle}</h2>
                  <p className="muted">
                    {r.period.label} · {r.unitName}
                  </p>
                  <p>{t('reports.dueLine', { date: formatDate(r.period.dueOn) })}</p>
                  <DueTags r={r} />
                  <div>{actionButton(r)}</div>
                </li>
              ))}
            </ul>
            <Pagination
              style={{ marginTop: 16 }}
              size="small"
              current={table.pagination.current}
              pageSize={table.pagination.pageSize}
              total={table.pagination.total}
              onChange={table.pagination.onChange}
              showSizeChanger={false}
              hideOnSinglePage
            />
          </>
        )
      ) : (
        <DataTable<DueReport>
          label={t('reports.mine.title')}
          columns={columns}
          {...table}
          rowKey={dueKey}
          locale={{ emptyText: t('reports.mine.empty') }}
          rowClassName={(r) => (r.timeliness === 'missing' ? 'row-overdue' : '')}
        />
      )}
    </>
  );
}
