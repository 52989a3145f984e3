import type { Deployment } from '@ae/core';
import { UserError } from '@ae/core';
import { runScenario } from './runScenario.js';
import { isScaleName, type ScaleName } from './scales.js';

/** The scenario's options of `npm run devnet` (merged into the devnet CLI's parseArgs options). */
export const scenarioCliOptions = {
  scenario: { type: 'string' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  live: { type: 'boolean' },
  'manipulated-share': { type: 'string' },
} as const;

export const SCENARIO_USAGE = `  --scenario <name>   play a scenario after boot: "ecosystem" (the only one)
  --seed <n>          scenario seed (default 1): same seed, same event stream
  --scale <s>         small | medium | large (default small)
  --manipulated-share <x>  share of attributions posted manipulated (default 0.03)
  --live              keep producing activity every few seconds until Ctrl-C
`;

export interface ScenarioCliValues {
  scenario?: string;
  seed?: string;
  scale?: string;
  live?: boolean;
  'manipulated-share'?: string;
}

export interface ScenarioRequest {
  seed: number;
  scale: ScaleName;
  manipulatedShare: number;
  live: boolean;
}

/** Validates the scenario options before anything boots; undefined when no scenario was asked for. */
export function parseScenarioOptions(values: ScenarioCliValues): ScenarioRequest | undefined {
  if (values.scenario === undefined) {
    if (values.seed || values.scale || values.live || values['manipulated-share']) {
      throw new UserError('--seed, --scale, --live and --manipulated-share need --scenario ecosystem');
    }
    return undefined;
  }
  if (values.scenario !== 'ecosystem')
    throw new UserError(`unknown scenario "${values.scenario}" (known: ecosystem)`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new UserError(`--seed must be a non-negative integer, got "${values.seed}"`);
  const scale = values.scale ?? 'small';
  if (!isScaleName(scale))
    throw new UserError(`--scale must be small, medium or large, got "${values.scale}"`);
  const share = values['manipulated-share'] === undefined ? 0.03 : Number(values['manipulated-share']);
  if (!(share >= 0 && share <= 0.5)) {
    throw new UserError(`--manipulated-share must be in [0, 0.5], got "${values['manipulated-share']}"`);
  }
  return { seed, scale, manipulatedShare: share, live: values.live ?? false };
}

/** Plays the requested scenario on the booted devnet; with --live it returns when Ctrl-C stops the loop. */
export async function runScenarioFromCli(
  req: ScenarioRequest,
  ctx: {
    rpcUrl: string;
    deployment: Deployment;
    dataDir: string;
    artifactsDir: string;
    blockTime?: number;
    log: (l: string) => void;
  },
): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (req.live) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  try {
    await runScenario({
      rpcUrl: ctx.rpcUrl,
      deployment: ctx.deployment,
      scale: req.scale,
      seed: req.seed,
      manipulatedShare: req.manipulatedShare,
      artifactsDir: ctx.artifactsDir,
      dataDir: ctx.dataDir,
      blockTime: ctx.blockTime,
      log: ctx.log,
      live: req.live ? { signal: controller.signal } : undefined,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
