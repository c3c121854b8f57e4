/**
 * The import wizard's draft, kept in localStorage so that closing the tab loses nothing:
 * the pasted text (or a small uploaded file), the plan date, the name mappings and the header form.
 * Cleared once the plan is saved.
 */
import type { ImportLayout, TargetDirection, TargetIndicator } from '../api.ts';

export interface DraftFile {
  name: string;
  size: number;
  /** Left out when the file is too big for localStorage. */
  base64?: string;
}

export interface DraftMapping {
  text: string;
  orgUnitId: number;
  orgUnitName: string;
}

/** The header form with dates as `yyyy-mm-dd` strings. */
export interface DraftHeader {
  number?: string;
  issuedOn?: string;
  issuingBody?: string;
  title?: string;
  theme?: string;
  directives?: string[];
  goals?: string;
  parentId?: number | null;
  ownerUnitId?: number | null;
  ownerUnitName?: string | null;
  endsOn?: string;
  status?: 'draft' | 'active';
  targets?: {
    indicator?: TargetIndicator;
    direction?: TargetDirection;
    minPercent?: number | null;
    maxPercent?: number | null;
    description?: string;
  }[];
}

export interface ImportDraft {
  mode: 'paste' | 'file';
  text: string;
  file: DraftFile | null;
  planDate?: string;
  layout?: ImportLayout;
  mappings: DraftMapping[];
  header: DraftHeader;
  /** A preview had been made: make it again when the draft is restored. */
  previewed: boolean;
}

export const emptyDraft = (): ImportDraft => ({
  mode: 'paste',
  text: '',
  file: null,
  mappings: [],
  header: {},
  previewed: false,
});

/** Files above this size (in base64 characters) are not kept in localStorage. */
const MAX_STORED_FILE = 2_500_000;

const keyOf = (userId: number) => `atgt.plans.importDraft.${userId}`;

export function loadDraft(userId: number): ImportDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<ImportDraft>;
    if (typeof d !== 'object' || d === null) return null;
    return {
      ...emptyDraft(),
      ...d,
      mode: d.mode === 'file' ? 'file' : 'paste',
      text: typeof d.text === 'string' ? d.text : '',
      mappings: Array.isArray(d.mappings) ? d.mappings : [],
      header: typeof d.header === 'object' && d.header ? d.header : {},
    };
  } catch {
    return null;
  }
}

/** Saves the draft; returns false when the browser refused (private mode, storage full). */
export function saveDraft(userId: number, draft: ImportDraft): boolean {
  const file =
    draft.file?.base64 && draft.file.base64.length > MAX_STORED_FILE
      ? { name: draft.file.name, size: draft.file.size }
      : draft.file;
  try {
    window.localStorage.setItem(keyOf(userId), JSON.stringify({ ...draft, file }));
    return true;
  } catch {
    try {
      // Try once more without the file's bytes.
      window.localStorage.setItem(
        keyOf(userId),
        JSON.stringify({ ...draft, file: file ? { name: file.name, size: file.size } : null }),
      );
    } catch {
      // nothing more to do
    }
    return false;
  }
}

export function clearDraft(userId: number): void {
  try {
    window.localStorage.removeItem(keyOf(userId));
  } catch {
    // private mode
  }
}

/** Whether the draft holds anything worth restoring. */
export const hasContent = (d: ImportDraft) =>
  d.text.trim() !== '' || d.file !== null || Object.keys(d.header).length > 0;
