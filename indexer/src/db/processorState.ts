import { UserError } from '@ae/core';
import type { IndexerStore } from './indexerStore.js';
import { STATE_TABLES } from './stateTables.js';

export interface HashAndHeight {
  height: number;
  hash: string;
}

/** The processor's position: the finalized head, the unfinalized blocks above it, and the status nonce. */
export interface ProcessorState extends HashAndHeight {
  top: HashAndHeight[];
  nonce: number;
}

export const RACE_MSG =
  'the processor state was changed by another process: make sure one indexer runs per database';

/**
 * Reads the state inside the caller's transaction. Before the first batch the status row does not exist and
 * is created (the tables themselves come from the migrations: a database without them is refused).
 */
export async function readProcessorState(store: IndexerStore): Promise<ProcessorState> {
  let status: { height: number; hash: string; nonce: number }[];
  try {
    status = await store.query(`SELECT height, hash, nonce FROM ${STATE_TABLES.status} WHERE id = 0`);
  } catch (e) {
    if ((e as { code?: string }).code !== '42P01') throw e;
    throw new UserError(`the indexer's state tables ${STATE_TABLES.status} do not exist`, {
      details: 'apply the migrations first (npm run migrate -w indexer): they create them',
      cause: e,
    });
  }
  if (status.length === 0) {
    await store.query(`INSERT INTO ${STATE_TABLES.status} (id, height, hash, nonce) VALUES (0, -1, '0x', 0)`);
    status = [{ height: -1, hash: '0x', nonce: 0 }];
  }
  const top = await store.query<HashAndHeight>(
    `SELECT height, hash FROM ${STATE_TABLES.hotBlock} ORDER BY height`,
  );
  const s = status[0];
  const state = { height: Number(s.height), hash: s.hash, nonce: Number(s.nonce), top };
  assertContinuous(state, top);
  return state;
}

/** Moves the finalized head; fails when another writer moved it since `nonce` was read. */
export async function writeFinalizedHead(
  store: IndexerStore,
  nonce: number,
  head: HashAndHeight,
): Promise<void> {
  const rows = await store.query<{ id: number }>(
    `UPDATE ${STATE_TABLES.status} SET height = $1, hash = $2, nonce = nonce + 1 WHERE id = 0 AND nonce = $3
     RETURNING id`,
    [head.height, head.hash, nonce],
  );
  // An UPDATE ... RETURNING answers [rows, count] through TypeORM.
  const changed = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
  if (changed !== 1) throw new Error(RACE_MSG);
}

export async function insertHotBlock(store: IndexerStore, block: HashAndHeight): Promise<void> {
  await store.query(`INSERT INTO ${STATE_TABLES.hotBlock} (height, hash) VALUES ($1, $2)`, [
    block.height,
    block.hash,
  ]);
}

/** Forgets hot blocks that became final (their change logs go with them). */
export async function deleteFinalHotBlocks(store: IndexerStore, finalizedHeight: number): Promise<void> {
  await store.query(`DELETE FROM ${STATE_TABLES.hotBlock} WHERE height <= $1`, [finalizedHeight]);
}

export function assertContinuous(base: HashAndHeight, chain: HashAndHeight[]): void {
  let prev = base;
  for (const b of chain) {
    if (b.height !== prev.height + 1)
      throw new Error(`blocks must form a continuous chain: ${prev.height} -> ${b.height}`);
    prev = b;
  }
}
