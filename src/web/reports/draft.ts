/**
 * Unsaved edits kept in localStorage, so that nothing typed is lost when the tab closes, the phone's
 * battery dies or the network drops before the server has the draft: one entry per user and per record
 * (a unit's report, a review report). Cleared once the server holds the same content.
 */
import { useCallback, useEffect, useState } from 'react';

export interface LocalDraft<T> {
  /** when it was written (ISO instant) */
  savedAt: string;
  /** the server's `updatedAt` of the record the edits started from */
  base: string;
  content: T;
}

export type DraftKind = 'submission' | 'review';

const keyOf = (kind: DraftKind, userId: number, id: number) => `atgt.reports.${kind}.${userId}.${id}`;

export function loadLocalDraft<T>(kind: DraftKind, userId: number, id: number): LocalDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(keyOf(kind, userId, id));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft<T>>;
    if (typeof d !== 'object' || d === null || typeof d.content !== 'object' || d.content === null)
      return null;
    return {
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : new Date().toISOString(),
      base: typeof d.base === 'string' ? d.base : '',
      content: d.content,
    };
  } catch {
    return null;
  }
}

/** Saves the edits; false when the browser refused (private mode, storage full). */
export function saveLocalDraft<T>(
  kind: DraftKind,
  userId: number,
  id: number,
  base: string,
  content: T,
): boolean {
  try {
    const draft: LocalDraft<T> = { savedAt: new Date().toISOString(), base, content };
    window.localStorage.setItem(keyOf(kind, userId, id), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(kind: DraftKind, userId: number, id: number): void {
  try {
    window.localStorage.removeItem(keyOf(kind, userId, id));
  } catch {
    // private mode
  }
}

let persistAsked = false;

/** Asks the browser once to keep this site's storage under pressure (drafts live there). */
export function askPersistentStorage(): void {
  if (persistAsked) return;
  persistAsked = true;
  try {
    void navigator.storage?.persist?.().catch(() => undefined);
  } catch {
    // not supported
  }
}

/** Two JSON-like values hold the same data (key order aside). */
export function sameData(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
}

/**
 * A record's edits kept on this device, for an editor page: the draft found when the page opened (dropped
 * when it holds what the server holds), whether the browser still keeps edits, and the calls to keep or
 * clear them. While `editable`, asks the browser to keep the site's storage. `restore: false` leaves a stored
 * draft alone and opens on the server's copy.
 */
export function useLocalDraft<T>({
  kind,
  userId,
  id,
  server,
  same,
  editable,
  restore = true,
}: {
  kind: DraftKind;
  userId: number;
  id: number;
  /** the server's copy as the page opened */
  server: T;
  same: (a: T, b: T) => boolean;
  editable: boolean;
  restore?: boolean;
}) {
  const [restored] = useState<LocalDraft<T> | null>(() => {
    if (!restore) return null;
    const local = loadLocalDraft<T>(kind, userId, id);
    if (!local) return null;
    if (!same(local.content, server)) return local;
    clearLocalDraft(kind, userId, id);
    return null;
  });
  const [storageOk, setStorageOk] = useState(true);

  useEffect(() => {
    if (editable) askPersistentStorage();
  }, [editable]);

  /** Keeps the edits on this device; `storageOk` says whether the browser took them. */
  const save = useCallback(
    (base: string, content: T) => setStorageOk(saveLocalDraft(kind, userId, id, base, content)),
    [kind, userId, id],
  );
  const clear = useCallback(() => clearLocalDraft(kind, userId, id), [kind, userId, id]);
  return { restored, storageOk, save, clear };
}

/** While `active` (edits neither on the server nor on this device), the browser asks before leaving the page. */
export function useWarnBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
