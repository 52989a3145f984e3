import {
  attributionRegistryAbi,
  computeRegistryAbi,
  datanetRegistryAbi,
  inferenceLedgerAbi,
  modelRegistryAbi,
  rewardDistributorAbi,
  stakingAbi,
} from '@ae/contracts';
import { type Abi, decodeEventLog } from 'viem';
import type { MinedTx, RawLog } from './runner/blockRunner.js';

export const PROTOCOL_ABIS: readonly Abi[] = [
  stakingAbi,
  rewardDistributorAbi,
  datanetRegistryAbi,
  modelRegistryAbi,
  computeRegistryAbi,
  inferenceLedgerAbi,
  attributionRegistryAbi,
] as Abi[];

const ALL = PROTOCOL_ABIS.flat() as Abi;

export interface DecodedLog {
  eventName: string;
  args: Record<string, unknown>;
  log: RawLog;
}

/** The protocol events of mined transactions, in chain order; logs no ABI knows are skipped. */
export function decodeMined(mined: readonly MinedTx[], eventName?: string): DecodedLog[] {
  const out: DecodedLog[] = [];
  for (const tx of mined) {
    for (const log of tx.logs) {
      try {
        const d = decodeEventLog({ abi: ALL, data: log.data, topics: log.topics as never, strict: true });
        if (!eventName || d.eventName === eventName)
          out.push({ eventName: String(d.eventName), args: d.args as never, log });
      } catch {
        // not a protocol event (e.g. AccessControl's RoleGranted is in the ABIs; others are not)
      }
    }
  }
  return out;
}

/** The ids an event assigns, in order (e.g. contributionId of ContributionSubmitted). */
export function idsOf(mined: readonly MinedTx[], eventName: string, field: string): bigint[] {
  return decodeMined(mined, eventName).map((d) => d.args[field] as bigint);
}
