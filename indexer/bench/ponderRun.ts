import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@ae/testkit';
import type { BenchChain } from './benchChain.js';
import type { PonderIndexes } from './ponderIndexes.js';
import { CpuSampler, databaseCpu } from './processCpu.js';

/** The Ponder 0.16 app of the comparison (not a workspace: `npm run bench:setup` installs it). */
export const PONDER_APP = fileURLToPath(new URL('../../bench-ponder/', import.meta.url));
const PONDER_BIN = join(PONDER_APP, 'node_modules', 'ponder', 'dist', 'esm', 'bin', 'ponder.js');
/** Tables of the Ponder app live in this schema of its own fresh database. */
export const PONDER_SCHEMA = 'ponder_bench';

export interface PonderRun {
  /** Events Ponder's indexing functions handled (its ponder_indexing_completed_events metric). */
  events: number;
  cpuMs: number;
  /** CPU of the Postgres backends serving its database until /ready, ms. */
  dbCpuMs: number;
  /** From spawning `ponder start` to its /ready answering 200 (build, migrations, sync and indexing). */
  processWallMs: number;
  version: string;
}

/** Why the Ponder comparison cannot run here, or undefined when it can. */
export function ponderMissing(): string | undefined {
  if (!existsSync(PONDER_BIN))
    return `Ponder is not installed in ${PONDER_APP} (run \`npm run bench:setup\`, which is \`npm ci --prefix bench-ponder\`)`;
  const v = ponderVersion();
  if (!v.startsWith('0.16.')) return `bench-ponder has ponder ${v}, the comparison is pinned to 0.16`;
  return undefined;
}

function ponderVersion(): string {
  return JSON.parse(readFileSync(join(PONDER_APP, 'node_modules', 'ponder', 'package.json'), 'utf8')).version;
}

/**
 * Indexes the chain to `endBlock` with `ponder start` into a fresh database (so its RPC cache starts empty, as
 * the indexer's does), waits for /ready, reads its CPU time from /proc and its event count from /metrics,
 * hands the database to `inspect`, then stops it and drops the database.
 */
export async function ponderOnce(
  chain: BenchChain,
  endBlock: number,
  /** The indexes its tables declare (BENCH_PONDER_INDEXES): the indexer's, from ponderIndexes(). */
  indexes: PonderIndexes,
  inspect: (databaseUrl: string) => Promise<void>,
  timeoutMs = 3_600_000,
): Promise<PonderRun> {
  const db = await createTestDatabase({ prefix: 'bench_ponder', migrate: false });
  const dir = mkdtempSync(join(tmpdir(), 'ae-ponder-'));
  const deploymentFile = join(dir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(chain.deployment));
  const port = await freePort();
  const dbCpu = await databaseCpu(db.url);
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [PONDER_BIN, 'start', '--schema', PONDER_SCHEMA, '--port', String(port), '--log-level', 'warn'],
    {
      cwd: PONDER_APP,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PONDER_RPC_URL: chain.rpcUrl,
        PONDER_BENCH_DEPLOYMENT: deploymentFile,
        PONDER_END_BLOCK: String(endBlock),
        PONDER_BENCH_INDEXES: JSON.stringify(indexes),
        PONDER_TELEMETRY_DISABLED: 'true',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const onData = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const cpu = new CpuSampler();
  try {
    await waitReady(child, port, cpu, timeoutMs, () => out);
    const processWallMs = performance.now() - t0;
    if (child.pid) cpu.sample(child.pid);
    const dbCpuMs = await dbCpu.stop();
    const events = await completedEvents(port);
    await inspect(db.url);
    return { events, cpuMs: cpu.totalMs(), dbCpuMs, processWallMs, version: ponderVersion() };
  } finally {
    await dbCpu.stop();
    await stop(child);
    await db.drop();
  }
}

async function waitReady(
  child: ChildProcess,
  port: number,
  cpu: CpuSampler,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`ponder exited with ${child.exitCode ?? child.signalCode}:\n${output()}`);
    if (child.pid) cpu.sample(child.pid);
    const ok = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`ponder not ready after ${timeoutMs} ms:\n${output()}`);
}

async function completedEvents(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  let n = 0;
  for (const m of text.matchAll(/^ponder_indexing_completed_events\{[^}]*\} (\d+(?:\.\d+)?)$/gm))
    n += Number(m[1]);
  return n;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(t);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}
