import { index, onchainTable } from 'ponder';
import type { PonderIndexes } from '../indexer/bench/ponderIndexes.js';
import { type ColumnType, PONDER_TABLES } from '../indexer/bench/ponderTables.js';

/** The indexer's secondary indexes on these tables, read from its migrations by the benchmark (ponderIndexes.ts). */
const INDEXES: PonderIndexes = JSON.parse(process.env.PONDER_BENCH_INDEXES ?? '{}');

type Builders = Parameters<Extract<Parameters<typeof onchainTable>[1], (...a: never[]) => unknown>>[0];

/**
 * The indexer's compared table as a Ponder table: same name, same columns (timestamps as epoch ms), same
 * secondary indexes (which Ponder builds once its backfill is done).
 */
function table<N extends (typeof PONDER_TABLES)[number]['name']>(name: N) {
  const spec = PONDER_TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no compared table ${name}`);
  return onchainTable(
    name,
    (t: Builders) => {
      const col = (type: ColumnType) =>
        type === 'text' ? t.text() : type === 'integer' ? t.integer() : t.bigint();
      return Object.fromEntries(
        Object.entries(spec.columns).map(([c, type]) => [c, c === 'id' ? t.text().primaryKey() : col(type)]),
      );
    },
    // biome-ignore lint/suspicious/noExplicitAny: the columns are built from the list above, not typed per table
    (self: any) =>
      Object.fromEntries(
        (INDEXES[name] ?? []).map((cols) => {
          const [first, ...rest] = cols.map((c) => self[c]);
          return [`${name}_${cols.join('_')}_idx`, index().on(first, ...rest)];
        }),
      ),
  );
}

export const model = table('model');
export const account = table('account');
export const contribution = table('contribution');
export const inference = table('inference');
export const fee_split = table('fee_split');
export const attribution = table('attribution');
export const attribution_share = table('attribution_share');
export const reward_accrual = table('reward_accrual');
