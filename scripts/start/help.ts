import { apiEnv } from '@ae/api/config';
import { replayEnv } from '@ae/attribution-replay/config';
import { devnetEnv } from '@ae/devnet/config';
import { explorerEnv } from '@ae/explorer/config';
import { indexerEnv } from '@ae/indexer/config';
import { startEnv } from './config.js';

/** The services the launcher runs, by their environment schemas: every variable they read passes through. */
export const SERVICE_ENVS = [devnetEnv, indexerEnv, apiEnv, replayEnv, explorerEnv] as const;

/** `npm start -- --help`: the options, the launcher's variables, and every variable each service reads. */
export function helpText(): string {
  const lines = [
    'Usage: npm start [-- options]',
    '',
    'Starts everything on one machine: Postgres (embedded unless DATABASE_URL), a devnet playing the',
    'ecosystem scenario (unless RPC_URL), the indexer, the GraphQL API, a replay worker and the explorer,',
    'and prints their URLs once they answer. Ctrl-C stops it all; the next start resumes from DATA_DIR.',
    '',
    'Options:',
    '  --seed <n>        scenario seed (SCENARIO_SEED, default 1)',
    '  --scale <s>       scenario scale: small | medium | large (SCENARIO_SCALE, default small)',
    '  --no-live         play the scenario once, then keep the chain still (SCENARIO_LIVE=false)',
    '  --no-replay       do not run a replay worker (START_REPLAY=false)',
    '  --no-explorer     do not run the explorer (START_EXPLORER=false)',
    '  -h, --help        this text',
    '',
    'Environment of the launcher:',
    ...startEnv.help(),
  ];
  for (const schema of SERVICE_ENVS) {
    lines.push('', `Passed through to the ${schema.service}:`, ...schema.help());
  }
  return `${lines.join('\n')}\n`;
}
