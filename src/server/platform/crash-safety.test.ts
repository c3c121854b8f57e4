import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../domain/demo/province.ts';
import { createScratchDatabase } from './testing/global-setup.ts';
import { HttpSession, spawnServer } from './testing/spawn.ts';

// Kills the real server process with SIGKILL in the middle of writes, restarts it on the same data,
// and checks that every acknowledged write is there and the database is consistent.
let dataDir: string;
let databaseUrl: string | undefined;
let cleanUp: (() => Promise<void>) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'atgt-kill-'));
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'atgt_kill');
    databaseUrl = scratch.url;
    cleanUp = scratch.drop;
  }
});
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await cleanUp?.();
});

describe('crash safety and shutdown', () => {
  it('keeps every acknowledged write across a SIGKILL, restarts consistent, and shuts down cleanly on SIGTERM', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' };
    const first = await spawnServer(env);
    const session = new HttpSession(first.url);
    await session.login('vanphong', DEMO_PASSWORD);

    const acknowledged: number[] = [];
    let attempted = 0;
    let stop = false;
    const writer = async (w: number) => {
      while (!stop) {
        const n = attempted++;
        try {
          const res = await session.fetch('POST', '/api/v1/directory/people', {
            fullName: `Kiểm tra ${w}-${n}`,
            position: 'Thử nghiệm',
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
        } catch {
          return; // connection cut by the kill
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    await first.kill(); // mid-write: requests are in flight
    stop = true;
    await Promise.all(writers);
    expect(attempted).toBeGreaterThan(acknowledged.length);

    const second = await spawnServer(env);
    try {
      const s2 = new HttpSession(second.url);
      await s2.login('vanphong', DEMO_PASSWORD);
      const res = await s2.fetch(
        'GET',
        `/api/v1/directory/people?q=${encodeURIComponent('Kiểm tra')}&pageSize=500`,
      );
      expect(res.status).toBe(200);
      const stored = ((await res.json()) as { items: { id: number }[] }).items.map((p) => p.id);
      for (const id of acknowledged) expect(stored).toContain(id);

      // Each person was written with its audit row in one transaction: no person without its audit, and no orphan audit.
      const audit = await s2.fetch('GET', '/api/v1/audit?entity=person&pageSize=500');
      const audited = ((await audit.json()) as { items: { action: string; entityId: string }[] }).items
        .filter((a) => a.action === 'create')
        .map((a) => Number(a.entityId));
      expect([...audited].sort((a, b) => a - b)).toEqual([...stored].sort((a, b) => a - b));

      // And it still takes writes.
      const after = await s2.fetch('POST', '/api/v1/directory/people', { fullName: 'Sau khi khởi động lại' });
      expect(after.status).toBe(201);

      // Graceful shutdown: a request in flight when SIGTERM arrives still gets its answer, and the exit is clean.
      const inFlight = s2.fetch('GET', '/api/v1/crashes?pageSize=500');
      await new Promise((r) => setTimeout(r, 5));
      const exitCode = second.stop();
      expect((await inFlight).status).toBe(200);
      const code = await exitCode;
      if (code !== 0) console.error(second.output().slice(-3000));
      expect(code).toBe(0);
      expect(second.output()).toMatch(/shutting down/);
    } finally {
      if (second.proc.exitCode === null) await second.kill();
    }
  }, 240_000);
});
