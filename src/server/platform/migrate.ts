import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3,}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.split('_')[0]),
      name: f,
      sql: readFileSync(path.join(dir, f), 'utf8'),
    }));
}

/** Applies every migration not yet applied, each in its own transaction, in version order. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    // Two servers starting at once on PostgreSQL: the second waits for the first.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(4242001)');
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** Splits a migration file on semicolons at line ends (our migrations hold no procedural bodies). */
export function splitStatements(sql: string): string[] {
  // A ';' ends a statement at the end of a line, except inside a dollar-quoted body ($fn$ … $fn$).
  const out: string[] = [];
  let from = 0;
  let quote: string | null = null;
  const token = /\$[A-Za-z_]*\$|;[ \t]*(?:\r?\n|$)/g;
  for (let m = token.exec(sql); m; m = token.exec(sql)) {
    if (m[0].startsWith('$')) {
      if (quote === null) quote = m[0];
      else if (quote === m[0]) quote = null;
    } else if (quote === null) {
      out.push(sql.slice(from, m.index));
      from = m.index + m[0].length;
    }
  }
  out.push(sql.slice(from));
  return out.map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter((s) => s.length > 0);
}
