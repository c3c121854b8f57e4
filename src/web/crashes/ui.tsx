/** Small pieces shared by the crash pages: labels of codes, severity tags, the three-criteria cards. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRASH_CAUSES, VEHICLE_TYPES } from '../../domain/crashes/codes.ts';
import { formatNumber, formatPercent } from '../platform/format.ts';
import { type Change, CRITERIA, type Criterion, SEVERITIES, type Severity, type StatsRow } from './api.ts';
import '../plans/plans.css';
import './crashes.css';

export { CRASH_CAUSES, VEHICLE_TYPES };

const causeLabels = new Map<string, string>(CRASH_CAUSES.map((c) => [c.code, c.label]));
const vehicleLabels = new Map<string, string>(VEHICLE_TYPES.map((c) => [c.code, c.label]));

export const causeLabel = (code: string) => causeLabels.get(code) ?? code;
export const vehicleLabel = (code: string) => vehicleLabels.get(code) ?? code;

export const causeOptions = CRASH_CAUSES.map((c) => ({ value: c.code as string, label: c.label as string }));
export const vehicleOptions = VEHICLE_TYPES.map((c) => ({
  value: c.code as string,
  label: c.label as string,
}));

export const isSeverity = (s: unknown): s is Severity =>
  typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s);

const SEVERITY_CLASS: Record<Severity, string> = {
  dac_biet_nghiem_trong: 'tag-danger',
  rat_nghiem_trong: 'tag-danger',
  nghiem_trong: 'tag-warning',
  it_nghiem_trong: 'tag-info',
  va_cham: 'tag-neutral',
};

export function SeverityTag({ severity }: { severity: string | null }) {
  const { t } = useTranslation();
  if (!severity) return <span className="muted">{t('crashes.severityNone')}</span>;
  if (!isSeverity(severity)) return <Tag className="tag-neutral">{severity}</Tag>;
  return <Tag className={SEVERITY_CLASS[severity]}>{t(`crashes.severities.${severity}`)}</Tag>;
}

export function VerifiedTag({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? (
    <Tag className="tag-ok">{t('crashes.verifiedYes')}</Tag>
  ) : (
    <Tag className="tag-warning">{t('crashes.verifiedNo')}</Tag>
  );
}

/** The label of an enumerated field value (weather, light, …), or the code itself when unknown. */
export function useEnumLabel() {
  const { t, i18n } = useTranslation();
  return (group: string, value: string | null | undefined): string => {
    if (value == null || value === '') return t('common.none');
    const key = `crashes.enums.${group}.${value}`;
    return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : value;
  };
}

/**
 * A change against the same period: ▲ for a rise (bad: red), ▼ for a fall (good: green), and the
 * words "Tăng"/"Giảm" so that colour is never the only cue.
 */
export function ChangeText({ change, short }: { change: Change; short?: boolean }) {
  const { t } = useTranslation();
  const dir = change.change > 0 ? 'up' : change.change < 0 ? 'down' : 'same';
  const pct = change.percent == null ? null : formatPercent(Math.abs(change.percent));
  const amount = formatNumber(Math.abs(change.change));
  const text =
    dir === 'same'
      ? t('stats.same')
      : t(dir === 'up' ? 'stats.up' : 'stats.down', {
          amount,
          percent: pct ?? t('stats.noPercent'),
        });
  return (
    <span className={`change change-${dir}`}>
      <span aria-hidden="true">{dir === 'up' ? '▲ ' : dir === 'down' ? '▼ ' : '= '}</span>
      {short && dir !== 'same' ? (
        <>
          <span className="sr-only">{dir === 'up' ? t('stats.upWord') : t('stats.downWord')} </span>
          {amount}
          {pct ? ` (${pct})` : null}
        </>
      ) : (
        text
      )}
    </span>
  );
}

/** The three criteria as cards: current figure, same period last year, change. */
export function KpiCards({
  row,
  headingLevel = 3,
  previousLabel,
}: {
  row: StatsRow;
  headingLevel?: 2 | 3;
  previousLabel?: string;
}) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="kpi-grid plain-list">
      {CRITERIA.map((k: Criterion) => (
        <li key={k} className={`kpi-card kpi-${k}`} data-criterion={k}>
          <H className="kpi-title">{t(`stats.criteria.${k}`)}</H>
          <p className="kpi-value" data-testid={`kpi-${k}`}>
            {formatNumber(row.current[k])}
          </p>
          <p className="kpi-previous">
            {previousLabel
              ? `${t('stats.samePeriodOf', { label: previousLabel })}: `
              : `${t('stats.samePeriod')}: `}
            <strong data-testid={`kpi-${k}-previous`}>{formatNumber(row.previous[k])}</strong>
          </p>
          <p className="kpi-change">
            <ChangeText change={row.change[k]} />
          </p>
        </li>
      ))}
    </ul>
  );
}
