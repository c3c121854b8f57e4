// Benchmark: cold start (empty data folder: migrations + demo province) and warm start (same folder again),
// each until the server answers /api/health. Prints the machine, the data size and p50/p95/max.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { spawnServer } from '../src/server/platform/testing/spawn.ts';

const RUNS = Number(process.env.RUNS ?? 5);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

async function timeStart(dataDir: string): Promise<{ ms: number; crashes: number }> {
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
  const health = await fetch(`${server.url}/api/health`);
  if (health.status !== 200) throw new Error(`health ${health.status}`);
  const ms = server.readyMs;
  const counts = /"crashes":(\d+)/.exec(server.output());
  await server.stop();
  return { ms, crashes: counts ? Number(counts[1]) : 0 };
}

const cpu = cpus()[0]?.model ?? 'unknown';
console.log(
  `machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
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
const fmt = (x: { p50: number; p95: number; max: number }) =>
  `p50 ${x.p50.toFixed(0)} ms, p95 ${x.p95.toFixed(0)} ms, max ${x.max.toFixed(0)} ms`;
console.log(
  `data: demo province, ${crashes} crashes; ${RUNS} runs each; process spawn → "ATGT ready" (listening)`,
);
console.log(`cold start (empty data dir, migrations + demo load): ${fmt(stats(cold))}`);
console.log(`warm start (existing data dir):                     ${fmt(stats(warm))}`);
