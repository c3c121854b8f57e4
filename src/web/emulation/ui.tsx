/** Small pieces shared by the emulation pages: status tags and steps, classification, periods, scoring rules. */
import { Steps, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { METRICS } from '../../domain/emulation/criteria.ts';
import { formatDate, formatDateTime } from '../platform/format.ts';
import type { Criterion } from './api.ts';
import { classificationCode, formatPoints } from './helpers.ts';
import type { AssessmentStatus, CampaignStatus } from './search.ts';
import './emulation.css';

/**
 * An instant as PostgreSQL's `timestamptz::text` writes it ("2026-11-23 16:17:59.911+00") made ISO 8601,
 * which every browser parses; ISO instants pass through.
 */
function isoInstant(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(?::?(\d{2}))?$/.exec(
    value.trim(),
  );
  if (!m) return value;
  return `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

/** An instant from the server as dd/mm/yyyy HH:mm (Asia/Ho_Chi_Minh); '' for null. */
export const formatInstant = (value: string | null | undefined) =>
  value ? formatDateTime(isoInstant(value)) : '';

/** An instant's calendar day as dd/mm/yyyy; '' for null. */
export const formatDay = (value: string | null | undefined) => (value ? formatDate(isoInstant(value)) : '');

/** "01/01/2026 – 31/12/2026" */
export const periodText = (p: { from: string; to: string }) => `${formatDate(p.from)} – ${formatDate(p.to)}`;

const CAMPAIGN_CLASS: Record<CampaignStatus, string> = {
  draft: 'em-tag-neutral',
  self_assessment: 'em-tag-info',
  review: 'tag-warning',
  closed: 'tag-ok',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={CAMPAIGN_CLASS[status] ?? 'em-tag-neutral'}>{t(`emulation.statuses.${status}`)}</Tag>
  );
}

const ASSESSMENT_CLASS: Record<AssessmentStatus, string> = {
  not_started: 'em-tag-neutral',
  draft: 'tag-warning',
  submitted: 'em-tag-info',
  reviewed: 'tag-ok',
};

export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={ASSESSMENT_CLASS[status] ?? 'em-tag-neutral'} data-testid="assessment-status">
      {t(`emulation.assessmentStatuses.${status}`)}
    </Tag>
  );
}

/** The classification's words in the page's language (the server writes its code or the Vietnamese label). */
export function classificationLabel(t: TFunction, value: string): string {
  const code = classificationCode(value);
  return code ? t(`emulation.classifications.${code}`) : value;
}

const CLASSIFICATION_CLASS = {
  excellent: 'tag-ok',
  good: 'em-tag-info',
  done: 'em-tag-neutral',
  not_done: 'tag-danger',
} as const;

export function ClassificationTag({ value }: { value: string }) {
  const { t } = useTranslation();
  const code = classificationCode(value);
  return (
    <Tag className={code ? CLASSIFICATION_CLASS[code] : 'em-tag-neutral'}>
      {classificationLabel(t, value)}
    </Tag>
  );
}

const STEP_OF: Record<CampaignStatus, number> = { draft: 0, self_assessment: 1, review: 2, closed: 3 };

/** Dự thảo → Tự chấm điểm → Thẩm định → Kết thúc, the current one marked. */
export function StatusSteps({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  const current = STEP_OF[status] ?? 0;
  return (
    <nav aria-label={t('emulation.campaign.stepsLabel')} className="em-steps">
      <Steps
        size="small"
        current={current}
        status={status === 'closed' ? 'finish' : 'process'}
        items={(['draft', 'self_assessment', 'review', 'closed'] as const).map((s, i) => ({
          title: (
            <span aria-current={i === current ? 'step' : undefined}>{t(`emulation.statuses.${s}`)}</span>
          ),
        }))}
      />
    </nav>
  );
}

/** The metric's label and unit by its code (the domain catalogue, Vietnamese). */
export function metricOfCode(code: string | null | undefined): { label: string; unit: string } | null {
  if (!code) return null;
  const m = METRICS.find((x) => x.code === code);
  return m ? { label: m.label, unit: m.unit } : null;
}

const withUnit = (value: number, unit: string) =>
  unit === '%' ? `${formatPoints(value)} %` : `${formatPoints(value)} ${unit}`;

/** How a computed criterion is scored: "Đủ điểm khi từ -10 % trở xuống; 0 điểm khi từ 0 % trở lên; …". */
export function scoringRule(
  t: TFunction,
  c: Pick<Criterion, 'kind' | 'metric' | 'zeroAt' | 'fullAt'>,
): string {
  if (c.kind !== 'computed') return t('emulation.rule.manual');
  const m = metricOfCode(c.metric);
  if (!m || c.zeroAt === undefined || c.fullAt === undefined) return t('emulation.rule.incomplete');
  const lower = c.fullAt < c.zeroAt;
  return t(lower ? 'emulation.rule.lowerIsBetter' : 'emulation.rule.higherIsBetter', {
    metric: m.label,
    full: withUnit(c.fullAt, m.unit),
    zero: withUnit(c.zeroAt, m.unit),
  });
}

/**
 * Points typed the Vietnamese way ("22,5"; a dot is taken too) and shown without trailing zeros ("20", not
 * "20,0" as the step of 0,5 would make them).
 */
export const pointsInputProps = {
  formatter: (v: number | string | undefined, info: { userTyping: boolean; input: string }) =>
    info.userTyping ? info.input : v === undefined || v === '' ? '' : String(v).replace('.', ','),
  parser: (s: string | undefined) => (s ?? '').replace(/\s/g, '').replace(',', '.') as unknown as number,
};
