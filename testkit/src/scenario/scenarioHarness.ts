import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateReplay } from '@ae/attribution-replay/migrations';
import { type Deployment, JsonRpc } from '@ae/core';
import {
  type Anvil,
  ensureDeployment,
  runScenario,
  type ScenarioTruth,
  scenarioGenesisTimestamp,
  startAnvil,
} from '@ae/devnet';
import { createTestDatabase, type TestDatabase } from '../db/createTestDatabase.js';
import { startIndexer } from '../indexer/startIndexer.js';

/** One chain, one scenario, one indexed database: shared by every test of a file (built once per file). */
export interface ScenarioHarness {
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

/**
 * Plays a scenario on a new anvil and indexes it into a new database, the way production runs: the indexer
 * is a child process that applies its own migrations (the database starts with the replay worker's tables only).
 */
export async function startScenarioHarness(opts: {
  scale?: 'small' | 'medium';
  seed?: number;
  prefix: string;
}): Promise<ScenarioHarness> {
  const dir = await mkdtemp(join(tmpdir(), `ae-${opts.prefix}-`));
  const artifactsDir = join(dir, 'artifacts');
  const deploymentFile = join(dir, 'deployment.json');
  const seed = opts.seed ?? 1;
  const anvil = await startAnvil({ genesisTimestamp: scenarioGenesisTimestamp(seed) });
  const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: deploymentFile });
  const truth = await runScenario({
    rpcUrl: anvil.rpcUrl,
    deployment: deployment as never,
    scale: opts.scale ?? 'small',
    seed,
    artifactsDir,
    dataDir: dir,
  });
  const db = await createTestDatabase({ prefix: opts.prefix, migrate: false });
  // the replay worker's tables (verdicts), as a running worker would have made them; the indexer makes its own
  await migrateReplay(db.url);
  const h: ScenarioHarness = {
    dir,
    artifactsDir,
    deploymentFile,
    anvil,
    deployment,
    truth,
    db,
    async index() {
      const head = Number(BigInt(await new JsonRpc(anvil.rpcUrl).call<string>('eth_blockNumber')));
      const ix = startIndexer({
        databaseUrl: db.url,
        rpcUrl: anvil.rpcUrl,
        deployment,
        finalityConfirmations: 0,
        stopAt: head,
        env: { PROGRESS_INTERVAL_S: '0' },
      });
      const code = await ix.exited;
      if (code !== 0) throw new Error(`indexer exited with ${code}:\n${ix.output().slice(-4000)}`);
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
