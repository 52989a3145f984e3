import { onchainTable } from 'ponder';
import { type ColumnType, PONDER_TABLES } from '../indexer/bench/ponderTables.js';

type Builders = Parameters<Extract<Parameters<typeof onchainTable>[1], (...a: never[]) => unknown>>[0];

/** The indexer's compared table as a Ponder table: same name, same columns (timestamps as epoch ms). */
function table<N extends (typeof PONDER_TABLES)[number]['name']>(name: N) {
  const spec = PONDER_TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`no compared table ${name}`);
  return onchainTable(name, (t: Builders) => {
    const col = (type: ColumnType) =>
      type === 'text' ? t.text() : type === 'integer' ? t.integer() : t.bigint();
    return Object.fromEntries(
      Object.entries(spec.columns).map(([c, type]) => [c, c === 'id' ? t.text().primaryKey() : col(type)]),
    );
  });
}

export const model = table('model');
export const account = table('account');
export const contribution = table('contribution');
export const inference = table('inference');
export const fee_split = table('fee_split');
export const attribution = table('attribution');
export const attribution_share = table('attribution_share');
export const reward_accrual = table('reward_accrual');
