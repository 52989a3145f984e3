import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Anvil,
  type Deployment,
  ensureDeployment,
  runScenario,
  type ScenarioTruth,
  startAnvil,
} from '@ae/devnet';
import pg from 'pg';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** One chain, one scenario, one indexed database: shared by every test of a file (built once per file). */
export interface Harness {
  dir: string;
  artifactsDir: string;
  deploymentFile: string;
  anvil: Anvil;
  deployment: Deployment;
  truth: ScenarioTruth;
  db: TestDatabase;
  /** Runs the indexer (as its own process, as in production) up to the chain's current head. */
  index(): Promise<void>;
  close(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh empty database on DATABASE_URL's server; the indexer process applies its migrations on start.
 * (Not @ae/indexer's createTestDatabase: importing the indexer's TypeORM model outside vitest needs its
 * decorator settings, and the bench runs under plain tsx.)
 */
async function emptyDatabase(prefix: string): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function startHarness(opts: {
  scale?: 'small' | 'medium';
  seed?: number;
  prefix: string;
}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'ae-replay-'));
  const artifactsDir = join(dir, 'artifacts');
  const deploymentFile = join(dir, 'deployment.json');
  const anvil = await startAnvil();
  const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: deploymentFile });
  const truth = await runScenario({
    rpcUrl: anvil.rpcUrl,
    deployment: deployment as never,
    scale: opts.scale ?? 'small',
    seed: opts.seed ?? 1,
    artifactsDir,
    dataDir: dir,
  });
  const db = await emptyDatabase(opts.prefix);
  const h: Harness = {
    dir,
    artifactsDir,
    deploymentFile,
    anvil,
    deployment,
    truth,
    db,
    async index() {
      const head = await fetch(anvil.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
      }).then((r) => r.json() as Promise<{ result: string }>);
      await runIndexer(db.url, anvil.rpcUrl, deploymentFile, Number(BigInt(head.result)));
    },
    async close() {
      await db.drop().catch(() => {});
      await anvil.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await h.index();
  return h;
}

function runIndexer(
  databaseUrl: string,
  rpcUrl: string,
  deploymentFile: string,
  stopAt: number,
): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(ROOT, 'indexer'),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        RPC_URL: rpcUrl,
        DEPLOYMENT_FILE: deploymentFile,
        INDEXER_STOP_AT: String(stopAt),
        FINALITY_CONFIRMATIONS: '0',
        PROGRESS_INTERVAL_S: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d.toString()).slice(-4000);
    });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`indexer exited with ${code}: ${err}`))));
  });
}
