/**
 * The processor's state tables, created by the committed migration db/migrations/*-ProcessorState.cjs in
 * this schema (the name squid tooling and the API's squidStatus expect). One place for their names.
 */
export const STATE_SCHEMA = 'squid_processor';

const q = (s: string) => `"${STATE_SCHEMA}"."${s}"`;

export const STATE_TABLES = {
  /** One row (id 0): the finalized head and a nonce that detects a second writer. */
  status: q('status'),
  /** Unfinalized blocks above the finalized head, by height. */
  hotBlock: q('hot_block'),
  /** Per hot block, the prior state of every row it wrote (null: the row did not exist). */
  hotRowChange: q('hot_row_change'),
} as const;
