import type { HashAndHeight, ProcessorState } from './processorState.js';

/** The processor's documented transaction infos (@subsquid/evm-processor's `Database` interface). */
export interface FinalTxInfo {
  prevHead: HashAndHeight;
  nextHead: HashAndHeight;
  isOnTop?: boolean;
}
export interface HotTxInfo {
  finalizedHead: HashAndHeight;
  baseHead: HashAndHeight;
  newBlocks: HashAndHeight[];
}

export interface IndexerDatabaseOptions {
  supportHotBlocks?: boolean;
  /**
   * The chain's hash at a height (undefined when the node has no such block or fails). When given, `connect`
   * rolls back unfinalized blocks the chain no longer has before the processor starts: a reorg that kept the
   * head's height is otherwise invisible to it until the next block.
   */
  chainHash?: (height: number) => Promise<string | undefined>;
  onRollback?: (info: { from: number; blocks: HashAndHeight[] }) => void;
  /** Called once connected, with the state the processor starts from (after any rollback). */
  onConnected?: (state: ProcessorState) => void;
}
