/**
 * The crash form's draft, kept in localStorage so that nothing typed at the scene is lost when the tab
 * closes or the phone's battery dies. One draft per user and per record ('new' for a new crash);
 * cleared once the record is saved.
 */

/** The form's values with dates as `yyyy-mm-dd` and times as `HH:mm` strings. */
export type DraftValues = Record<string, unknown>;

export interface CrashDraft {
  savedAt: string;
  values: DraftValues;
}

const keyOf = (userId: number, crashId: number | 'new') => `atgt.crashes.draft.${userId}.${crashId}`;

export function loadDraft(userId: number, crashId: number | 'new'): CrashDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId, crashId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<CrashDraft>;
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
export function saveDraft(userId: number, crashId: number | 'new', values: DraftValues): boolean {
  try {
    const draft: CrashDraft = { savedAt: new Date().toISOString(), values };
    window.localStorage.setItem(keyOf(userId, crashId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: number, crashId: number | 'new'): void {
  try {
    window.localStorage.removeItem(keyOf(userId, crashId));
  } catch {
    // private mode
  }
}
