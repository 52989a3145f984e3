import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CONTRACT_NAMES, type ContractName, UserError } from '@ae/contracts';
import { type Address, isAddress } from 'viem';

/** `.data/deployment.json`: what every service needs to find the protocol on a chain. */
export interface Deployment {
  chainId: number;
  rpcUrl: string;
  startBlock: number;
  contracts: Record<ContractName, Address>;
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
  return parseDeployment(text, path);
}

export function parseDeployment(text: string, source = 'deployment'): Deployment {
  const fail = (why: string): never => {
    throw new UserError(`invalid ${source}: ${why}`);
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new UserError(`invalid ${source}: not JSON`, { cause });
  }
  const d = raw as Partial<Deployment> | null;
  if (!d || typeof d !== 'object') return fail('not an object');
  if (!Number.isSafeInteger(d.chainId) || (d.chainId as number) <= 0)
    fail('chainId must be a positive integer');
  if (typeof d.rpcUrl !== 'string' || !/^https?:\/\//.test(d.rpcUrl)) fail('rpcUrl must be an http(s) URL');
  if (!Number.isSafeInteger(d.startBlock) || (d.startBlock as number) < 0)
    fail('startBlock must be a block number');
  if (!d.contracts || typeof d.contracts !== 'object') return fail('contracts missing');
  for (const name of CONTRACT_NAMES) {
    const a = (d.contracts as Record<string, unknown>)[name];
    if (typeof a !== 'string' || !isAddress(a)) fail(`contracts.${name} must be an address`);
  }
  return d as Deployment;
}

/** Writes the file atomically, so a reader never sees half of it. */
export function writeDeployment(path: string, deployment: Deployment): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(deployment, null, 2)}\n`);
  renameSync(tmp, path);
}
