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
