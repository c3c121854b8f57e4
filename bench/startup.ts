// Benchmark: cold start (empty data folder: migrations + demo province) and warm start (same folder again),
// each until the server answers /api/health. Prints the machine, the data size and p50/p95/max.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnServer } from '../src/server/platform/testing/spawn.ts';
import { formatPercentiles, machineLine, percentiles } from './support.ts';

const RUNS = Number(process.env.RUNS ?? 5);

async function timeStart(dataDir: string): Promise<{ ms: number; crashes: number }> {
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const health = await fetch(`${server.url}/api/health`);
  if (health.status !== 200) throw new Error(`health ${health.status}`);
  const ms = server.readyMs;
  const counts = /"crashes":(\d+)/.exec(server.output());
  await server.stop();
  return { ms, crashes: counts ? Number(counts[1]) : 0 };
}

console.log(machineLine());
const cold: number[] = [];
const warm: number[] = [];
let crashes = 0;
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'atgt-bench-'));
  try {
    const c = await timeStart(dir);
    cold.push(c.ms);
    crashes = c.crashes || crashes;
    warm.push((await timeStart(dir)).ms);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `data: demo province, ${crashes} crashes; ${RUNS} runs each; process spawn → "ATGT ready" (listening)`,
);
console.log(
  `cold start (empty data dir, migrations + demo load): ${formatPercentiles(percentiles(cold), 0)}`,
);
console.log(`warm start (existing data dir):                     ${formatPercentiles(percentiles(warm), 0)}`);
