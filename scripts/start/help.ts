import { START_ENV } from './config.js';
import { serviceEnvVars } from './serviceEnv.js';

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
    ...START_ENV.map((v) => `  ${v.name.padEnd(18)} ${v.meaning} (default ${v.default})`),
    '',
    'Passed through to the services (see the README for defaults and meanings):',
  ];
  for (const { service, vars } of serviceEnvVars())
    lines.push(...wrap(`  ${`${service}:`.padEnd(15)}`, vars));
  return `${lines.join('\n')}\n`;
}

function wrap(head: string, words: string[]): string[] {
  const out: string[] = [];
  let line = head;
  for (const w of words) {
    if (line.length + w.length + 1 > 100 && line.trim() !== head.trim()) {
      out.push(line.trimEnd());
      line = ' '.repeat(head.length);
    }
    line += `${w} `;
  }
  out.push(line.trimEnd());
  return out;
}
