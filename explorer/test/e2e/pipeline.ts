import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocolArtifacts } from '@ae/contracts';
import type { Deployment } from '@ae/core';
import { TABLE } from '@ae/core/tables';
import {
  type Anvil,
  devnetChain,
  devnetNameTags,
  ensureDeployment,
  freePort,
  namedAccounts,
  runScenario,
  scenarioGenesisTimestamp,
  startAnvil,
} from '@ae/devnet';
import {
  createTestDatabase,
  type IndexerHandle,
  postCopiedPosting,
  startIndexer,
  type TestDatabase,
} from '@ae/testkit';
import pg from 'pg';
import { type Abi, type Address, createPublicClient, createWalletClient, http } from 'viem';

/** The hostile strings the E2E test expects to see rendered as plain text. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const JS_URI = 'javascript:alert(1)';

const API_DIR = fileURLToPath(new URL('../../../api', import.meta.url));
const REPLAY_DIR = fileURLToPath(new URL('../../../attribution-replay', import.meta.url));
const REPLAY_BIN = join(REPLAY_DIR, 'bin', 'attribution-replay.js');
const EXPLORER_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface Pipeline {
  apiUrl: string;
  explorerUrl: string;
  databaseUrl: string;
  chainId: number;
  rpcUrl: string;
  /** The protocol's deployment on the pipeline's anvil (lowercase addresses, as in deployment.json). */
  deployment: Deployment;
  deploymentFile: string;
  /** A lie posted after the scenario (weight moved on a copy of an honest posting): MISMATCH, window open. */
  freshLie: { attributionId: string; inferenceId: string };
  stop(): Promise<void>;
}

/**
 * The real pipeline the explorer reads: anvil with the protocol deployed, the small ecosystem scenario played
 * through the contracts (real models trained on real data, curated and open datanets, fine-tunes and adapters,
 * paid inferences, attributions honest and manipulated, disputes), one hostile datanet and one fresh lie
 * (window open) created after it, the indexer synced into a fresh Postgres database, the replay worker (no
 * dispute key: a person escalates) and the devnet arbiter over it, the API and the explorer's production build
 * (with the devnet signer and its /rpc proxy).
 */
export async function startPipeline(): Promise<Pipeline> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const seed = 7;
    const anvil: Anvil = await startAnvil({ genesisTimestamp: scenarioGenesisTimestamp(seed) });
    stops.push(() => anvil.stop());
    const dir = mkdtempSync(join(tmpdir(), 'ae-explorer-e2e-'));
    stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    const deploymentFile = join(dir, 'deployment.json');
    const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: deploymentFile });
    const artifactsDir = join(dir, 'artifacts');
    const truth = await runScenario({
      rpcUrl: anvil.rpcUrl,
      deployment: deployment as never,
      scale: 'small',
      seed,
      artifactsDir,
      dataDir: dir,
    });
    const head = await createHostileDatanet(anvil.rpcUrl, deployment.contracts.DatanetRegistry as Address);
    if (head <= Number(truth.endBlock))
      throw new Error('the hostile datanet was not mined after the scenario');

    const db: TestDatabase = await createTestDatabase({ prefix: 'explorer_e2e' });
    stops.push(() => db.drop());
    const indexer: IndexerHandle = startIndexer({
      databaseUrl: db.url,
      rpcUrl: anvil.rpcUrl,
      deployment: deployment as never,
      finalityConfirmations: 0,
    });
    stops.push(() => indexer.stop());
    await indexer.waitForHeight(head, 180_000);
    const admin = new pg.Pool({ connectionString: db.url, max: 2 });
    stops.push(() => admin.end());
    const lieInference = await postCopiedPosting({
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      contracts: deployment.contracts,
      db: admin,
      from: truth.attributions.honest[0],
      kind: 'lie',
    });
    await indexer.waitForHeight(Number(await blockNumber(anvil.rpcUrl)), 120_000);
    const serviceEnv = {
      DATABASE_URL: db.url,
      ARTIFACTS_DIR: artifactsDir,
      DEPLOYMENT_FILE: deploymentFile,
      RPC_URL: anvil.rpcUrl,
      DATA_DIR: dir,
      PROGRESS_INTERVAL_S: '0',
      REPLAY_FEED_INTERVAL_MS: '300',
    };
    const replay = spawnService(process.execPath, [REPLAY_BIN, 'worker'], REPLAY_DIR, serviceEnv);
    stops.push(() => killChild(replay));
    const arbiter = spawnService(process.execPath, [REPLAY_BIN, 'arbiter'], REPLAY_DIR, serviceEnv);
    stops.push(() => killChild(arbiter));
    await waitForVerdicts(admin, replay, 300_000);
    const freshLie = (
      await admin.query(`SELECT id FROM ${TABLE.attribution} WHERE inference_id = $1`, [
        lieInference.toString(),
      ])
    ).rows[0].id as string;

    const apiPort = await freePort();
    const api = spawnService(process.execPath, ['--import', 'tsx', 'src/main.ts'], API_DIR, {
      DATABASE_URL: db.url,
      API_PORT: String(apiPort),
      RPC_URL: anvil.rpcUrl,
      CHAIN_ID: String(anvil.chainId),
      DEPLOYMENT_FILE: deploymentFile,
      DATA_DIR: dir,
    });
    stops.push(() => killChild(api));
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    // tsx compiles the API's sources at start: minutes on a loaded 2-core machine
    await waitForHttp(apiUrl, api, 300_000, { method: 'POST', body: '{"query":"{__typename}"}' });

    const tagsFile = join(dir, 'name-tags.json');
    writeFileSync(tagsFile, JSON.stringify(devnetNameTags()));
    const explorerPort = await freePort();
    const explorer = spawnService(process.execPath, ['--import', 'tsx', 'src/main.ts'], EXPLORER_DIR, {
      API_URL: apiUrl,
      EXPLORER_PORT: String(explorerPort),
      EXPLORER_HOST: '127.0.0.1',
      EXPLORER_DEVNET_SIGNER: '1',
      RPC_URL: anvil.rpcUrl,
      DEPLOYMENT_FILE: deploymentFile,
      EXPLORER_NAME_TAGS: tagsFile,
    });
    stops.push(() => killChild(explorer));
    const explorerUrl = `http://127.0.0.1:${explorerPort}`;
    await waitForHttp(`${explorerUrl}/datanets`, explorer, 600_000); // a first vite build on a loaded machine
    return {
      apiUrl,
      explorerUrl,
      databaseUrl: db.url,
      chainId: anvil.chainId,
      rpcUrl: anvil.rpcUrl,
      deployment: deployment as Deployment,
      deploymentFile,
      freshLie: { attributionId: freshLie, inferenceId: lieInference.toString() },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** A datanet whose name is markup and whose metadata URI is a script, as an attacker would create it. */
async function createHostileDatanet(rpcUrl: string, registry: Address): Promise<number> {
  const pub = createPublicClient({ transport: http(rpcUrl) });
  const chain = devnetChain(rpcUrl, await pub.getChainId());
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: namedAccounts().curators[0] });
  const hash = await wallet.writeContract({
    address: registry,
    abi: protocolArtifacts.DatanetRegistry.abi as Abi,
    functionName: 'createDatanet',
    args: [XSS_NAME, JS_URI, false, 0n],
  });
  const receipt = await pub.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error('createDatanet reverted');
  return Number(receipt.blockNumber);
}

/** Until the replay worker has a verdict for every indexed attribution (or the worker exits). */
async function waitForVerdicts(db: pg.Pool, worker: ChildProcess & { out: string[] }, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (worker.exitCode !== null)
      throw new Error(`the replay worker exited (${worker.exitCode}):\n${worker.out.join('').slice(-3000)}`);
    const r = await db.query(
      `SELECT count(*)::int AS n FROM ${TABLE.attribution} a WHERE to_regclass('attribution_verdict') IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${TABLE.attributionVerdict} v WHERE v.attribution_id = a.id)`,
    );
    if (r.rows[0].n === 0) return;
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(
    `the replay worker did not replay every attribution in time:\n${worker.out.join('').slice(-3000)}`,
  );
}

async function blockNumber(rpcUrl: string): Promise<bigint> {
  const pub = createPublicClient({ transport: http(rpcUrl) });
  return pub.getBlockNumber();
}

function spawnService(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): ChildProcess & { out: string[] } {
  const child = spawn(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { out: string[] };
  child.out = [];
  const keep = (b: Buffer) => {
    child.out.push(b.toString());
    if (child.out.length > 200) child.out.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

async function killChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null) return;
  const done = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  const t = setTimeout(() => c.kill('SIGKILL'), 5000);
  await done;
  clearTimeout(t);
}

async function waitForHttp(
  url: string,
  child: ChildProcess & { out: string[] },
  timeoutMs: number,
  init?: { method: string; body: string },
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null)
      throw new Error(`${url}: service exited (${child.exitCode}):\n${child.out.join('').slice(-3000)}`);
    try {
      const r = await fetch(
        url,
        init ? { ...init, headers: { 'content-type': 'application/json' } } : undefined,
      );
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.out.join('').slice(-3000)}`);
}

export const apiAvailable = () => existsSync(`${API_DIR}/src/main.ts`);
