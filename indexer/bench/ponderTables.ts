/**
 * The tables the Ponder comparison compares (bench/ponderCompare.ts): the Ponder 0.16 app in `bench-ponder/`
 * builds its `onchainTable`s from this list, so both sides have the same tables and columns by construction.
 * Names are the indexer's table and column names. `timestamp` columns are `timestamptz` in the indexer and
 * milliseconds since the epoch (numeric) in the Ponder app; `ourWhere` narrows the indexer's rows to those the
 * Ponder handlers create (the indexer's account table also holds stakers, curators, posters...).
 */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'timestamp';

export interface ComparedTable {
  name: string;
  columns: Record<string, ColumnType>;
  ourWhere?: string;
}

const event = {
  block_number: 'integer',
  timestamp: 'timestamp',
  tx_hash: 'text',
  log_index: 'integer',
} as const;

export const PONDER_TABLES = [
  { name: 'model', columns: { id: 'text', inference_count: 'integer', total_fees: 'bigint' } },
  {
    name: 'account',
    columns: { id: 'text', inference_count: 'integer', fees_paid: 'bigint' },
    ourWhere: 'inference_count > 0',
  },
  {
    name: 'contribution',
    columns: {
      id: 'text',
      datanet_id: 'text',
      contributor_id: 'text',
      attribution_share_count: 'integer',
      total_weight_ppm: 'bigint',
    },
  },
  {
    name: 'inference',
    columns: {
      id: 'text',
      index: 'bigint',
      model_id: 'text',
      user_id: 'text',
      provider_id: 'text',
      input_hash: 'text',
      output_hash: 'text',
      fee: 'bigint',
      ...event,
    },
  },
  {
    name: 'fee_split',
    columns: {
      id: 'text',
      inference_id: 'text',
      protocol: 'bigint',
      model_owner: 'bigint',
      provider: 'bigint',
      stakers: 'bigint',
      contributors: 'bigint',
      ...event,
    },
  },
  {
    name: 'attribution',
    columns: {
      id: 'text',
      index: 'bigint',
      inference_id: 'text',
      model_id: 'text',
      poster_id: 'text',
      method: 'text',
      params_hash: 'text',
      result_hash: 'text',
      result_uri: 'text',
      share_count: 'integer',
      total_weight_ppm: 'integer',
      ...event,
    },
  },
  {
    name: 'attribution_share',
    columns: {
      id: 'text',
      attribution_id: 'text',
      contribution_id: 'text',
      datanet_id: 'text',
      contributor_id: 'text',
      rank: 'integer',
      weight_ppm: 'integer',
      score: 'bigint',
      block_number: 'integer',
      timestamp: 'timestamp',
      log_index: 'integer',
    },
  },
  {
    name: 'reward_accrual',
    columns: {
      id: 'text',
      account_id: 'text',
      inference_id: 'text',
      role_code: 'integer',
      amount: 'bigint',
      ...event,
    },
  },
] as const satisfies readonly ComparedTable[];

/**
 * One SELECT per side giving the table's row count and an md5 over its rows in id order, each row the columns
 * as text joined by '|' (NULL as '∅'), so equal digests mean equal rows on every compared column.
 */
export function digestQuery(t: ComparedTable, side: 'ours' | 'ponder', schema = 'public'): string {
  return `SELECT count(*)::int AS rows, md5(coalesce(string_agg(line, E'\\n' ORDER BY id), '')) AS digest
    FROM (${rowsQuery(t, side, schema)}) r`;
}

/** The rows as (id, line) in the form digestQuery hashes (for finding the first differing row). */
export function rowsQuery(t: ComparedTable, side: 'ours' | 'ponder', schema = 'public'): string {
  const cols = Object.entries(t.columns).map(([c, type]) => {
    const v =
      type === 'timestamp' && side === 'ours'
        ? `(extract(epoch from "${c}") * 1000)::bigint::text`
        : `"${c}"::text`;
    return `coalesce(${v}, '∅')`;
  });
  const where = side === 'ours' && t.ourWhere ? ` WHERE ${t.ourWhere}` : '';
  return `SELECT id, concat_ws('|', ${cols.join(', ')}) AS line FROM "${schema}"."${t.name}"${where}`;
}
