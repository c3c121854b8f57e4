/** Small pieces shared by the black-spot pages: status and kind tags, km ranges, the evaluation. */
import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatKm, formatNumber, formatPercent } from '../platform/format.ts';
import type { Evaluation, SpotKind, SpotStatus } from './api.ts';
import '../plans/plans.css';
import '../crashes/crashes.css';
import './blackspots.css';

const STATUS_CLASS: Record<SpotStatus, string> = {
  candidate: 'tag-warning',
  confirmed: 'tag-danger',
  dismissed: 'tag-neutral',
  surveyed: 'tag-info',
  remedy_planned: 'tag-purple',
  remedied: 'tag-cyan',
  evaluated: 'tag-ok',
};

const KIND_CLASS: Record<SpotKind, string> = {
  black_spot: 'tag-danger',
  potential: 'tag-warning',
  hazard: 'tag-geekblue',
};

export function StatusTag({ status }: { status: SpotStatus }) {
  const { t } = useTranslation();
  return <Tag className={STATUS_CLASS[status] ?? 'tag-neutral'}>{t(`blackSpots.statuses.${status}`)}</Tag>;
}

export function KindTag({ kind, hazardType }: { kind: SpotKind; hazardType?: string | null }) {
  const { t, i18n } = useTranslation();
  const key = `blackSpots.hazardTypes.${hazardType}`;
  const extra =
    kind === 'hazard' && hazardType && i18n.exists(key)
      ? ` · ${(t as unknown as (k: string) => string)(key)}`
      : '';
  return (
    <Tag className={KIND_CLASS[kind] ?? 'tag-neutral'}>
      {t(`blackSpots.kinds.${kind}`)}
      {extra}
    </Tag>
  );
}

/** "QL4D Km 12+300 – Km 12+800" (or just the road, or nothing). */
export function placeText(s: { roadCode: string | null; fromM: number | null; toM: number | null }): string {
  const from = formatKm(s.fromM);
  const to = formatKm(s.toM);
  const range = from && to && s.fromM !== s.toM ? `${from} – ${to}` : from || to;
  return [s.roadCode, range].filter(Boolean).join(' ');
}

/** "Km 12+300", "12+300", "12,3" or "12.3" (km) → metres; null when empty; NaN when not understood. */
export function parseKm(text: string | undefined | null): number | null {
  const s = (text ?? '').trim();
  if (s === '') return null;
  const m = /^(?:km\s*)?(\d{1,4})\s*\+\s*(\d{1,3})$/i.exec(s);
  if (m) return Number(m[1]) * 1000 + Number(m[2]);
  const d = /^(?:km\s*)?(\d{1,4})(?:[.,](\d{1,3}))?$/i.exec(s);
  if (d) return Math.round(Number(`${d[1]}.${d[2] ?? '0'}`) * 1000);
  return Number.NaN;
}

type Counts = Record<'crashes' | 'deaths' | 'injured', string>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A before/after count, whatever its shape (a number, or {crashes, deaths, injured}). */
function countsText(v: unknown, fmt: (o: Counts) => string) {
  if (typeof v === 'number') return formatNumber(v);
  if (isRecord(v))
    return fmt({
      crashes: formatNumber(Number(v.crashes ?? 0)),
      deaths: formatNumber(Number(v.deaths ?? 0)),
      injured: formatNumber(Number(v.injured ?? 0)),
    });
  return '';
}

/** The 12-month before/after evaluation: the statement, and the figures behind it. */
export function EvaluationBox({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const fmt = (o: Counts) => t('blackSpots.evalCounts', { ...o });
  const before = countsText(evaluation.before, fmt);
  const after = countsText(evaluation.after, fmt);
  const percent = typeof evaluation.percent === 'number' ? evaluation.percent : null;
  const p = typeof evaluation.pValue === 'number' ? evaluation.pValue : null;
  return (
    <Alert
      type={evaluation.significant ? 'success' : 'info'}
      showIcon
      className="page-section"
      data-testid="spot-evaluation"
      title={evaluation.statement ?? t('blackSpots.evaluated')}
      description={
        <dl className="kv-grid">
          {before ? (
            <>
              <dt>{t('blackSpots.evalBefore')}</dt>
              <dd>{before}</dd>
            </>
          ) : null}
          {after ? (
            <>
              <dt>{t('blackSpots.evalAfter')}</dt>
              <dd>{after}</dd>
            </>
          ) : null}
          {percent !== null ? (
            <>
              <dt>{t('blackSpots.evalChange')}</dt>
              <dd>{formatPercent(percent, { signed: true })}</dd>
            </>
          ) : null}
          {p !== null ? (
            <>
              <dt>{t('blackSpots.evalP')}</dt>
              <dd>
                {formatNumber(p, 3)}
                {' · '}
                {evaluation.significant ? t('blackSpots.significant') : t('blackSpots.notSignificant')}
              </dd>
            </>
          ) : null}
        </dl>
      }
    />
  );
}
