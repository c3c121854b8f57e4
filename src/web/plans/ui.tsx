/** Small pieces shared by the plan pages: status tags, progress bars, due dates. */
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../platform/format.ts';
import type { AssignmentRole, AssignmentStatus, DueState, PlanTarget, ScheduleKind } from './api.ts';
import './plans.css';

const SCHEDULE_CLASS: Record<ScheduleKind, string> = {
  deadline: 'tag-info',
  recurring: 'tag-purple',
  continuous: 'tag-cyan',
  deadline_then_continuous: 'tag-geekblue',
  event: 'tag-magenta',
  unknown: 'tag-neutral',
};

/** The kind of a task's schedule, in Vietnamese, with its colour. */
export function ScheduleKindTag({ kind }: { kind: ScheduleKind }) {
  const { t } = useTranslation();
  return <Tag className={SCHEDULE_CLASS[kind] ?? 'tag-neutral'}>{t(`plans.scheduleKinds.${kind}`)}</Tag>;
}

const DUE_CLASS: Record<DueState, string> = {
  overdue: 'tag-danger',
  due_soon: 'tag-warning',
  upcoming: 'tag-info',
  done: 'tag-ok',
  none: 'tag-neutral',
};

export function DueStateTag({ state }: { state: DueState }) {
  const { t } = useTranslation();
  return <Tag className={DUE_CLASS[state] ?? 'tag-neutral'}>{t(`plans.dueStates.${state}`)}</Tag>;
}

/**
 * The next due date, in red when overdue; the state's name follows on its own line
 * (or for screen readers only, with `quiet`, where the context already says it).
 */
export function DueDate({ dueOn, state, quiet }: { dueOn: string | null; state: DueState; quiet?: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <span className="muted">{t('common.none')}</span>;
  return (
    <span className={`due-date due-${state}`}>
      <time dateTime={dueOn}>{formatDate(dueOn)}</time>
      {state === 'overdue' || state === 'due_soon' ? (
        <span className={quiet ? 'sr-only' : 'due-state-label'}> {t(`plans.dueStates.${state}`)}</span>
      ) : null}
    </span>
  );
}

const STATUS_CLASS: Record<AssignmentStatus, string> = {
  not_started: 'tag-neutral',
  in_progress: 'tag-info',
  done: 'tag-ok',
  cancelled: 'tag-neutral',
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={STATUS_CLASS[status] ?? 'tag-neutral'}>{t(`plans.assignmentStatuses.${status}`)}</Tag>
  );
}

export function RoleTag({ role, isPrimary }: { role: AssignmentRole; isPrimary?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag className={role === 'lead' ? 'tag-geekblue' : 'tag-neutral'}>
      {t(`plans.roles.${role}`)}
      {role === 'lead' && isPrimary ? ` · ${t('plans.primary')}` : null}
    </Tag>
  );
}

/** A labelled progress bar (percent as text too). */
export function ProgressBar({
  percent,
  label,
  size = 'small',
}: {
  percent: number;
  label: string;
  size?: 'small' | 'default';
}) {
  const status = percent >= 100 ? 'success' : 'normal';
  return (
    <Progress
      className="plan-progress"
      percent={percent}
      size={size}
      status={status}
      aria-label={label}
      aria-valuetext={`${formatNumber(percent)} %`}
      format={(p) => `${formatNumber(p ?? 0)} %`}
    />
  );
}

/** A plan's numeric target as one line: "Giảm 5–10 % số người chết". */
export function useTargetText() {
  const { t } = useTranslation();
  return (target: Pick<PlanTarget, 'indicator' | 'direction' | 'minPercent' | 'maxPercent'>) => {
    const { minPercent: min, maxPercent: max } = target;
    const range =
      min != null && max != null && min !== max
        ? `${formatNumber(min)}–${formatNumber(max)} %`
        : min != null
          ? `${formatNumber(min)} %`
          : max != null
            ? `${formatNumber(max)} %`
            : '';
    return [t(`plans.directions.${target.direction}`), range, t(`plans.indicators.${target.indicator}`)]
      .filter(Boolean)
      .join(' ');
  };
}

/**
 * An instant as PostgreSQL's `timestamptz::text` writes it ("2026-11-23 16:17:59.911+00") made
 * ISO 8601 ("2026-11-23T16:17:59.911+00:00"), which every browser parses (Safari rejects the former).
 */
export function isoInstant(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(
    value.trim(),
  );
  if (!m) return value;
  return `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

/** Turns ISO dates inside server text ("Hạn: 2026-03-05") into dd/mm/yyyy. */
export const localizeDates = (text: string) =>
  text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, mo: string, d: string) => `${d}/${mo}/${y}`);

/** A file size in kB / MB, the Vietnamese way. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} kB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}
