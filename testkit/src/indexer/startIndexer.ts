import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Deployment } from '@ae/core';
import { COLUMN, TABLE } from '@ae/core/tables';
import pg from 'pg';

export interface StartIndexerOptions {
  databaseUrl: string;
  rpcUrl: string;
  deployment: Deployment;
  finalityConfirmations?: number;
  /** Exit once this height is indexed. */
  stopAt?: number;
  /** Extra environment (RPC_REQUEST_TIMEOUT_MS, INDEXER_MODE...). */
  env?: Record<string, string>;
  /** Lines of the child's output (default: kept in `output` only). */
  log?: (line: string) => void;
  /** Another entry module than the indexer's main (the indexer benchmark's store variants). */
  main?: string;
  /**
   * Run the compiled JavaScript (`dist/`, built by `npm run build:ts`) as `npm start -w indexer` does, instead
   * of compiling the sources through tsx on every start (seconds of CPU that a benchmark would count).
   */
  compiled?: boolean;
}

export interface IndexerHandle {
  process: ChildProcess;
  /** Everything the child printed so far. */
  output(): string;
  /** Resolves once indexer_state.indexed_height >= height; rejects if the child exits first or on timeout. */
  waitForHeight(height: number, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code when the child exits. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
}

/** The indexer's entry point, found through its package (no path into its sources). */
const MAIN = createRequire(import.meta.url).resolve('@ae/indexer/main');
const INDEXER_DIR = dirname(dirname(MAIN));
/**
 * As `npm start -w indexer` runs it: a 64 MB young generation lets a batch's short-lived rows die young
 * instead of being promoted and swept by full collections (a fifth of the CPU of a large backfill).
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];
/** tsx compiles with the tsconfig of its cwd; the model needs the indexer's (legacy decorators). */
const TSCONFIG = join(INDEXER_DIR, 'tsconfig.json');
/** What `npm start -w indexer` runs: the build of the same entry point (its package's `ae-compiled` export). */
const COMPILED_MAIN = join(INDEXER_DIR, 'dist', 'src', 'main.js');

function entryArgs(o: StartIndexerOptions): string[] {
  if (!o.compiled) return [...NODE_FLAGS, '--import', 'tsx', o.main ?? MAIN];
  if (o.main) throw new Error("startIndexer: `compiled` runs the indexer's own main, not another entry");
  if (!existsSync(COMPILED_MAIN))
    throw new Error(`startIndexer: ${COMPILED_MAIN} is missing; run \`npm run build:ts\` first`);
  return [...NODE_FLAGS, '--conditions=ae-compiled', COMPILED_MAIN];
}

/**
 * Runs the indexer as a child process, as production does, so tests can SIGKILL it mid-sync and the API and
 * replay tests can index a chain before they start.
 */
export function startIndexer(o: StartIndexerOptions): IndexerHandle {
  const dir = mkdtempSync(join(tmpdir(), 'ae-indexer-'));
  const deploymentFile = join(dir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify({ ...o.deployment, rpcUrl: o.rpcUrl }));
  const child = spawn(process.execPath, entryArgs(o), {
    cwd: INDEXER_DIR,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: TSCONFIG,
      DATABASE_URL: o.databaseUrl,
      RPC_URL: o.rpcUrl,
      DEPLOYMENT_FILE: deploymentFile,
      FINALITY_CONFIRMATIONS: String(o.finalityConfirmations ?? 10),
      HEAD_POLL_INTERVAL_MS: '200',
      PROGRESS_INTERVAL_S: '2',
      ...(o.stopAt !== undefined ? { INDEXER_STOP_AT: String(o.stopAt) } : {}),
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const onData = (b: Buffer) => {
    const s = b.toString();
    out += s;
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
    if (o.log) for (const l of s.split('\n')) if (l.trim()) o.log(l);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    process: child,
    output: () => out,
    exited,
    kill: (signal = 'SIGKILL') => {
      child.kill(signal);
    },
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    },
    async waitForHeight(height, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      const c = new pg.Client({ connectionString: o.databaseUrl });
      await c.connect();
      try {
        while (Date.now() < deadline) {
          const r = await c
            .query<{ h: number }>(
              `SELECT indexed_height AS h FROM ${TABLE.indexerState} WHERE ${COLUMN.indexerState.id} = 'current'`,
            )
            .catch(() => ({ rows: [] as { h: number }[] }));
          if (r.rows[0] && r.rows[0].h >= height) return;
          if (done) throw new Error(`indexer exited before height ${height}:\n${out.slice(-4000)}`);
          await new Promise((res) => setTimeout(res, 100));
        }
        throw new Error(`indexer did not reach height ${height} in ${timeoutMs} ms:\n${out.slice(-4000)}`);
      } finally {
        await c.end();
      }
    },
  };
}
