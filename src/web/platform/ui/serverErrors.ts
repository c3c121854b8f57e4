import type { FormInstance } from 'antd';
import { isApiError } from '../api.ts';
import i18n from '../i18n/index.ts';

/**
 * Puts the server's validation details next to the matching form fields (path = field name)
 * and returns the message to show above the form: the server's message, plus any detail
 * that has no field on this form.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string {
  if (!isApiError(error)) return i18n.t('errors.generic');
  const byField = error.fieldErrors();
  const known = Object.entries(byField).filter(([name]) => fields.includes(name));
  if (known.length > 0) form.setFields(known.map(([name, errors]) => ({ name, errors })));
  const loose = error.details.filter((d) => !fields.includes(d.path.split('.')[0] ?? ''));
  const extra = loose.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  return [error.message, ...extra].join(' ');
}
