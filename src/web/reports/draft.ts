/**
 * Unsaved edits kept in localStorage, so that nothing typed is lost when the tab closes, the phone's
 * battery dies or the network drops before the server has the draft: one entry per user and per record
 * (a unit's report, a review report). Cleared once the server holds the same content.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  askPersistentStorage,
  readDraft,
  removeDraft,
  type StoredDraft,
  writeDraft,
} from '../platform/drafts.ts';

export { askPersistentStorage, sameData } from '../platform/drafts.ts';

export interface LocalDraft<T> extends StoredDraft<T> {
  /** the server's `updatedAt` of the record the edits started from */
  base: string;
}

export type DraftKind = 'submission' | 'review';

const keyOf = (kind: DraftKind, userId: number, id: number) => `atgt.reports.${kind}.${userId}.${id}`;

export function loadLocalDraft<T>(kind: DraftKind, userId: number, id: number): LocalDraft<T> | null {
  const d = readDraft<T>(keyOf(kind, userId, id));
  return d ? { ...d, base: d.base ?? '' } : null;
}

/** Saves the edits; false when the browser refused (private mode, storage full). */
export const saveLocalDraft = <T>(
  kind: DraftKind,
  userId: number,
  id: number,
  base: string,
  content: T,
): boolean => writeDraft(keyOf(kind, userId, id), content, base);

export const clearLocalDraft = (kind: DraftKind, userId: number, id: number): void =>
  removeDraft(keyOf(kind, userId, id));

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
