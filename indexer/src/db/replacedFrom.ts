import { rollBackHotBlocks } from './hotChangeLog.js';
import type { IndexerStore } from './indexerStore.js';
import {
  type HashAndHeight,
  type ProcessorState,
  readProcessorState,
  writeFinalizedHead,
} from './processorState.js';

/**
 * The lowest unfinalized height whose block the chain replaced, checking from the top down and stopping at
 * the first block the chain still has, or at a height the node cannot answer for (no evidence is no
 * mismatch). Undefined when the top block is still on the chain.
 */
export async function replacedFrom(
  top: HashAndHeight[],
  chainHash: (height: number) => Promise<string | undefined>,
): Promise<number | undefined> {
  let from: number | undefined;
  for (let i = top.length - 1; i >= 0; i--) {
    const b = top[i];
    const h = await chainHash(b.height);
    if (h === undefined || h === b.hash.toLowerCase()) break;
    from = b.height;
  }
  return from;
}

/** Undoes the unfinalized blocks from `from` up (in the caller's transaction) and answers the new state. */
export async function rollBackReplaced(store: IndexerStore, from: number): Promise<ProcessorState> {
  const s = await readProcessorState(store);
  await rollBackHotBlocks(store, from);
  // Bumps the nonce: a processor that read the state before this rollback fails instead of writing over it.
  await writeFinalizedHead(store, s.nonce, s);
  return { ...s, nonce: s.nonce + 1, top: s.top.filter((b) => b.height < from) };
}
