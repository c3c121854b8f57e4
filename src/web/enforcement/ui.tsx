/** Small pieces shared by the enforcement pages: labels from the domain catalogue, money, tags. */
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RULE_SETS, VIOLATION_GROUPS } from '../../domain/enforcement/catalogue.ts';
import { formatMoney, formatNumber } from '../platform/format.ts';

/** Every violation code with its label (the latest rule set's wording) and group. */
const TYPES = new Map<string, { label: string; group: string }>();
for (const r of RULE_SETS) for (const x of r.types) TYPES.set(x.code, { label: x.label, group: x.group });

export const violationLabel = (code: string): string => TYPES.get(code)?.label ?? code;

/** The violation types grouped as in the catalogue, for a grouped select. */
export const violationTypeGroups = (): {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}[] =>
  VIOLATION_GROUPS.map((g) => ({
    label: g.label,
    title: g.label,
    options: [...TYPES]
      .filter(([, v]) => v.group === g.code)
      .map(([code, v]) => ({ value: code, label: v.label })),
  })).filter((g) => g.options.length > 0);

/** "6.000.000 – 8.000.000 đ", or one amount when the range is a single figure. */
export function fineRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return '';
  if (min === null || max === null || min === max) return formatMoney(min ?? max);
  return `${formatNumber(min)} – ${formatMoney(max)}`;
}

export const VIOLATION_STATUSES = [
  'recorded',
  'notice_issued',
  'paid',
  'unpaid',
  'forwarded',
  'cancelled',
] as const;

export function StatusTag({ status, t }: { status: string; t: TFunction }) {
  const known = (VIOLATION_STATUSES as readonly string[]).includes(status);
  return (
    <Tag className={`enf-status enf-status-${known ? status : 'recorded'}`}>
      {known ? t(`enforcement.statuses.${status as (typeof VIOLATION_STATUSES)[number]}`) : status}
    </Tag>
  );
}

/** The mark beside a masked name: a small button whose tooltip (on hover or focus) says why. */
export function MaskedTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('enforcement.maskedHelp')}>
      <button type="button" className="enf-masked">
        {t('enforcement.masked')}
        <span className="sr-only">: {t('enforcement.maskedHelp')}</span>
      </button>
    </Tooltip>
  );
}
