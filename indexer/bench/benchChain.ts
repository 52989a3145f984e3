import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Deployment, JsonRpc } from '@ae/core';
import {
  type Anvil,
  ensureDeployment,
  isScaleName,
  runScenario,
  type ScaleName,
  startAnvil,
} from '@ae/devnet';

export interface BenchChain {
  rpcUrl: string;
  deployment: Deployment;
  head: number;
  /** How the chain was obtained, for the report. */
  source: string;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The chain the benchmark indexes: the ecosystem scenario at BENCH_SCALE (default large), played once and kept
 * in `.data/bench/<scale>/` (anvil's state and the deployment), so that later runs load it in seconds instead
 * of replaying half a million transactions. BENCH_RPC_URL with BENCH_DEPLOYMENT_FILE indexes a chain that is
 * already running instead (the devnet of `npm run devnet -- --scenario ecosystem --scale large`).
 */
export async function benchChain(env = process.env): Promise<BenchChain> {
  if (env.BENCH_RPC_URL) {
    if (!env.BENCH_DEPLOYMENT_FILE) throw new Error('BENCH_RPC_URL needs BENCH_DEPLOYMENT_FILE');
    const deployment = JSON.parse(readFileSync(env.BENCH_DEPLOYMENT_FILE, 'utf8')) as Deployment;
    return {
      rpcUrl: env.BENCH_RPC_URL,
      deployment,
      head: await blockNumber(env.BENCH_RPC_URL),
      source: `running chain ${env.BENCH_RPC_URL}`,
      stop: async () => {},
    };
  }
  const scale = env.BENCH_SCALE ?? 'large';
  if (!isScaleName(scale)) throw new Error(`BENCH_SCALE must be small, medium or large, got "${scale}"`);
  const dir = join(ROOT, '.data', 'bench', scale);
  const statePath = join(dir, 'anvil-state.json');
  const deploymentPath = join(dir, 'deployment.json');
  let source = `scenario ${scale} (seed 1) loaded from ${dir}`;
  if (!existsSync(statePath) || !existsSync(deploymentPath)) {
    source = `scenario ${scale} (seed 1), played now and kept in ${dir}`;
    await playScenario(scale, dir, statePath, deploymentPath);
  }
  const anvil: Anvil = await startAnvil({ statePath });
  const deployment = JSON.parse(readFileSync(deploymentPath, 'utf8')) as Deployment;
  return {
    rpcUrl: anvil.rpcUrl,
    deployment,
    head: await blockNumber(anvil.rpcUrl),
    source,
    stop: () => anvil.stop(),
  };
}

async function playScenario(scale: ScaleName, dir: string, statePath: string, deploymentPath: string) {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const anvil = await startAnvil({ statePath });
  try {
    const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath });
    const truth = await runScenario({
      rpcUrl: anvil.rpcUrl,
      deployment: deployment as never,
      scale,
      seed: 1,
      artifactsDir: join(dir, 'artifacts'),
      dataDir: dir,
    });
    console.log(
      `played scenario ${scale}: ${truth.timing.events} events up to block ${truth.endBlock} in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  } finally {
    await anvil.stop(); // dumps the state to statePath
  }
}

async function blockNumber(rpcUrl: string): Promise<number> {
  return Number(await new JsonRpc(rpcUrl).call<string>('eth_blockNumber'));
}
