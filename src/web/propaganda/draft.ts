/**
 * Form drafts of the propaganda pages, kept in localStorage so that nothing typed is lost when the tab
 * closes: one draft per user, form and record ('new' for a new one); cleared once the record is saved.
 * Photos are not kept (they may be larger than the browser's storage allows); the form says so.
 */

import { readDraft, removeDraft, writeDraft } from '../platform/drafts.ts';

export type DraftValues = Record<string, unknown>;

export interface Draft {
  savedAt: string;
  values: DraftValues;
}

export type DraftForm = 'session' | 'commitment';

const keyOf = (userId: number, form: DraftForm, id: number | 'new') =>
  `atgt.propaganda.${form}.${userId}.${id}`;

export function loadDraft(userId: number, form: DraftForm, id: number | 'new'): Draft | null {
  const d = readDraft<DraftValues>(keyOf(userId, form, id));
  return d ? { savedAt: d.savedAt, values: d.content } : null;
}

/** Saves the draft; false when the browser refused (private mode, storage full). */
export const saveDraft = (
  userId: number,
  form: DraftForm,
  id: number | 'new',
  values: DraftValues,
): boolean => writeDraft(keyOf(userId, form, id), values);

export const clearDraft = (userId: number, form: DraftForm, id: number | 'new'): void =>
  removeDraft(keyOf(userId, form, id));
