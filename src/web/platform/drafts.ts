/**
 * Unsaved edits kept in this browser's localStorage, so that nothing typed is lost when the tab closes, the
 * phone's battery dies or the network drops. Each capability names its drafts (a key per user and record);
 * the storing, the reading back of a damaged entry, and asking the browser to keep the storage are here once.
 */

export interface StoredDraft<T> {
  /** when it was written (ISO instant) */
  savedAt: string;
  /** the server's `updatedAt` of the record the edits started from, when the page tracks it */
  base?: string;
  content: T;
}

/** The draft under `key`, or null when there is none or it cannot be read. */
export function readDraft<T>(key: string): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<StoredDraft<T>>;
    if (typeof d !== 'object' || d === null || typeof d.content !== 'object' || d.content === null)
      return null;
    return {
      savedAt: typeof d.savedAt === 'string' ? d.savedAt : new Date().toISOString(),
      ...(typeof d.base === 'string' ? { base: d.base } : {}),
      content: d.content,
    };
  } catch {
    return null;
  }
}

/** Saves the edits; false when the browser refused (private mode, storage full). */
export function writeDraft<T>(key: string, content: T, base?: string): boolean {
  try {
    const draft: StoredDraft<T> = {
      savedAt: new Date().toISOString(),
      ...(base !== undefined ? { base } : {}),
      content,
    };
    window.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
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
