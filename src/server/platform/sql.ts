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
