import { readFileSync } from 'node:fs';
import { TABLE } from '@ae/core/tables';
import { createTestDatabase, startIndexer } from '@ae/testkit';
import pg from 'pg';
import type { Deployment } from '../src/config.js';
import { CpuSampler, databaseCpu } from './processCpu.js';

/** The indexer's exit summary (runIndexer prints it), plus what the benchmark measures around it. */
export interface IndexRun {
  label: string;
  events: number;
  rows: number;
  batches: number;
  wallMs: number;
  decodeMs: number;
  loadMs: number;
  applyMs: number;
  writeMs: number;
  handlerMs: number;
  /** Secondary indexes the run set aside for its backfill (INDEX_DEFERRAL=auto), and ms to build them at the end. */
  deferredIndexes: number;
  indexBuildMs: number;
  writes: Record<string, { rows: number; ms: number }>;
  peakRssMb: number;
  eventsPerSecond: number;
  digest: string;
  /** Events per block height (from block_digest), for choosing baseline prefixes. */
  eventsByBlock: [number, number][];
  /** CPU seconds of the indexer's processes (supervisor and processor), sampled every 100 ms, in ms. */
  cpuMs: number;
  /** CPU of the Postgres backends serving the run's database while it indexed, ms. */
  dbCpuMs: number;
  /** From spawning the indexer to its exit (startup, migrations and the indexing itself), ms. */
  processWallMs: number;
}

export interface IndexOnceOptions {
  label: string;
  rpcUrl: string;
  deployment: Deployment;
  stopAt: number;
  /** Blocks below the head treated as final; above the head makes every block hot. */
  finality: number;
  env?: Record<string, string>;
  /** Another indexer entry module (bench/stores/variantMain.ts). */
  main?: string;
  /** Run the compiled indexer, as `npm start` does (buildIndexer() first); the default compiles through tsx. */
  compiled?: boolean;
  /** Runs on the index before its database is dropped (the Ponder comparison digests its tables). */
  inspect?: (databaseUrl: string) => Promise<void>;
}

/** Indexes [start, stopAt] into a fresh database with the real indexer process, then drops the database. */
export async function indexOnce(o: IndexOnceOptions): Promise<IndexRun> {
  const db = await createTestDatabase({ prefix: 'bench' });
  try {
    const ix = startIndexer({
      databaseUrl: db.url,
      rpcUrl: o.rpcUrl,
      deployment: o.deployment,
      finalityConfirmations: o.finality,
      stopAt: o.stopAt,
      main: o.main,
      compiled: o.compiled,
      env: { PROGRESS_INTERVAL_S: '3600', ...o.env },
    });
    const dbCpu = await databaseCpu(db.url);
    const t0 = performance.now();
    let peak = 0;
    const cpu = new CpuSampler();
    const timer = setInterval(() => {
      peak = Math.max(peak, peakRssMb(ix.process.pid));
      if (ix.process.pid) cpu.sample(ix.process.pid);
    }, 100);
    const code = await ix.exited;
    const processWallMs = performance.now() - t0;
    clearInterval(timer);
    const dbCpuMs = await dbCpu.stop();
    const line = ix
      .output()
      .split('\n')
      .find((l) => l.includes('"indexer summary"'));
    if (code !== 0 || !line)
      throw new Error(`${o.label}: indexer exited with ${code}\n${ix.output().slice(-3000)}`);
    const s = JSON.parse(line) as Omit<IndexRun, 'label' | 'peakRssMb' | 'eventsPerSecond' | 'digest'>;
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const digest = (await c.query(`SELECT digest FROM ${TABLE.indexerState}`)).rows[0]?.digest as string;
    const blocks = await c.query(`SELECT height, events FROM ${TABLE.blockDigest} ORDER BY height`);
    await c.end();
    await o.inspect?.(db.url);
    return {
      ...s,
      cpuMs: cpu.totalMs(),
      dbCpuMs,
      processWallMs,
      label: o.label,
      peakRssMb: peak,
      eventsPerSecond: s.events / (s.wallMs / 1000),
      digest,
      eventsByBlock: blocks.rows.map((r) => [Number(r.height), Number(r.events)]),
    };
  } finally {
    await db.drop();
  }
}

/** The first height at which the chain holds at least `events` protocol events. */
export function prefixHeight(eventsByBlock: [number, number][], events: number): number {
  let sum = 0;
  for (const [h, n] of eventsByBlock) {
    sum += n;
    if (sum >= events) return h;
  }
  return eventsByBlock.at(-1)?.[0] ?? 0;
}

/** The largest peak RSS of the process and its children (the indexer's supervisor runs the processor). */
function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    const own = m ? Number(m[1]) / 1024 : 0;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    return Math.max(own, ...children.map((c) => peakRssMb(Number(c))));
  } catch {
    return 0;
  }
}
