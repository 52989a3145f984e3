import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDeployment } from './src/chain/ensureDeployment.js';
import { startAnvil } from './src/chain/startAnvil.js';
import { runScenario } from './src/scenario/runScenario.js';
const t0 = Date.now();
const dir = await mkdtemp(join(tmpdir(), 'ae-sci-play-'));
const anvil = await startAnvil();
const { deployment } = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: join(dir, 'deployment.json') });
const c0 = process.cpuUsage();
const truth = await runScenario({
  rpcUrl: anvil.rpcUrl, deployment, scale: 'small', seed: 42, artifactsDir: join(dir, 'artifacts'), dataDir: dir,
  log: (l) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)}s cpu ${((process.cpuUsage(c0).user) / 1e6).toFixed(1)} ${l.slice(0, 160)}`),
});
console.log('done', (Date.now() - t0) / 1000, 'cpu', process.cpuUsage(c0).user / 1e6, JSON.stringify((truth as any).models?.map((m: any) => m.heldOutAccuracy)));
await anvil.stop();
