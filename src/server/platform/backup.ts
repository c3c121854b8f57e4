import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from './config.ts';

const run = promisify(execFile);

/**
 * Backs up the database to one file. PGlite: a gzip tarball of the data folder (the server must be
 * stopped, as PGlite is single-process). PostgreSQL: pg_dump's custom format.
 */
export async function backup(config: Config, file: string): Promise<void> {
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl]);
    return;
  }
  if (!existsSync(config.dataDir)) throw new Error(`Không có dữ liệu tại ${config.dataDir}`);
  const db = await PGlite.create(config.dataDir);
  try {
    const dump = await db.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Restores a backup made by `backup`, replacing the current database. */
export async function restore(
  config: Config,
  file: string,
  options: { force?: boolean } = {},
): Promise<void> {
  if (!existsSync(file)) throw new Error(`Không tìm thấy tệp sao lưu ${file}`);
  if (config.databaseUrl) {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
    return;
  }
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    if (!options.force) throw new Error(`Thư mục ${config.dataDir} đã có dữ liệu; dùng --force để ghi đè.`);
    rmSync(config.dataDir, { recursive: true, force: true });
  }
  const db = await PGlite.create(config.dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.query('SELECT 1');
  await db.close();
}
