import type { ProtocolParams } from '@ae/contracts';
import {
  listNamedAccounts,
  NAMED_ACCOUNT_BALANCE,
  type NamedAccounts,
  namedAccounts,
} from '@ae/contracts/devnet';
import type { Deployment } from '@ae/core';
import { ensureDeployment } from './ensureDeployment.js';
import { fundAddresses } from './fundAddresses.js';
import { type Anvil, rpcAnswers, startAnvil } from './startAnvil.js';

export interface StartDevnetOptions {
  /** Use this chain instead of starting anvil. */
  rpcUrl?: string;
  port: number;
  host?: string;
  blockTime?: number;
  /** anvil --state file: the chain survives restarts (deployment reused). */
  statePath?: string;
  /** Genesis timestamp of a chain this call starts (see AnvilOptions.genesisTimestamp). */
  genesisTimestamp?: number;
  deploymentPath: string;
  params?: Partial<ProtocolParams>;
  log?: (line: string) => void;
}

export interface Devnet {
  rpcUrl: string;
  deployment: Deployment;
  /** The deployment on file was already on the chain. */
  reused: boolean;
  /** Undefined when we attached to a chain someone else runs. */
  anvil: Anvil | undefined;
  accounts: NamedAccounts;
  stop(): Promise<void>;
}

/**
 * A chain with the protocol on it: starts anvil unless one already answers (or rpcUrl names another
 * chain), funds the named accounts where the node allows it, and deploys unless deployment.json's
 * deployment is already there. `npm run devnet` and `npm start` both go through here.
 */
export async function startDevnet(opts: StartDevnetOptions): Promise<Devnet> {
  const host = opts.host ?? '127.0.0.1';
  let rpcUrl = opts.rpcUrl ?? `http://${host}:${opts.port}`;
  let anvil: Anvil | undefined;
  if (opts.rpcUrl || (await rpcAnswers(rpcUrl))) {
    opts.log?.(`using the chain already answering at ${rpcUrl}`);
  } else {
    anvil = await startAnvil({
      port: opts.port,
      host,
      blockTime: opts.blockTime,
      statePath: opts.statePath,
      genesisTimestamp: opts.genesisTimestamp,
    });
    rpcUrl = anvil.rpcUrl;
    opts.log?.(
      `anvil started at ${rpcUrl} (chain id ${anvil.chainId}, ${opts.blockTime ? `${opts.blockTime} s blocks` : 'instant mining'})`,
    );
  }
  try {
    const accounts = namedAccounts();
    const funded = await fundAddresses(
      rpcUrl,
      listNamedAccounts(accounts).map((a) => a.address),
      NAMED_ACCOUNT_BALANCE,
    );
    if (!funded) opts.log?.('not an anvil node: named accounts were not funded');
    const { deployment, reused } = await ensureDeployment({
      rpcUrl,
      deploymentPath: opts.deploymentPath,
      params: opts.params,
    });
    return { rpcUrl, deployment, reused, anvil, accounts, stop: async () => anvil?.stop() };
  } catch (e) {
    await anvil?.stop();
    throw e;
  }
}
