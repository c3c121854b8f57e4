/** Small pieces shared by the reporting pages: status and timeliness tags, count cards, the schedule/period picker. */
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Empty, Modal, Select, Skeleton, Tag } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compare } from '../../domain/crashes/comparison.ts';
import { isApiError } from '../platform/api.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayIso } from '../platform/format.ts';
import { NotFoundPage } from '../platform/layout/StatusPages.tsx';
import { Filters } from '../platform/ui/listing.tsx';
import { PageHeader } from '../platform/ui/PageHeader.tsx';
import { QueryError } from '../platform/ui/QueryError.tsx';
import {
  type BoardCounts,
  type DueReport,
  type ReportPeriod,
  type Schedule,
  type ScheduleSummary,
  type SubmissionStatus,
  scheduleOptionsQuery,
  scheduleQuery,
  type Timeliness,
} from './api.ts';
import type { SchedulePeriodSearch } from './search.ts';
import '../plans/plans.css';
import './reports.css';

/**
 * An instant as PostgreSQL's `timestamptz::text` writes it ("2026-11-23 16:17:59.911+00") made ISO 8601
 * ("2026-11-23T16:17:59.911+00:00"), which every browser parses (Safari rejects the former).
 */
export function isoInstant(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(
    value.trim(),
  );
  if (!m) return value;
  return `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

/** An instant from the server as dd/mm/yyyy HH:mm (Asia/Ho_Chi_Minh). */
export const formatInstant = (value: string | null | undefined) =>
  value ? formatDateTime(isoInstant(value)) : '';

/** An instant as a machine-readable `<time>`. */
export function Instant({ value }: { value: string }) {
  return <time dateTime={isoInstant(value)}>{formatInstant(value)}</time>;
}

const STATUS_CLASS: Record<SubmissionStatus, string> = {
  draft: 'tag-neutral',
  submitted: 'tag-info',
  returned: 'tag-warning',
  accepted: 'tag-ok',
};

/** The submission's status; null (no draft yet) is "Chưa lập". */
export function StatusTag({ status }: { status: SubmissionStatus | null }) {
  const { t } = useTranslation();
  if (status === null) return <Tag className="tag-neutral">{t('reports.statuses.none')}</Tag>;
  return <Tag className={STATUS_CLASS[status] ?? 'tag-neutral'}>{t(`reports.statuses.${status}`)}</Tag>;
}

const TIMELINESS_CLASS: Record<Timeliness, string> = {
  on_time: 'tag-ok',
  late: 'tag-warning',
  missing: 'tag-danger',
  pending: 'tag-info',
};

/** Đúng hạn / Trễ hạn n ngày / Chưa gửi – quá hạn n ngày / Chưa đến hạn. */
export function TimelinessTag({ timeliness, daysLate }: { timeliness: Timeliness; daysLate: number }) {
  const { t } = useTranslation();
  const text =
    timeliness === 'late'
      ? t('reports.timeliness.late', { count: daysLate, days: formatNumber(daysLate) })
      : timeliness === 'missing'
        ? t('reports.timeliness.missing', { count: daysLate, days: formatNumber(daysLate) })
        : t(`reports.timeliness.${timeliness}`);
  return <Tag className={TIMELINESS_CLASS[timeliness] ?? 'tag-neutral'}>{text}</Tag>;
}

/** Both tags of a due report, side by side. */
export function DueTags({ r }: { r: Pick<DueReport, 'status' | 'timeliness' | 'daysLate'> }) {
  return (
    <span className="tag-list">
      <StatusTag status={r.status} />
      <TimelinessTag timeliness={r.timeliness} daysLate={r.daysLate} />
    </span>
  );
}

export function DueOn({ period }: { period: ReportPeriod }) {
  return <time dateTime={period.dueOn}>{formatDate(period.dueOn)}</time>;
}

/** "15/12/2025 – 14/03/2026" */
export function periodRange(p: Pick<ReportPeriod, 'from' | 'to'>): string {
  return `${formatDate(p.from)} – ${formatDate(p.to)}`;
}

export const COUNT_KEYS = ['expected', 'onTime', 'late', 'missing', 'pending', 'accepted'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** The board's counts as a row of figure cards; `link` turns a card into a filter. */
export function CountCards({
  counts,
  link,
  active,
}: {
  counts: BoardCounts;
  link?: (key: CountKey) => ReactNode | null;
  active?: CountKey;
}) {
  const { t } = useTranslation();
  return (
    <ul className="rp-counts plain-list">
      {COUNT_KEYS.map((k) => {
        const body = (
          <>
            <span className="rp-count-label">{t(`reports.counts.${k}`)}</span>
            <span className="rp-count-value" data-testid={`count-${k}`}>
              {formatNumber(counts[k])}
            </span>
          </>
        );
        const linked = link?.(k);
        return (
          <li key={k} className={`rp-count rp-count-${k}${active === k ? ' rp-count-active' : ''}`}>
            {linked ?? <div className="rp-count-body">{body}</div>}
          </li>
        );
      })}
    </ul>
  );
}

/** The change against the same period: ▲ rise (red), ▼ fall (green), with the words so colour is not the only cue. */
export function Change({ current, previous }: { current: number; previous: number }) {
  const { t } = useTranslation();
  const c = compare(current, previous);
  if (c.change === 0)
    return (
      <span className="rp-change rp-change-same">
        <span aria-hidden="true">= </span>
        {t('reports.change.same')}
      </span>
    );
  const up = c.change > 0;
  return (
    <span className={`rp-change ${up ? 'rp-change-up' : 'rp-change-down'}`}>
      <span aria-hidden="true">{up ? '▲ ' : '▼ '}</span>
      <span className="sr-only">{up ? t('reports.change.up') : t('reports.change.down')} </span>
      {formatNumber(Math.abs(c.change))}
      {c.percent === null ? null : ` (${formatPercent(Math.abs(c.percent))})`}
    </span>
  );
}

/** The period a board opens on: the latest whose due date has passed, else the first one. */
export function defaultPeriod(
  periods: readonly ReportPeriod[],
  today = todayIso(),
): ReportPeriod | undefined {
  const due = periods.filter((p) => p.dueOn < today);
  return due[due.length - 1] ?? periods[0];
}

/** The schedule picked: the one in the URL, else the year's first active one. */
function defaultSchedule(list: readonly ScheduleSummary[]): ScheduleSummary | undefined {
  return list.find((s) => s.active) ?? list[0];
}

/**
 * The schedule and period a page is about, from the URL or the defaults (this year's first active schedule,
 * its latest period already due). Writes the defaults back into the URL so the link can be shared.
 */
export function useSchedulePeriod(
  search: SchedulePeriodSearch,
  setSearch: (patch: SchedulePeriodSearch) => void,
) {
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.year ?? thisYear;
  const schedules = useQuery(scheduleOptionsQuery(year));
  const list = schedules.data ?? [];
  const chosen = search.scheduleId
    ? list.find((s) => s.id === search.scheduleId)
    : schedules.data
      ? defaultSchedule(list)
      : undefined;
  const scheduleId = search.scheduleId ?? chosen?.id;
  const schedule = useQuery({ ...scheduleQuery(scheduleId ?? 0), enabled: Boolean(scheduleId) });
  const periods = schedule.data?.periods ?? [];
  const period = search.period
    ? periods.find((p) => p.key === search.period)
    : schedule.data
      ? defaultPeriod(periods)
      : undefined;
  const periodKey = search.period ?? period?.key;

  // Put the defaults into the URL (replacing the entry, so Back still works).
  useEffect(() => {
    if (!search.scheduleId && chosen) setSearch({ scheduleId: chosen.id });
  }, [search.scheduleId, chosen, setSearch]);
  useEffect(() => {
    if (search.scheduleId && !search.period && schedule.data && period) setSearch({ period: period.key });
  }, [search.scheduleId, search.period, schedule.data, period, setSearch]);

  return {
    year,
    thisYear,
    schedules,
    list,
    scheduleId,
    schedule: schedule.data as Schedule | undefined,
    scheduleQuery: schedule,
    periods,
    period,
    periodKey,
  };
}

export type SchedulePeriodState = ReturnType<typeof useSchedulePeriod>;

/** A route's `navigate` as the schedule/period pages use it: a new search from the previous one. */
type SearchNavigate<S> = (options: { search: (prev: S) => S; replace?: boolean }) => Promise<void>;

/**
 * useSchedulePeriod on a page whose URL search holds the schedule and period (the board, the consolidation):
 * the defaults replace the URL entry; a pick in the selects is a new entry and also sets `resetOnPick`.
 */
export function useSchedulePeriodSearch<S extends SchedulePeriodSearch>(
  search: S,
  navigate: SearchNavigate<S>,
  resetOnPick?: Partial<S>,
) {
  const replace = useCallback(
    (patch: SchedulePeriodSearch) =>
      void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const pick = (patch: SchedulePeriodSearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, ...resetOnPick }) });
  const state = useSchedulePeriod(search, replace);
  return { state, pick };
}

/** The picker in the page's filter bar, with the schedules' load error and the "no schedule this year" note. */
export function SchedulePeriodFilters({
  state,
  onChange,
}: {
  state: SchedulePeriodState;
  onChange: (patch: SchedulePeriodSearch) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Filters>
        <SchedulePeriodPicker state={state} onChange={onChange} />
      </Filters>
      {state.schedules.isError ? (
        <QueryError error={state.schedules.error} onRetry={() => void state.schedules.refetch()} />
      ) : null}
      {state.schedules.data && state.list.length === 0 ? (
        <Empty description={t('reports.pick.noSchedulesYear', { year: state.year })} />
      ) : null}
    </>
  );
}

/** A button to the other page about the same schedule and period (board ⇄ consolidation); none until both are known. */
export function SchedulePeriodPageButton({
  to,
  year,
  state,
  icon,
  children,
}: {
  to: '/reports/board' | '/reports/consolidation';
  /** the year as in the URL (left out for this year) */
  year: number | undefined;
  state: SchedulePeriodState;
  icon: ReactNode;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  if (!state.scheduleId || !state.periodKey) return null;
  return (
    <Button
      icon={icon}
      onClick={() =>
        void navigate({ to, search: { year, scheduleId: state.scheduleId, period: state.periodKey } })
      }
    >
      {children}
    </Button>
  );
}

/** Year, schedule and period selects (the board and the consolidation). */
export function SchedulePeriodPicker({
  state,
  onChange,
}: {
  state: SchedulePeriodState;
  onChange: (patch: SchedulePeriodSearch) => void;
}) {
  const { t } = useTranslation();
  const years = useMemo(() => {
    const out: number[] = [];
    for (let y = state.thisYear + 1; y >= state.thisYear - 4; y--) out.push(y);
    if (!out.includes(state.year)) out.push(state.year);
    return out;
  }, [state.thisYear, state.year]);
  return (
    <>
      <Select<number>
        className="rp-year-select"
        aria-label={t('reports.pick.year')}
        value={state.year}
        onChange={(year) =>
          onChange({
            year: year === state.thisYear ? undefined : year,
            scheduleId: undefined,
            period: undefined,
          })
        }
        options={years.map((y) => ({ value: y, label: t('reports.pick.yearOption', { year: y }) }))}
      />
      <Select<number>
        className="rp-schedule-select"
        aria-label={t('reports.pick.schedule')}
        placeholder={t('reports.pick.schedulePlaceholder')}
        loading={state.schedules.isFetching}
        value={state.scheduleId}
        onChange={(scheduleId) => onChange({ scheduleId, period: undefined })}
        notFoundContent={t('reports.pick.noSchedules')}
        popupMatchSelectWidth={false}
        options={state.list.map((s) => ({ value: s.id, label: s.title }))}
      />
      <Select<string>
        className="rp-period-select"
        aria-label={t('reports.pick.period')}
        placeholder={t('reports.pick.periodPlaceholder')}
        loading={state.scheduleQuery.isFetching}
        value={state.periodKey}
        onChange={(period) => onChange({ period })}
        popupMatchSelectWidth={false}
        options={state.periods.map((p) => ({
          value: p.key,
          label: t('reports.pick.periodOption', { label: p.label, due: formatDate(p.dueOn) }),
        }))}
      />
    </>
  );
}

/**
 * The page of one record (a form, a report, a review) until its query has data: "not found" on a 404, else
 * the error with a retry, or a skeleton, under the page's title; then `children` with the record.
 */
export function RecordPage<T>({
  query,
  title,
  children,
}: {
  query: UseQueryResult<T>;
  title: string;
  children: (record: T) => ReactNode;
}) {
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageHeader title={title} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data)
    return (
      <>
        <PageHeader title={title} />
        <Skeleton active />
      </>
    );
  return children(query.data);
}

/** A note about edits kept on this device, with the button that drops them. */
export function LocalDraftAlert({
  type,
  title,
  description,
  onDiscard,
  onClose,
}: {
  type: 'info' | 'warning';
  title: string;
  description?: string;
  onDiscard: () => void;
  /** makes the note closable */
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type={type}
      showIcon
      className="page-section"
      title={title}
      description={description}
      action={
        <Button size="small" onClick={onDiscard}>
          {t('reports.form.discardLocal')}
        </Button>
      }
      closable={onClose ? { 'aria-label': t('common.close'), onClose } : undefined}
    />
  );
}

/** The warning that this browser did not keep the edits (private mode, storage full). */
export function StorageFailedAlert() {
  const { t } = useTranslation();
  return <Alert type="warning" showIcon className="page-section" title={t('reports.form.storageFailed')} />;
}

/** A dialog with one action (and Cancel), open while mounted; `busy` while the action runs. */
export function ActionModal({
  title,
  okText,
  onOk,
  onClose,
  busy,
  okDisabled,
  children,
}: {
  title: ReactNode;
  okText: string;
  onOk: () => void;
  onClose: () => void;
  busy: boolean;
  okDisabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={onOk}
      okButtonProps={okDisabled === undefined ? undefined : { disabled: okDisabled }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {children}
    </Modal>
  );
}

/** The label of an org unit's kind, or the code when unknown. */
export function useUnitKindLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string) => {
    const key = `orgUnits.kinds.${kind}`;
    return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : kind;
  };
}
