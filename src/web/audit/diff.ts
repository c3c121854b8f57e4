/** The fields that differ between an audit entry's `before` and `after`. */
export interface FieldChange {
  field: string;
  /** undefined: the field did not exist on that side */
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if ((b === undefined || isRecord(b)) && (a === undefined || isRecord(a))) {
    const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
    const out: FieldChange[] = [];
    for (const key of keys) {
      const vb = b === undefined ? undefined : b[key];
      const va = a === undefined ? undefined : a[key];
      if (b !== undefined && a !== undefined && same(vb, va)) continue;
      out.push({ field: key, before: vb, after: va });
    }
    return out;
  }
  return same(b, a) ? [] : [{ field: '—', before: b, after: a }];
}

/** A value as short readable text; '' for a side that has no value. */
export function renderValue(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, null, 1);
}
