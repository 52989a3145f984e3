import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Env } from '../env/envVar.js';
import { UserError } from '../errors/BaseError.js';
import { resolveDataDir, resolvePath } from '../paths/dataDir.js';
import { CONTRACT_NAMES, type ContractName } from './contractNames.js';
import { deploymentVars } from './deploymentVars.js';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 20-byte 0x address');

/** `deployment.json`: what every service needs to find the protocol on a chain. */
export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  rpcUrl: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), 'must be an http(s) URL')
    .optional(),
  startBlock: z.number().int().nonnegative(),
  contracts: z.object(
    Object.fromEntries(CONTRACT_NAMES.map((n) => [n, address])) as Record<ContractName, typeof address>,
  ),
});

export type Deployment = {
  chainId: number;
  rpcUrl?: string;
  startBlock: number;
  contracts: Record<ContractName, `0x${string}`>;
};

/**
 * Validates a deployment, naming the first field that is wrong and where it came from. Addresses come back
 * lowercase, the form the index stores and compares.
 */
export function parseDeployment(raw: unknown, source = 'deployment'): Deployment {
  const r = deploymentSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UserError(`invalid ${source}: ${issue.path.join('.') || 'file'} ${issue.message}`, {
      details: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  const contracts = Object.fromEntries(
    Object.entries(r.data.contracts).map(([n, a]) => [n, a.toLowerCase()]),
  );
  return { ...r.data, contracts } as Deployment;
}

/** Reads and validates a deployment file; undefined when there is none. */
export function readDeployment(path: string): Deployment | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read deployment file ${path}`, { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new UserError(`invalid deployment file ${path}: not JSON`, { cause });
  }
  return parseDeployment(raw, `deployment file ${path}`);
}

/** Writes the file atomically, so a reader never sees half of it. */
export function writeDeployment(path: string, deployment: Deployment): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(deployment, null, 2)}\n`);
  renameSync(tmp, path);
}

/** Staking -> CONTRACT_STAKING, RewardDistributor -> CONTRACT_REWARD_DISTRIBUTOR. */
export function contractEnvName(name: ContractName): string {
  return `CONTRACT_${name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Where the deployment file is: DEPLOYMENT_FILE, else $DATA_DIR/deployment.json. */
export function deploymentPath(env: Env = process.env): string {
  return resolvePath(env.DEPLOYMENT_FILE, join(resolveDataDir(env), 'deployment.json'), env);
}

/**
 * The deployment every service runs against: the file, with CHAIN_ID, START_BLOCK and CONTRACT_<NAME>
 * overriding it, so the same build serves a devnet or any other chain. Without a file, the variables alone
 * must name every contract and the chain id; `undefined` then means "no deployment known" (the caller says
 * whether that is fatal).
 */
export function loadDeployment(env: Env = process.env): Deployment | undefined {
  const path = deploymentPath(env);
  const file = readDeployment(path);
  const contracts = Object.fromEntries(
    CONTRACT_NAMES.map((n) => [n, env[contractEnvName(n)] || file?.contracts[n]]),
  );
  const fromEnv = CONTRACT_NAMES.every((n) => env[contractEnvName(n)]) && env.CHAIN_ID;
  if (!file && !fromEnv) return undefined;
  const int = (name: 'CHAIN_ID' | 'START_BLOCK', fallback: number | undefined) => {
    try {
      return deploymentVars[name].parse(env[name], env) ?? fallback;
    } catch (e) {
      throw new UserError(`${name} ${(e as Error).message}`);
    }
  };
  return parseDeployment(
    {
      chainId: int('CHAIN_ID', file?.chainId),
      rpcUrl: file?.rpcUrl,
      startBlock: int('START_BLOCK', file?.startBlock ?? 0),
      contracts,
    },
    file ? `deployment file ${path} (with CONTRACT_*/CHAIN_ID/START_BLOCK overrides)` : 'CONTRACT_*/CHAIN_ID',
  );
}

/** loadDeployment, or a UserError that says how to get one. */
export function requireDeployment(env: Env = process.env): Deployment {
  const d = loadDeployment(env);
  if (d) return d;
  throw new UserError(`deployment file ${deploymentPath(env)} not found`, {
    details:
      'start the devnet (npm run devnet) or set DEPLOYMENT_FILE, or CHAIN_ID and CONTRACT_<NAME> for every contract',
  });
}
