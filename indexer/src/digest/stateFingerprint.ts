import pg from 'pg';

/** Tables the indexer writes (everything in the model but the replay worker's verdicts and the status row). */
export const INDEXED_TABLES = [
  'account',
  'datanet',
  'datanet_version',
  'curator',
  'contribution',
  'contribution_review',
  'model',
  'model_trained_on',
  'checkpoint',
  'compute_provider',
  'compute_attestation',
  'inference',
  'fee_split',
  'attribution',
  'attribution_share',
  'dispute',
  'reward_accrual',
  'reward_claim',
  'stake_event',
  'token_transfer',
  'split_parameters',
  'daily_stat',
  'global_stat',
  'governance_proposal',
  'proposal_action',
  'proposal_state_event',
  'governance_vote',
  'governance_account',
  'delegation_event',
  'voting_power_change',
  'timelock_operation',
  'parameter_change',
  'treasury_grant',
  'treasury_receipt',
  'governed_setting',
  'block_digest',
] as const;

export interface StateFingerprint {
  /** Latest chained digest (BlockDigest). */
  digest: string | null;
  digestHeight: number | null;
  /** Per table: row count and md5 of all rows in id order. */
  tables: Record<string, { rows: number; md5: string | null }>;
}

/**
 * The full indexed state in a comparable form: the chained digest plus, per table, the row count and a hash
 * of every row. Tests compare a database that lived through reorgs, kills or faults with a clean index.
 */
export async function stateFingerprint(databaseUrl: string): Promise<StateFingerprint> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const tables: StateFingerprint['tables'] = {};
    for (const t of INDEXED_TABLES) {
      const r = await c.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS md5 FROM "${t}" t`,
      );
      tables[t] = { rows: Number(r.rows[0].n), md5: r.rows[0].md5 };
    }
    const d = await c.query<{ digest: string; height: number }>(
      'SELECT digest, height FROM block_digest ORDER BY height DESC LIMIT 1',
    );
    return { digest: d.rows[0]?.digest ?? null, digestHeight: d.rows[0]?.height ?? null, tables };
  } finally {
    await c.end();
  }
}
