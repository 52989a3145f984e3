import type { ContractName } from '@ae/core';
import { type Abi, decodeFunctionData } from 'viem';
import { protocolArtifacts } from '../artifacts.js';

export interface DecodedAction {
  /** Protocol contract name of the target, null for another address. */
  contract: ContractName | null;
  functionName: string | null;
  /** Arguments as JSON with integers as decimal strings; null when the calldata does not decode. */
  args: string | null;
}

/** JSON of decoded arguments: exact integers as decimal strings, structs as objects. */
export function argsJson(args: readonly unknown[]): string {
  return JSON.stringify(args, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Decodes one call of a proposal with the ABI of the protocol contract it targets. Calldata is chain input:
 * anything that does not decode (unknown target, unknown selector, truncated data) yields nulls, never a throw.
 */
export function decodeAction(
  contracts: Record<ContractName, string>,
  target: string,
  calldata: string,
): DecodedAction {
  const t = target.toLowerCase();
  const contract =
    (Object.keys(contracts) as ContractName[]).find((n) => contracts[n].toLowerCase() === t) ?? null;
  if (!contract) return { contract: null, functionName: null, args: null };
  try {
    const d = decodeFunctionData({
      abi: protocolArtifacts[contract].abi as Abi,
      data: calldata as `0x${string}`,
    });
    return { contract, functionName: d.functionName, args: argsJson(d.args ?? []) };
  } catch {
    return { contract, functionName: null, args: null };
  }
}
