/**
 * `npm run devnet`: a local OpenLedger-style chain with the protocol deployed, up until Ctrl-C.
 *
 *   npm run devnet -- [--port 8545] [--block-time 2] [--persist | --state <file>] [--rpc-url <url>]
 *
 * Options override the environment (RPC_PORT, RPC_HOST, BLOCK_TIME, RPC_URL, DATA_DIR, DEPLOYMENT_FILE).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listNamedAccounts } from '@ae/contracts/devnet';
import { BaseError, CONTRACT_NAMES } from '@ae/core';
import { type Devnet, startDevnet } from './chain/startDevnet.js';
import { loadConfig } from './config.js';
import {
  parseScenarioOptions,
  runScenarioFromCli,
  SCENARIO_USAGE,
  scenarioCliOptions,
} from './scenario/cli.js';
import { scenarioGenesisTimestamp } from './scenario/seedClock.js';

/** The CLI's options; the scenario adds its own here (--scenario, --seed, --scale, --live). */
export const cliOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  'block-time': { type: 'string' },
  'rpc-url': { type: 'string' },
  state: { type: 'string' },
  persist: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...scenarioCliOptions,
} as const;

const USAGE = `Usage: npm run devnet -- [options]
  --port <n>          anvil port (RPC_PORT, default 8545)
  --host <ip>         anvil interface (RPC_HOST, default 127.0.0.1)
  --block-time <s>    seconds per block (BLOCK_TIME); default: mine each transaction at once
  --persist           keep the chain in <DATA_DIR>/anvil-state.json across restarts
  --state <file>      keep the chain in this file across restarts
  --rpc-url <url>     use this chain instead of starting anvil (RPC_URL)
${SCENARIO_USAGE}`;

export function parseCli(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: cliOptions, strict: true, allowPositionals: false });
  const config = loadConfig({
    ...process.env,
    ...(values.port !== undefined && { RPC_PORT: values.port }),
    ...(values.host !== undefined && { RPC_HOST: values.host }),
    ...(values['block-time'] !== undefined && { BLOCK_TIME: values['block-time'] }),
    ...(values['rpc-url'] !== undefined && { RPC_URL: values['rpc-url'] }),
  });
  const statePath = values.state ?? (values.persist ? join(config.dataDir, 'anvil-state.json') : undefined);
  return { values, config, statePath };
}

export function describeDevnet(d: Devnet): string {
  const lines = [
    `chain ${d.deployment.chainId} at ${d.rpcUrl}, protocol ${d.reused ? 'reused from' : 'deployed at'} block ${d.deployment.startBlock}`,
    ...CONTRACT_NAMES.map((n) => `  ${n.padEnd(20)} ${d.deployment.contracts[n]}`),
    'named accounts (anvil mnemonic "test test … junk"):',
    ...listNamedAccounts(d.accounts).map((a) => `  ${a.label.padEnd(16)} ${a.address}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values, config, statePath } = parseCli(process.argv.slice(2));
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const scenario = parseScenarioOptions(values);
  const devnet = await startDevnet({
    rpcUrl: config.rpcUrl,
    port: config.rpcPort,
    host: config.rpcHost,
    blockTime: config.blockTime,
    statePath,
    // a chain made for a scenario is born on its clock (its deployment then dates from the scenario's day)
    genesisTimestamp: scenario ? scenarioGenesisTimestamp(scenario.seed) : undefined,
    deploymentPath: config.deploymentFile,
    log: (l) => console.log(l),
  });
  console.log(describeDevnet(devnet));
  console.log(`deployment written to ${config.deploymentFile}`);
  if (scenario) {
    try {
      await runScenarioFromCli(scenario, {
        rpcUrl: devnet.rpcUrl,
        deployment: devnet.deployment,
        dataDir: config.dataDir,
        artifactsDir: config.artifactsDir,
        blockTime: config.blockTime,
        log: (l) => console.log(l),
      });
    } catch (e) {
      await devnet.stop();
      throw e;
    }
    if (scenario.live) {
      await devnet.stop(); // Ctrl-C ended the live loop: stop the chain too
      return;
    }
  }
  if (!devnet.anvil) return; // someone else's chain: nothing of ours to keep running
  console.log(`devnet is up${statePath ? ` (state kept in ${statePath})` : ''}; press Ctrl-C to stop it.`);
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    await devnet.stop();
    console.log('devnet stopped');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Ctrl-C in a terminal reaches anvil too (same process group): that is a normal stop, not a crash.
  devnet.anvil.process.once('exit', (code, signal) => {
    if (stopping) return;
    const normal = code === 0 || signal === 'SIGINT' || signal === 'SIGTERM';
    console[normal ? 'log' : 'error'](`anvil exited (${signal ?? `code ${code}`})`);
    process.exit(normal ? 0 : 1);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof BaseError ? e.message : e);
    process.exit(1);
  });
}
