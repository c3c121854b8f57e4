/**
 * The completeness board (theo dõi nộp báo cáo): for a schedule and a period, how many units were expected,
 * sent on time, late, not at all, are not due yet, and were accepted; each unit's row, and its history
 * over the year in a drawer.
 */
import { BarChartOutlined, BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, App, Button, Drawer, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../platform/api.ts';
import { useSession } from '../platform/auth.tsx';
import { formatNumber } from '../platform/format.ts';
import { DataTable } from '../platform/ui/DataTable.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import { useIsPhone } from '../platform/ui/useMediaQuery.ts';
import {
  boardQuery,
  type DueReport,
  dueKey,
  remindUnits,
  reportPermissions,
  unitHistoryQuery,
} from './api.ts';
import type { BoardSearch } from './search.ts';
import {
  CountCards,
  type CountKey,
  DueOn,
  DueTags,
  Instant,
  periodRange,
  SchedulePeriodFilters,
  SchedulePeriodPageButton,
  useSchedulePeriodSearch,
  useUnitKindLabel,
} from './ui.tsx';

const routeApi = getRouteApi('/_app/reports/board');

const SHOW_OF: Partial<Record<CountKey, BoardSearch['show']>> = {
  onTime: 'on_time',
  late: 'late',
  missing: 'missing',
  pending: 'pending',
  accepted: 'accepted',
};

const matches = (r: DueReport, show: BoardSearch['show']) =>
  !show ? true : show === 'accepted' ? r.status === 'accepted' : r.timeliness === show;

export function BoardPage() {
  const { t } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const kindLabel = useUnitKindLabel();

  const { state, pick } = useSchedulePeriodSearch(search, navigate, { show: undefined, unit: undefined });
  const board = useQuery({
    ...boardQuery(state.scheduleId ?? 0, state.periodKey ?? ''),
    enabled: Boolean(state.scheduleId && state.periodKey),
  });
  const { user } = useSession();
  const { message } = App.useApp();
  const remind = useMutation({
    mutationFn: () => remindUnits(state.scheduleId ?? 0, state.periodKey ?? ''),
    onSuccess: (r) =>
      void message.success(
        r.reminded > 0
          ? t('reports.board.reminded', { count: r.reminded, units: r.units.join(', ') })
          : t('reports.board.remindedNone'),
      ),
    onError: (e) => void message.error(isApiError(e) ? e.message : t('errors.generic')),
  });
  const unsent = board.data ? board.data.counts.missing + board.data.counts.pending : 0;

  const rows = useMemo(
    () => (board.data?.rows ?? []).filter((r) => matches(r, search.show)),
    [board.data, search.show],
  );

  const columns: ColumnsType<DueReport> = [
    {
      title: t('reports.unit'),
      key: 'unit',
      render: (_, r) => (
        <>
          <Link
            to="/reports/board"
            search={(prev) => ({ ...prev, unit: r.unitId })}
            aria-label={t('reports.board.historyOf', { unit: r.unitName })}
          >
            {r.unitName}
          </Link>
          <span className="cell-secondary">{kindLabel(r.unitKind)}</span>
        </>
      ),
    },
    {
      title: t('reports.status'),
      key: 'status',
      render: (_, r) => <DueTags r={r} />,
    },
    {
      title: t('reports.submittedAtColumn'),
      key: 'submittedAt',
      className: 'nowrap',
      render: (_, r) => (r.submittedAt ? <Instant value={r.submittedAt} /> : t('common.none')),
    },
    {
      title: t('reports.board.report'),
      key: 'open',
      render: (_, r) =>
        r.submissionId ? (
          <Link
            to="/reports/submissions/$submissionId"
            params={{ submissionId: String(r.submissionId) }}
            aria-label={t('reports.board.openReportOf', {
              action: r.status === 'submitted' ? t('reports.board.review') : t('reports.board.open'),
              unit: r.unitName,
            })}
          >
            {r.status === 'submitted' ? t('reports.board.review') : t('reports.board.open')}
          </Link>
        ) : (
          <span className="muted">{t('reports.board.noReport')}</span>
        ),
    },
  ];

  const p = board.data?.period ?? state.period;

  return (
    <>
      <PageHeader
        title={t('reports.board.title')}
        intro={t('reports.board.intro')}
        extra={
          <>
            {reportPermissions.manage(user.role) && unsent > 0 ? (
              <Button
                icon={<BellOutlined aria-hidden />}
                loading={remind.isPending}
                onClick={() => remind.mutate()}
              >
                {t('reports.board.remind', { count: unsent })}
              </Button>
            ) : null}
            <SchedulePeriodPageButton
              to="/reports/consolidation"
              year={search.year}
              state={state}
              icon={<BarChartOutlined aria-hidden />}
            >
              {t('reports.board.toConsolidation')}
            </SchedulePeriodPageButton>
          </>
        }
      />
      <SchedulePeriodFilters state={state} onChange={pick} />
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {p ? (
        <p className="summary-line">
          {t('reports.board.periodLine', { label: p.label, range: periodRange(p) })} ·{' '}
          {t('reports.dueOnLabel')} <DueOn period={p} />
        </p>
      ) : null}
      {board.data ? (
        <>
          <CountCards
            counts={board.data.counts}
            active={
              (Object.keys(SHOW_OF) as CountKey[]).find((k) => SHOW_OF[k] === search.show) ??
              (search.show ? undefined : 'expected')
            }
            link={(k) => (
              <Link
                to="/reports/board"
                search={(prev) => ({ ...prev, show: SHOW_OF[k], unit: undefined })}
                aria-current={(SHOW_OF[k] ?? undefined) === search.show ? 'true' : undefined}
              >
                <span className="rp-count-label">{t(`reports.counts.${k}`)}</span>
                <span className="rp-count-value" data-testid={`count-${k}`}>
                  {formatNumber(board.data.counts[k])}
                </span>
              </Link>
            )}
          />
          {search.show ? (
            <Alert
              type="info"
              className="page-section"
              title={t('reports.board.filtered', { what: t(`reports.counts.${countKeyOf(search.show)}`) })}
              action={
                <Button
                  size="small"
                  onClick={() => void navigate({ search: (prev) => ({ ...prev, show: undefined }) })}
                >
                  {t('reports.board.showAll')}
                </Button>
              }
            />
          ) : null}
          <DataTable<DueReport>
            label={t('reports.board.tableLabel')}
            columns={columns}
            dataSource={rows}
            rowKey={dueKey}
            loading={board.isFetching}
            pagination={false}
            rowClassName={(r) => (r.timeliness === 'missing' ? 'row-overdue' : '')}
          />
        </>
      ) : board.isPending && state.scheduleId && state.periodKey ? (
        <Skeleton active />
      ) : null}
      {search.unit ? (
        <UnitHistoryDrawer
          unitId={search.unit}
          year={state.year}
          onClose={() => void navigate({ search: (prev) => ({ ...prev, unit: undefined }) })}
        />
      ) : null}
    </>
  );
}

function countKeyOf(show: NonNullable<BoardSearch['show']>): CountKey {
  return (Object.keys(SHOW_OF) as CountKey[]).find((k) => SHOW_OF[k] === show) ?? 'expected';
}

/** One unit's reports over the year: each period's status and timeliness. */
function UnitHistoryDrawer({ unitId, year, onClose }: { unitId: number; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const history = useQuery(unitHistoryQuery(unitId, year));
  const columns: ColumnsType<DueReport> = [
    {
      title: t('reports.period'),
      key: 'period',
      render: (_, r) => (
        <>
          {r.submissionId ? (
            <Link to="/reports/submissions/$submissionId" params={{ submissionId: String(r.submissionId) }}>
              {r.period.label}
            </Link>
          ) : (
            r.period.label
          )}
          <span className="cell-secondary">{r.scheduleTitle}</span>
        </>
      ),
    },
    {
      title: t('reports.dueOn'),
      key: 'due',
      className: 'nowrap',
      render: (_, r) => <DueOn period={r.period} />,
    },
    { title: t('reports.status'), key: 'status', render: (_, r) => <DueTags r={r} /> },
  ];
  return (
    <Drawer
      open
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={
        history.data
          ? t('reports.board.historyTitle', { unit: history.data.unitName, year })
          : t('reports.board.historyLoading')
      }
      closable={{ 'aria-label': t('common.close') }}
    >
      {history.isError ? <QueryError error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data ? (
        <>
          <CountCards counts={history.data.counts} />
          <DataTable<DueReport>
            label={t('reports.board.historyTable')}
            columns={columns}
            dataSource={history.data.rows}
            rowKey={dueKey}
            pagination={false}
            size="small"
          />
        </>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
