import { once } from 'node:events';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Deployment, JsonRpc } from '@ae/core';
import { ensureDeployment, isScaleName, runScenario, type ScaleName, startAnvil } from '@ae/devnet';
import { loadAnvil } from './loadAnvil.js';

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
  // anvil rewrites its --state file (now and then, and on exit: SIGKILL mid-dump truncates it): it gets a copy
  const work = mkdtempSync(join(tmpdir(), 'ae-bench-chain-'));
  const copy = join(work, 'anvil-state.json');
  copyFileSync(statePath, copy, constants.COPYFILE_FICLONE);
  const anvil = await loadAnvil(copy);
  const deployment = JSON.parse(readFileSync(deploymentPath, 'utf8')) as Deployment;
  return {
    rpcUrl: anvil.rpcUrl,
    deployment,
    head: await blockNumber(anvil.rpcUrl),
    source,
    stop: async () => {
      await anvil.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

async function playScenario(scale: ScaleName, dir: string, statePath: string, deploymentPath: string) {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const partial = `${statePath}.partial`;
  rmSync(partial, { force: true });
  const anvil = await startAnvil({ statePath: partial });
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
    // anvil dumps its state on SIGTERM; a large chain takes longer than Anvil.stop's grace before SIGKILL
    const exited = anvil.process.exitCode === null ? once(anvil.process, 'exit') : undefined;
    anvil.process.kill('SIGTERM');
    await exited;
  }
  if (anvil.process.signalCode !== null || !endsWithBrace(partial))
    throw new Error(
      `anvil did not finish dumping ${partial} (${anvil.process.signalCode ?? 'no closing brace'})`,
    );
  renameSync(partial, statePath); // kept only once complete
}

async function blockNumber(rpcUrl: string): Promise<number> {
  return Number(await new JsonRpc(rpcUrl).call<string>('eth_blockNumber'));
}

/** A complete JSON dump ends with its closing brace (a truncated one does not). */
function endsWithBrace(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const b = Buffer.alloc(Math.min(size, 16));
    readSync(fd, b, 0, b.length, size - b.length);
    return b.toString().trimEnd().endsWith('}');
  } finally {
    closeSync(fd);
  }
}
