/**
 * The outbox of reports made on this phone. A report is saved first (with its photos) and sent after;
 * a send that fails because of the network or a busy server is retried with backoff, one the server
 * refuses as wrong waits for the citizen to fix it. Used by the page and by the service worker
 * (Background Sync), which share the storage and take turns through a lock.
 */
import {
  buildFormData,
  isReceipt,
  parseApiError,
  type Receipt,
  type ReportPayload,
  type ShrunkPhoto,
} from './form.ts';
import { S } from './strings.ts';

/** pending: waiting to be sent (new, or the last try failed for a passing reason); needs_fix: refused. */
export type ReportState = 'pending' | 'sending' | 'sent' | 'needs_fix';

export interface QueuedReport {
  clientId: string;
  /** When the phone saved it (epoch ms). */
  savedAt: number;
  payload: ReportPayload;
  /** Dropped once the report is sent, to free the phone's storage. */
  photos: ShrunkPhoto[];
  /** How many photos went with it (kept after the photos are dropped). */
  photoCount: number;
  state: ReportState;
  attempts: number;
  lastAttemptAt: number | null;
  /** When the next automatic try is due (epoch ms); null when none is planned. */
  nextAttemptAt: number | null;
  /** Why the last try did not go through, in Vietnamese. */
  lastError: string | null;
  /** The server's messages by field, when it refused the report. */
  fieldErrors: { path: string; message: string }[];
  receipt: Receipt | null;
  sentAt: number | null;
}

/** Where reports are kept: IndexedDB in the browser, a Map in tests. */
export interface ReportStore {
  all(): Promise<QueuedReport[]>;
  get(clientId: string): Promise<QueuedReport | undefined>;
  put(report: QueuedReport): Promise<void>;
  delete(clientId: string): Promise<void>;
}

export class MemoryStore implements ReportStore {
  private readonly map = new Map<string, QueuedReport>();
  async all() {
    return [...this.map.values()].map((r) => structuredClone(r));
  }
  async get(id: string) {
    const r = this.map.get(id);
    return r ? structuredClone(r) : undefined;
  }
  async put(r: QueuedReport) {
    this.map.set(r.clientId, structuredClone(r));
  }
  async delete(id: string) {
    this.map.delete(id);
  }
}

export function newQueuedReport(payload: ReportPayload, photos: ShrunkPhoto[], now: number): QueuedReport {
  return {
    clientId: payload.clientId,
    savedAt: now,
    payload,
    photos,
    photoCount: photos.length,
    state: 'pending',
    attempts: 0,
    lastAttemptAt: null,
    nextAttemptAt: now,
    lastError: null,
    fieldErrors: [],
    receipt: null,
    sentAt: null,
  };
}

// ---------------------------------------------------------------------------------------------------
// What an answer means.

export type Outcome =
  | { kind: 'sent'; receipt: Receipt }
  /** Try again later; `offline` = the network itself failed (no point trying the other reports now). */
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; offline: boolean }
  | { kind: 'needs_fix'; message: string; details: { path: string; message: string }[] };

/** Seconds or an HTTP date, as in a Retry-After header. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * 2xx with a receipt: sent. 408, 429 and 5xx: the server could not take it now, retry. Any other 4xx:
 * the report itself is wrong (validation, too large, wrong file type), so trying again cannot help —
 * it waits for the citizen, with the server's Vietnamese messages.
 */
export function classifyResponse(status: number, body: unknown, retryAfterMs: number | null = null): Outcome {
  if (status >= 200 && status < 300) {
    if (isReceipt(body)) return { kind: 'sent', receipt: body };
    // Resending is safe (the server keys on clientId), so an unreadable success is simply retried.
    return { kind: 'retry', reason: S.reasonBadAnswer, retryAfterMs: null, offline: false };
  }
  if (status === 429)
    return {
      kind: 'retry',
      reason: parseApiError(body)?.message ?? S.reasonRateLimited,
      retryAfterMs,
      offline: false,
    };
  if (status === 408 || status >= 500 || status < 200)
    return { kind: 'retry', reason: S.reasonServer(status), retryAfterMs, offline: false };
  const error = parseApiError(body);
  return {
    kind: 'needs_fix',
    message: error?.message ?? S.rejected(status),
    details: error?.details ?? [],
  };
}

/** A fetch that threw: the network failed (or timed out). */
export function classifyNetworkError(error: unknown, online: boolean): Outcome {
  const name = (error as { name?: string } | null)?.name;
  const reason =
    name === 'TimeoutError' || name === 'AbortError'
      ? S.reasonTimeout
      : online
        ? S.reasonNetwork
        : S.reasonOffline;
  return { kind: 'retry', reason, retryAfterMs: null, offline: true };
}

// ---------------------------------------------------------------------------------------------------
// When to try again.

export const BACKOFF = {
  /** First retry after this long… */
  baseMs: 5_000,
  /** …doubling each time, up to this. */
  maxMs: 5 * 60_000,
  /** ± this share, so that many phones coming back online do not all knock at once. */
  jitter: 0.2,
} as const;

/** Delay before try number `attempts + 1`, given `attempts` failed tries (≥ 1). `random` in [0, 1). */
export function backoffMs(attempts: number, random = 0.5): number {
  const exp = BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(BACKOFF.maxMs, exp);
  const factor = 1 + BACKOFF.jitter * (2 * random - 1);
  return Math.round(capped * factor);
}

/** The report after one try with this outcome. */
export function applyOutcome(r: QueuedReport, outcome: Outcome, now: number, random = 0.5): QueuedReport {
  const tried = { ...r, attempts: r.attempts + 1, lastAttemptAt: now };
  switch (outcome.kind) {
    case 'sent':
      return {
        ...tried,
        state: 'sent',
        receipt: outcome.receipt,
        sentAt: now,
        nextAttemptAt: null,
        lastError: null,
        fieldErrors: [],
        photos: [],
      };
    case 'retry': {
      const wait = Math.max(backoffMs(tried.attempts, random), outcome.retryAfterMs ?? 0);
      return {
        ...tried,
        state: 'pending',
        nextAttemptAt: now + wait,
        lastError: outcome.reason,
        fieldErrors: [],
      };
    }
    case 'needs_fix':
      return {
        ...tried,
        state: 'needs_fix',
        nextAttemptAt: null,
        lastError: outcome.message,
        fieldErrors: outcome.details,
      };
  }
}

/** Reports the next flush should try: waiting ones that are due (or all waiting ones when forced). */
export function dueReports(all: QueuedReport[], now: number, force: boolean, only?: string): QueuedReport[] {
  return all
    .filter((r) => (only ? r.clientId === only : true))
    .filter((r) => r.state === 'pending' || r.state === 'sending')
    .filter((r) => force || r.nextAttemptAt === null || r.nextAttemptAt <= now)
    .sort((a, b) => a.savedAt - b.savedAt);
}

/** When the page should next wake up to retry, or null. */
export function nextWake(all: QueuedReport[]): number | null {
  let at: number | null = null;
  for (const r of all)
    if (r.state === 'pending' && r.nextAttemptAt !== null)
      at = at === null ? r.nextAttemptAt : Math.min(at, r.nextAttemptAt);
  return at;
}

export const hasUnsent = (all: QueuedReport[]) =>
  all.some((r) => r.state === 'pending' || r.state === 'sending');

// ---------------------------------------------------------------------------------------------------
// Sending.

export const REPORT_URL = '/api/v1/public/incident-reports';
export const SEND_TIMEOUT_MS = 60_000;

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** One try at sending a report. Never throws. */
export async function sendReport(r: QueuedReport, fetchFn: Fetch, online: () => boolean): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetchFn(REPORT_URL, {
      method: 'POST',
      body: buildFormData(r.payload, r.photos),
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(SEND_TIMEOUT_MS) : null,
    });
  } catch (error) {
    return classifyNetworkError(error, online());
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return classifyResponse(res.status, body, parseRetryAfter(res.headers.get('Retry-After'), Date.now()));
}

export type Lock = <T>(fn: () => Promise<T>) => Promise<T>;

/** Runs one thing at a time within this JavaScript context (where the Web Locks API is missing). */
export function localLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** The page and the service worker take turns with the Web Locks API, where there is one. */
export function sharedLock(name = 'bao-tin-outbox'): Lock {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return localLock();
  return <T>(fn: () => Promise<T>) => locks.request(name, fn) as Promise<T>;
}

export interface FlushResult {
  sent: string[];
  waiting: string[];
  needsFix: string[];
}

export interface QueueDeps {
  store: ReportStore;
  fetch: Fetch;
  lock: Lock;
  now?: () => number;
  random?: () => number;
  online?: () => boolean;
  /** Told after every change of a report, so the screen can follow. */
  onChange?: (r: QueuedReport) => void;
}

export class ReportQueue {
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly online: () => boolean;
  constructor(private readonly deps: QueueDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.online = deps.online ?? (() => true);
  }

  all() {
    return this.deps.store.all();
  }

  /** Saves a new report (or a fixed one, under the same clientId) as waiting to be sent. */
  async save(payload: ReportPayload, photos: ShrunkPhoto[]): Promise<QueuedReport> {
    const r = newQueuedReport(payload, photos, this.now());
    await this.deps.store.put(r);
    this.deps.onChange?.(r);
    return r;
  }

  async remove(clientId: string) {
    await this.deps.lock(() => this.deps.store.delete(clientId));
  }

  /** Marks a refused report as waiting again (the citizen wants it resent as it is). */
  async requeue(clientId: string) {
    await this.deps.lock(async () => {
      const r = await this.deps.store.get(clientId);
      if (r?.state !== 'needs_fix') return;
      const next: QueuedReport = { ...r, state: 'pending', nextAttemptAt: this.now(), fieldErrors: [] };
      await this.deps.store.put(next);
      this.deps.onChange?.(next);
    });
  }

  async update(r: QueuedReport) {
    await this.deps.store.put(r);
    this.deps.onChange?.(r);
  }

  /**
   * Sends the reports that are due (all waiting ones when `force`), oldest first, one at a time. Stops
   * at the first network failure: the others would fail the same way. A report left 'sending' by a page
   * closed mid-send is simply sent again (the server keys on clientId, so it cannot be counted twice).
   */
  flush(opts: { force?: boolean; only?: string } = {}): Promise<FlushResult> {
    return this.deps.lock(async () => {
      const result: FlushResult = { sent: [], waiting: [], needsFix: [] };
      const due = dueReports(await this.deps.store.all(), this.now(), opts.force ?? false, opts.only);
      let networkDown = false;
      for (const stored of due) {
        if (networkDown) {
          result.waiting.push(stored.clientId);
          continue;
        }
        // Re-read: the other side of the lock may have changed it.
        const r = await this.deps.store.get(stored.clientId);
        if (!r || (r.state !== 'pending' && r.state !== 'sending')) continue;
        const sending: QueuedReport = { ...r, state: 'sending' };
        await this.update(sending);
        const outcome = await sendReport(sending, this.deps.fetch, this.online);
        const after = applyOutcome(sending, outcome, this.now(), this.random());
        await this.update(after);
        if (after.state === 'sent') result.sent.push(r.clientId);
        else if (after.state === 'needs_fix') result.needsFix.push(r.clientId);
        else {
          result.waiting.push(r.clientId);
          if (outcome.kind === 'retry' && outcome.offline) networkDown = true;
        }
      }
      return result;
    });
  }
}
