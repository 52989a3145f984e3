import type { ContractName } from '@ae/core';
import type { EventArgs, EventName } from '../processor/eventTable.js';
import type { BatchState, EventPosition } from './batchState.js';

export interface HandlerEnv {
  contracts: Record<ContractName, string>;
}

/**
 * How one event type changes the state. `prefetch` names the rows `apply` will read (loaded in bulk before
 * any event of the batch is applied). `apply` checks every row it refers to BEFORE changing anything and
 * returns a reason instead when one is missing, so a bad event is skipped whole, never half applied.
 */
export interface EventHandler<N extends EventName> {
  prefetch(st: BatchState, args: EventArgs<N>): void;
  apply(st: BatchState, pos: EventPosition, args: EventArgs<N>, env: HandlerEnv): Promise<string | undefined>;
}

export type HandlerMap = { [N in EventName]: EventHandler<N> };
export type PartialHandlers<K extends EventName> = { [N in K]: EventHandler<N> };

/** Decimal string id of a uint256. */
export const sid = (n: bigint): string => n.toString();
