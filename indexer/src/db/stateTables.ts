import { SCHEMA, TABLE } from '@ae/core/tables';

/**
 * The processor's state tables, created by the committed migration db/migrations/*-ProcessorState.cjs in one
 * fixed schema (the name squid tooling and the API's squidStatus expect; not configurable).
 */
export const STATE_SCHEMA = SCHEMA.squidProcessor;

export const STATE_TABLES = {
  /** One row (id 0): the finalized head and a nonce that detects a second writer. */
  status: TABLE.squidProcessorStatus,
  /** Unfinalized blocks above the finalized head, by height. */
  hotBlock: TABLE.squidProcessorHotBlock,
  /** Per hot block, the prior state of every row it wrote (null: the row did not exist). */
  hotRowChange: TABLE.squidProcessorHotRowChange,
  /** Secondary indexes dropped for a backfill and built at the head (deferredIndexes.ts). */
  deferredIndex: TABLE.squidProcessorDeferredIndex,
} as const;
