import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from './backup.ts';
import { openDb } from './db.ts';
import { migrate } from './migrate.ts';
import { createScratchDatabase } from './testing/global-setup.ts';
import { testConfig } from './testing/index.ts';

let dir: string;
let databaseUrl: string | undefined;
let cleanUp: (() => Promise<void>) | undefined;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'atgt-backup-'));
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'atgt_bk');
    databaseUrl = scratch.url;
    cleanUp = scratch.drop;
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await cleanUp?.();
});

const names = async (config: ReturnType<typeof testConfig>) => {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return (await db.query<{ name: string }>('SELECT name FROM org_units ORDER BY name')).map((r) => r.name);
  } finally {
    await db.close();
  }
};

describe(`atgt backup / restore (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('restores exactly the state at backup time', async () => {
    const config = testConfig({ dataDir: path.join(dir, 'data'), databaseUrl });
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(db);
    await db.query(
      "INSERT INTO org_units (code, name, kind) VALUES ('A', 'Sở Y tế', 'agency'), ('B', 'Sở Tư pháp', 'agency')",
    );
    await db.close();

    const file = path.join(dir, 'atgt.backup');
    await backup(config, file);
    expect(statSync(file).size).toBeGreaterThan(1000);

    const db2 = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await db2.query("INSERT INTO org_units (code, name, kind) VALUES ('C', 'Sau sao lưu', 'agency')");
    await db2.query("UPDATE org_units SET name = 'Đã sửa' WHERE code = 'A'");
    await db2.close();
    expect(await names(config)).toEqual(['Sau sao lưu', 'Sở Tư pháp', 'Đã sửa']);

    if (!config.databaseUrl) {
      await expect(restore(config, file)).rejects.toThrow(/--force/);
    }
    await restore(config, file, { force: true });
    expect(await names(config)).toEqual(['Sở Tư pháp', 'Sở Y tế']);
  });

  it('refuses a missing backup file with a clear message', async () => {
    const config = testConfig({ dataDir: path.join(dir, 'other'), databaseUrl });
    await expect(restore(config, path.join(dir, 'khong-co.backup'))).rejects.toThrow(
      /Không tìm thấy tệp sao lưu/,
    );
    expect(existsSync(path.join(dir, 'other'))).toBe(false);
  });
});
