import type pg from 'pg';

const colCache = new Map<string, Array<{ name: string; type: string; nullable: boolean }>>();

/**
 * Inserts a row, filling every NOT NULL column the fixture does not name with a neutral value (0, false, '',
 * epoch) read from information_schema, so fixtures state only what a test is about and survive new columns.
 */
export async function insertRow(
  c: pg.Pool | pg.PoolClient,
  table: string,
  values: Record<string, unknown>,
): Promise<void> {
  let cols = colCache.get(table);
  if (!cols) {
    const r = await c.query(
      `SELECT column_name AS name, data_type AS type, is_nullable = 'YES' AS nullable FROM information_schema.columns
       WHERE table_name = $1 AND table_schema = 'public'`,
      [table],
    );
    cols = r.rows;
    colCache.set(table, cols);
  }
  const row: Record<string, unknown> = {};
  for (const col of cols) {
    if (col.name in values) row[col.name] = values[col.name];
    else if (!col.nullable) {
      row[col.name] = /int|numeric/.test(col.type)
        ? 0
        : col.type === 'boolean'
          ? false
          : col.type.startsWith('timestamp')
            ? '2026-01-01T00:00:00Z'
            : col.type === 'ARRAY'
              ? []
              : '';
    }
  }
  for (const k of Object.keys(values))
    if (!(k in row)) throw new Error(`fixture: ${table} has no column ${k}`);
  const keys = Object.keys(row);
  await c.query(
    `INSERT INTO "${table}" (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
    keys.map((k) => row[k]),
  );
}

export const ADDR = {
  alice: '0x00000000000000000000000000000000000000a1',
  bob: '0x00000000000000000000000000000000000000b2',
  owner: '0x00000000000000000000000000000000000000c3',
  user: '0x00000000000000000000000000000000000000d4',
  provider: '0x00000000000000000000000000000000000000e5',
  poster: '0x00000000000000000000000000000000000000f6',
} as const;

const E18 = 10n ** 18n;

/**
 * A small, fully connected world: two datanets, four contributions, a base model with a fine-tune and an
 * adapter (lineage depth 3), two inferences, one attribution with two shares, fee split, rewards, a verdict.
 */
export async function insertWorld(c: pg.Pool): Promise<void> {
  for (const [name, a] of Object.entries(ADDR)) {
    await insertRow(c, 'account', {
      id: a,
      is_contributor: name === 'alice' || name === 'bob',
      earned_as_contributor:
        name === 'alice' ? (6n * E18).toString() : name === 'bob' ? (4n * E18).toString() : '0',
      attribution_weight_ppm: name === 'alice' ? 600000 : name === 'bob' ? 400000 : 0,
      contribution_count: name === 'alice' ? 2 : name === 'bob' ? 2 : 0,
      first_seen_block: 1,
    });
  }
  await insertRow(c, 'datanet', {
    id: '1',
    owner_id: ADDR.owner,
    name: 'spam corpus',
    metadata_uri: 'ipfs://x',
    influence_ppm: 600000,
    contribution_count: 3,
    created_block: 2,
  });
  await insertRow(c, 'datanet', {
    id: '2',
    owner_id: ADDR.owner,
    name: 'iris <img src=x onerror=alert(1)>',
    metadata_uri: 'javascript:alert(1)',
    influence_ppm: 400000,
    contribution_count: 1,
    created_block: 3,
  });
  await insertRow(c, 'datanet_version', { id: '1-1', datanet_id: '1', version: 1 });
  await insertRow(c, 'datanet_version', { id: '2-1', datanet_id: '2', version: 1 });
  const contribs: Array<[string, string, string]> = [
    ['1', '1', ADDR.alice],
    ['2', '1', ADDR.alice],
    ['3', '2', ADDR.bob],
    ['4', '1', ADDR.bob],
  ];
  for (const [id, d, who] of contribs) {
    await insertRow(c, 'contribution', {
      id,
      index: id,
      datanet_id: d,
      contributor_id: who,
      status: id === '2' ? 'REJECTED' : 'ACCEPTED',
      content_hash: `0x${id.padStart(64, 'c')}`,
      submitted_block: 10 + Number(id),
      submitted_at: `2026-01-0${id}T00:00:00Z`,
      tx_hash: `0x${id.padStart(64, 'a')}`,
    });
  }
  await insertRow(c, 'model', {
    id: '1',
    index: 1,
    owner_id: ADDR.owner,
    name: 'base spam',
    kind: 'BASE',
    artifact_hash: `0x${'1'.padStart(64, 'e')}`,
    inference_count: 1,
    total_fees: E18.toString(),
  });
  await insertRow(c, 'model', {
    id: '2',
    index: 2,
    owner_id: ADDR.owner,
    name: 'fine-tune',
    kind: 'FINETUNE',
    base_model_id: '1',
  });
  await insertRow(c, 'model', {
    id: '3',
    index: 3,
    owner_id: ADDR.owner,
    name: 'adapter',
    kind: 'ADAPTER',
    base_model_id: '2',
    inference_count: 1,
    total_fees: (10n * E18).toString(),
  });
  await insertRow(c, 'model_trained_on', {
    id: '1-1-1',
    model_id: '1',
    datanet_id: '1',
    datanet_version_id: '1-1',
    version: 1,
  });
  await insertRow(c, 'model_trained_on', {
    id: '2-2-1',
    model_id: '2',
    datanet_id: '2',
    datanet_version_id: '2-1',
    version: 1,
  });
  await insertRow(c, 'checkpoint', {
    id: '2-1',
    model_id: '2',
    step: 1,
    checkpoint_hash: `0x${'1'.padStart(64, 'f')}`,
  });
  await insertRow(c, 'compute_provider', { id: ADDR.provider, account_id: ADDR.provider });
  await insertRow(c, 'inference', {
    id: '1',
    index: 1,
    model_id: '3',
    user_id: ADDR.user,
    provider_id: ADDR.provider,
    fee: (10n * E18).toString(),
    timestamp: '2026-01-05T00:00:00Z',
    tx_hash: `0x${'1'.padStart(64, 'b')}`,
  });
  await insertRow(c, 'inference', {
    id: '2',
    index: 2,
    model_id: '1',
    user_id: ADDR.user,
    provider_id: ADDR.provider,
    fee: E18.toString(),
    timestamp: '2026-01-06T00:00:00Z',
  });
  await insertRow(c, 'fee_split', {
    id: 'fs1',
    inference_id: '1',
    protocol: E18.toString(),
    model_owner: (2n * E18).toString(),
    provider: E18.toString(),
    stakers: E18.toString(),
    contributors: (5n * E18).toString(),
  });
  await insertRow(c, 'fee_split', {
    id: 'fs2',
    inference_id: '2',
    protocol: (E18 / 10n).toString(),
    model_owner: ((9n * E18) / 10n).toString(),
  });
  await insertRow(c, 'attribution', {
    id: '1',
    index: 1,
    inference_id: '1',
    model_id: '3',
    poster_id: ADDR.poster,
    method: 'knn-shapley@1',
    status: 'SETTLED',
    share_count: 2,
    block_number: 50,
  });
  await insertRow(c, 'attribution_share', {
    id: '1-1',
    attribution_id: '1',
    contribution_id: '1',
    datanet_id: '1',
    contributor_id: ADDR.alice,
    weight_ppm: 600000,
    reward: (3n * E18).toString(),
  });
  await insertRow(c, 'attribution_share', {
    id: '1-3',
    attribution_id: '1',
    contribution_id: '3',
    datanet_id: '2',
    contributor_id: ADDR.bob,
    weight_ppm: 400000,
    rank: 1,
    reward: (2n * E18).toString(),
  });
  await insertRow(c, 'reward_accrual', {
    id: 'r1',
    account_id: ADDR.alice,
    inference_id: '1',
    role: 'CONTRIBUTOR',
    category: 'CONTRIBUTOR_RELEASED',
    amount: (3n * E18).toString(),
  });
  await insertRow(c, 'reward_accrual', {
    id: 'r2',
    account_id: ADDR.bob,
    inference_id: '1',
    role: 'CONTRIBUTOR',
    category: 'CONTRIBUTOR_RELEASED',
    amount: (2n * E18).toString(),
  });
  await insertRow(c, 'reward_accrual', {
    id: 'r3',
    account_id: ADDR.owner,
    inference_id: '1',
    role: 'MODEL_OWNER',
    category: 'FEE_MODEL_OWNER',
    amount: (2n * E18).toString(),
  });
  await insertRow(c, 'attribution_verdict', {
    id: '1:knn-shapley@1',
    attribution_id: '1',
    method: 'knn-shapley@1',
    verdict: 'MISMATCH',
    max_deviation_ppm: 250000,
    over_credited: ['3'],
    under_credited: ['1'],
  });
  await insertRow(c, 'dispute', {
    id: '1',
    attribution_id: '1',
    challenger_id: ADDR.poster,
    status: 'OPEN',
    bond: '1',
  });
  await insertRow(c, 'global_stat', {
    id: 'global',
    datanets: 2,
    contributions: 4,
    models: 3,
    inferences: 2,
    attributions: 1,
    total_fees: (11n * E18).toString(),
  });
  await insertRow(c, 'daily_stat', {
    id: '2026-01-05',
    date: '2026-01-05T00:00:00Z',
    inferences: 1,
    fees: (10n * E18).toString(),
  });
  await insertRow(c, 'daily_stat', {
    id: '2026-01-06',
    date: '2026-01-06T00:00:00Z',
    inferences: 1,
    fees: E18.toString(),
  });
  await insertRow(c, 'indexer_state', {
    id: 'current',
    chain_id: 1612,
    indexed_height: 90,
    indexed_hash: '0xabc',
    chain_head_height: 100,
    digest: '0xd1',
    digest_height: 88,
  });
}
