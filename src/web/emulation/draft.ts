/**
 * Unsaved edits of the emulation pages kept in localStorage, so that nothing typed is lost when the tab
 * closes, the phone's battery dies or the network drops: the campaign form (per user, per campaign or
 * 'new'), a unit's self-assessment and the office's review (per user, campaign and unit). Cleared once the
 * server holds the same content.
 */

export type DraftKind = 'campaign' | 'self' | 'review';

export interface LocalDraft<T> {
  /** when it was written (ISO instant) */
  savedAt: string;
  content: T;
}

const keyOf = (kind: DraftKind, userId: number, id: string) => `atgt.emulation.${kind}.${userId}.${id}`;

export function loadDraft<T>(kind: DraftKind, userId: number, id: string): LocalDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(keyOf(kind, userId, id));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft<T>>;
    if (typeof d !== 'object' || d === null || typeof d.content !== 'object' || d.content === null)
      return null;
    return {
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : new Date().toISOString(),
      content: d.content,
    };
  } catch {
    return null;
  }
}

/** Saves the edits; false when the browser refused (private mode, storage full). */
export function saveDraft<T>(kind: DraftKind, userId: number, id: string, content: T): boolean {
  try {
    const draft: LocalDraft<T> = { savedAt: new Date().toISOString(), content };
    window.localStorage.setItem(keyOf(kind, userId, id), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(kind: DraftKind, userId: number, id: string): void {
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

/** Two JSON-like values hold the same data (key order and undefined members aside). */
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
