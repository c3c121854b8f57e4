import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** The query interface every repository uses, the same on PGlite and on PostgreSQL. */
export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** A transaction's handle: queries, and bulk loading in CSV through COPY. */
export interface Tx extends Queryable {
  /**
   * Loads CSV rows through `COPY table (columns) FROM STDIN WITH (FORMAT csv)` (the statement given):
   * PostgreSQL streams them (pg-copy-streams), PGlite reads them as a blob.
   */
  copyCsv(copyStatement: string, csv: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// pg returns int8 and numeric as strings; make counts numbers, as PGlite does.
pg.types.setTypeParser(20, (v) => Number(v)); // int8 / bigint
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
pg.types.setTypeParser(1082, (v) => v); // date stays 'yyyy-mm-dd'

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly pglite: PGlite) {}

  /** PGlite is one connection: serialise transactions so that statements of two requests never interleave. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.serial(async () => (await this.pglite.query<T>(text, params)).rows);
  }
  exec(text: string): Promise<void> {
    return this.serial(async () => {
      await this.pglite.exec(text);
    });
  }
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.serial(() =>
      this.pglite.transaction(async (tx) =>
        fn({
          query: async <R>(t: string, p: unknown[] = []) => (await tx.query<R>(t, p)).rows,
          copyCsv: async (statement, csv) => {
            await tx.query(statement.replace(/FROM STDIN/i, "FROM '/dev/blob'"), [], {
              blob: new Blob([csv]),
            });
          },
        }),
      ),
    );
  }
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (!this.pglite.closed) await this.pglite.close();
  }
  /** Raw handle for backup (dumpDataDir) and clone in tests. */
  get raw(): PGlite {
    return this.pglite;
  }
}

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  constructor(readonly pool: pg.Pool) {}
  async query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, params)).rows as T[];
  }
  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }
  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(t: string, p: unknown[] = []) => (await client.query(t, p)).rows as R[],
        copyCsv: async (statement, csv) => {
          await pipeline(Readable.from([csv]), client.query(copyFrom(statement)));
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  async close(): Promise<void> {
    await this.pool.end();
  }
}

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; undefined means in memory */
  dataDir?: string | undefined;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, admin termination) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (error) => process.stderr.write(`PostgreSQL idle connection lost: ${error.message}\n`));
    await pool.query('SELECT 1');
    return new PostgresDb(pool);
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? 'memory://');
  return new PgliteDb(pglite);
}

export function wrapPglite(pglite: PGlite): Db {
  return new PgliteDb(pglite);
}

export function pgliteOf(db: Db): PGlite | undefined {
  return db instanceof PgliteDb ? db.raw : undefined;
}
