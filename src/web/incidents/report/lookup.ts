/** Looking up a tracking code: GET /api/v1/public/incident-reports/:code. */
import { isReceipt, normalizeTrackingCode, parseApiError, type Receipt, TRACKING_CODE } from './form.ts';
import { S } from './strings.ts';

export type LookupResult = { ok: true; receipt: Receipt } | { ok: false; message: string };

export async function lookupReceipt(raw: string, fetchFn: typeof fetch = fetch): Promise<LookupResult> {
  const code = normalizeTrackingCode(raw);
  if (!TRACKING_CODE.test(code)) return { ok: false, message: S.lookupInvalid };
  let res: Response;
  try {
    res = await fetchFn(`/api/v1/public/incident-reports/${encodeURIComponent(code)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: navigator.onLine === false ? S.lookupOffline : S.lookupFailed };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && isReceipt(body)) return { ok: true, receipt: body };
  if (res.status === 404) return { ok: false, message: S.lookupNotFound };
  if (res.status >= 400 && res.status < 500)
    return { ok: false, message: parseApiError(body)?.message ?? S.lookupFailed };
  return { ok: false, message: S.lookupFailed };
}
