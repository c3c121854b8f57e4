/** Small pieces shared by the reporting pages: status and timeliness tags, count cards, the schedule/period picker. */
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { type ReactNode, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compare } from '../../domain/crashes/comparison.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent, todayIso } from '../platform/format.ts';
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

/** Year, schedule and period selects (the board and the consolidation). */
export function SchedulePeriodPicker({
  state,
  onChange,
}: {
  state: ReturnType<typeof useSchedulePeriod>;
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

/** The label of an org unit's kind, or the code when unknown. */
export function useUnitKindLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string) => {
    const key = `orgUnits.kinds.${kind}`;
    return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : kind;
  };
}
