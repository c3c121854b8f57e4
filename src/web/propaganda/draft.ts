/**
 * Form drafts of the propaganda pages, kept in localStorage so that nothing typed is lost when the tab
 * closes: one draft per user, form and record ('new' for a new one); cleared once the record is saved.
 * Photos are not kept (they may be larger than the browser's storage allows); the form says so.
 */

export type DraftValues = Record<string, unknown>;

export interface Draft {
  savedAt: string;
  values: DraftValues;
}

export type DraftForm = 'session' | 'commitment';

const keyOf = (userId: number, form: DraftForm, id: number | 'new') =>
  `atgt.propaganda.${form}.${userId}.${id}`;

export function loadDraft(userId: number, form: DraftForm, id: number | 'new'): Draft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId, form, id));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d !== 'object' || d === null || typeof d.values !== 'object' || d.values === null) return null;
    return {
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : new Date().toISOString(),
      values: d.values,
    };
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser refused (private mode, storage full). */
export function saveDraft(userId: number, form: DraftForm, id: number | 'new', values: DraftValues): boolean {
  try {
    window.localStorage.setItem(
      keyOf(userId, form, id),
      JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies Draft),
    );
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: number, form: DraftForm, id: number | 'new'): void {
  try {
    window.localStorage.removeItem(keyOf(userId, form, id));
  } catch {
    // private mode
  }
}
