/** Collects query parameters; `add` returns the placeholder, so optional filters compose without counting. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A LIKE pattern that matches the text anywhere, with LIKE's own wildcards escaped. */
export const containing = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** "WHERE a AND b", or nothing when there is no condition. */
export const whereClause = (conditions: string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

/** "column = $n" for every field of a partial update that is present, columns named by `columns`. */
export function setClauses<K extends string>(
  input: Partial<Record<K, unknown>>,
  columns: Record<K, string>,
  params: Params,
): string[] {
  return (Object.keys(input) as K[])
    .filter((k) => input[k] !== undefined)
    .map((k) => `${columns[k]} = ${params.add(input[k])}`);
}

// Binary values (photos, attachments) travel as base64 text: PGlite serialises a Uint8Array parameter and
// parses a bytea result byte by byte in JavaScript (~100 ms for 0.5 MB, against ~10 ms through base64).
/** A binary value as a query parameter; use it in SQL through {@link bytesFrom}. */
export const bytesParam = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
/** The SQL that turns a {@link bytesParam} placeholder back into bytea. */
export const bytesFrom = (placeholder: string): string => `decode(${placeholder}, 'base64')`;
/** The SQL that reads a bytea column as base64 text; {@link bytesOf} turns it back into bytes. */
export const bytesColumn = (column: string): string => `encode(${column}, 'base64')`;
export const bytesOf = (base64: string): Buffer => Buffer.from(base64, 'base64');
