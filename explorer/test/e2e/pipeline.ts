import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { protocolArtifacts } from '@ae/contracts';
import {
  type Anvil,
  devnetChain,
  ensureDeployment,
  freePort,
  namedAccounts,
  runScenario,
  startAnvil,
} from '@ae/devnet';
import { createTestDatabase, type IndexerHandle, startIndexer, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { type Abi, type Address, createPublicClient, createWalletClient, http } from 'viem';

/** The hostile strings the E2E test expects to see rendered as plain text. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const JS_URI = 'javascript:alert(1)';

const API_DIR = fileURLToPath(new URL('../../../api', import.meta.url));
const EXPLORER_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface Pipeline {
  apiUrl: string;
  explorerUrl: string;
  databaseUrl: string;
  chainId: number;
  stop(): Promise<void>;
}

/**
 * The real pipeline the explorer reads: anvil with the protocol deployed, the small ecosystem scenario played
 * through the contracts (real models trained on real data, curated and open datanets, fine-tunes and adapters,
 * paid inferences, attributions honest and manipulated, disputes), one hostile datanet created after it, the
 * indexer synced into a fresh Postgres database, the API over it and the explorer's production build.
 */
export async function startPipeline(): Promise<Pipeline> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    const anvil: Anvil = await startAnvil({});
    stops.push(() => anvil.stop());
    const dir = mkdtempSync(join(tmpdir(), 'ae-explorer-e2e-'));
    stops.push(async () => rmSync(dir, { recursive: true, force: true }));
    const deploymentFile = join(dir, 'deployment.json');
    const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: deploymentFile });
    const truth = await runScenario({
      rpcUrl: anvil.rpcUrl,
      deployment: deployment as never,
      scale: 'small',
      seed: 7,
      artifactsDir: join(dir, 'artifacts'),
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
    await insertVerdictFixture(db.url);

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
    await waitForHttp(apiUrl, api, 90_000, { method: 'POST', body: '{"query":"{__typename}"}' });

    const explorerPort = await freePort();
    const explorer = spawnService(process.execPath, ['--import', 'tsx', 'src/main.ts'], EXPLORER_DIR, {
      API_URL: apiUrl,
      EXPLORER_PORT: String(explorerPort),
      EXPLORER_HOST: '127.0.0.1',
      EXPLORER_DEVNET_SIGNER: '1',
    });
    stops.push(() => killChild(explorer));
    const explorerUrl = `http://127.0.0.1:${explorerPort}`;
    await waitForHttp(`${explorerUrl}/datanets`, explorer, 240_000);
    return { apiUrl, explorerUrl, databaseUrl: db.url, chainId: anvil.chainId, stop };
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

/**
 * The replay worker writes verdicts; the chain cannot. One MISMATCH verdict for attribution 2 (with a
 * recomputed top-K that moves weight) gives the audit queue and the attribution chart something to show.
 */
async function insertVerdictFixture(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT a.id, a.method, s.contribution_id, s.weight_ppm FROM attribution a JOIN attribution_share s ON s.attribution_id = a.id
       WHERE a.id = '2' ORDER BY s.rank`,
    );
    if (rows.length === 0) return;
    const recomputed = rows.map((r, i) => ({
      contributionId: r.contribution_id,
      weightPpm: i === 0 ? r.weight_ppm + 50_000 : r.weight_ppm,
      score: '1',
    }));
    await c.query(
      `INSERT INTO attribution_verdict (id, attribution_id, method, verdict, max_deviation_ppm, over_credited, under_credited, recomputed, reason, replayed_at)
       VALUES ($1, '2', $2, 'MISMATCH', 50000, $3, $4, $5, 'fixture: first share under-credited', now())`,
      [`2:${rows[0].method}`, rows[0].method, [], [rows[0].contribution_id], JSON.stringify(recomputed)],
    );
  } finally {
    await c.end();
  }
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
