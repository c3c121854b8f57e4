import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadDemoProvince } from '../../demo/load.ts';
import { openDb, pgliteOf } from '../db.ts';
import { migrate } from '../migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a data-folder dump with migrations and the demo province */
    templateDump: string;
    /** PostgreSQL: name of a template database with the same content */
    templateDatabase: string;
  }
}

export const TEMPLATE_DB = `atgt_tpl_${process.pid}`;

/** Builds one migrated database with the demo province per test run; each test file clones it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    const db = await openDb({ databaseUrl: withDatabase(url, TEMPLATE_DB) });
    await migrate(db);
    await loadDemoProvince(db);
    await db.close();
    project.provide('templateDatabase', TEMPLATE_DB);
    project.provide('templateDump', '');
    return async () => {
      await dropDatabase(admin, TEMPLATE_DB);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'atgt-template-'));
  const db = await openDb({});
  await migrate(db);
  await loadDemoProvince(db);
  const dump = await pgliteOf(db)!.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('templateDump', file);
  project.provide('templateDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Drops a test database once its connections are gone. pg's pool.end() resolves before its sockets
 * close, and a forced drop would kill them mid-close; so wait for them, and force only as a last resort.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // 55006: database is being accessed
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A new database on the PostgreSQL server of `serverUrl`, empty or copied from a template; drop() removes it. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}
