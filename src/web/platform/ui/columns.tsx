import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../format.ts';

/** "from – to" (or "– present") for records with a validity period. */
export const validityColumn = <T extends { validFrom: string; validTo: string | null }>(
  t: TFunction,
): ColumnType<T> => ({
  title: t('common.validity'),
  key: 'validity',
  className: 'nowrap',
  render: (_, u) =>
    t('common.validityRange', {
      from: formatDate(u.validFrom),
      to: u.validTo ? formatDate(u.validTo) : t('common.present'),
    }),
});

/** A timestamp cell as a machine-readable `<time>`. */
export const dateTimeCell = (v: string) => <time dateTime={v}>{formatDateTime(v)}</time>;

/** Renders an optional text cell, with the "none" mark when empty. */
export const orNone = (t: TFunction) => (v: string | null) => v ?? t('common.none');
