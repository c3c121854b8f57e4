import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { openDb } from './db.ts';
import { migrate, readMigrations, splitStatements } from './migrate.ts';

describe('migrations', () => {
  it('split a file into statements, keeping a function body whole', () => {
    const parts = splitStatements(
      `-- comment;\nCREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n  SELECT 1\n$$;\n`,
    );
    expect(parts).toHaveLength(2);
    expect(parts[1]).toMatch(/^CREATE FUNCTION/);
    // A PL/pgSQL body has statements of its own, each ending a line with ';'.
    const plpgsql = splitStatements(
      `CREATE FUNCTION g() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  PERFORM 1;\n  RETURN NULL;\nEND\n$fn$;\nSELECT 2;\n`,
    );
    expect(plpgsql).toHaveLength(2);
    expect(plpgsql[0]).toMatch(/RETURN NULL;\nEND\n\$fn\$$/);
  });

  it('apply in order once; a second run applies nothing', async () => {
    const db = await openDb({}); // a blank in-memory PGlite; on PostgreSQL the template build migrates from scratch
    try {
      const first = await migrate(db);
      expect(first).toEqual(readMigrations().map((m) => m.name));
      expect(await migrate(db)).toEqual([]);
      const tables = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['admin_units', 'audit_log', 'crashes', 'org_units', 'sessions', 'users']),
      );
    } finally {
      await db.close();
    }
  });
});

describe('configuration', () => {
  it('refuses to start in production without a real session secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).sessionSecret).toHaveLength(
      40,
    );
  });
  it('uses a dev default secret, port 3000 and ./data outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
