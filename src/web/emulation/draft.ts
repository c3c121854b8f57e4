/**
 * Unsaved edits of the emulation pages kept in localStorage, so that nothing typed is lost when the tab
 * closes, the phone's battery dies or the network drops: the campaign form (per user, per campaign or
 * 'new'), a unit's self-assessment and the office's review (per user, campaign and unit). Cleared once the
 * server holds the same content.
 */

import { readDraft, removeDraft, type StoredDraft, writeDraft } from '../platform/drafts.ts';

export { askPersistentStorage, sameData } from '../platform/drafts.ts';

export type DraftKind = 'campaign' | 'self' | 'review';

export type LocalDraft<T> = StoredDraft<T>;

const keyOf = (kind: DraftKind, userId: number, id: string) => `atgt.emulation.${kind}.${userId}.${id}`;

export const loadDraft = <T>(kind: DraftKind, userId: number, id: string): LocalDraft<T> | null =>
  readDraft<T>(keyOf(kind, userId, id));

/** Saves the edits; false when the browser refused (private mode, storage full). */
export const saveDraft = <T>(kind: DraftKind, userId: number, id: string, content: T): boolean =>
  writeDraft(keyOf(kind, userId, id), content);

export const clearDraft = (kind: DraftKind, userId: number, id: string): void =>
  removeDraft(keyOf(kind, userId, id));
