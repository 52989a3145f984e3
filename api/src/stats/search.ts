import { UserError } from '@ae/core';
import type { Db } from '../db/db.js';

export interface SearchHit {
  kind: string;
  id: string;
  nodeId: string | null;
  label: string;
  matchedBy: string;
}

const ID_SQL = `
  SELECT 'DATANET' AS kind, id, name AS label, 'id' AS by, 1 AS o FROM datanet WHERE id = $1::text
  UNION ALL SELECT 'MODEL', id, name, 'id', 2 FROM model WHERE id = $1::text
  UNION ALL SELECT 'CONTRIBUTION', id, 'contribution #' || id, 'id', 3 FROM contribution WHERE id = $1::text
  UNION ALL SELECT 'INFERENCE', id, 'inference #' || id, 'id', 4 FROM inference WHERE id = $1::text
  UNION ALL SELECT 'ATTRIBUTION', id, 'attribution #' || id, 'id', 5 FROM attribution WHERE id = $1::text
  UNION ALL SELECT 'DISPUTE', id, 'dispute #' || id, 'id', 6 FROM dispute WHERE id = $1::text`;

const HASH_SQL = `
  SELECT 'TRANSACTION' AS kind, $1::text AS id, 'transaction ' || $1::text AS label, 'txHash' AS by, 0 AS o
    WHERE EXISTS (SELECT 1 FROM token_transfer WHERE tx_hash = $1::text) OR EXISTS (SELECT 1 FROM inference WHERE tx_hash = $1::text)
       OR EXISTS (SELECT 1 FROM datanet WHERE tx_hash = $1::text) OR EXISTS (SELECT 1 FROM model WHERE tx_hash = $1::text)
       OR EXISTS (SELECT 1 FROM contribution WHERE tx_hash = $1::text) OR EXISTS (SELECT 1 FROM attribution WHERE tx_hash = $1::text)
  UNION ALL SELECT 'DATANET', id, name, 'txHash', 1 FROM datanet WHERE tx_hash = $1::text
  UNION ALL SELECT 'MODEL', id, name, 'txHash', 2 FROM model WHERE tx_hash = $1::text
  UNION ALL SELECT 'MODEL', id, name, 'artifactHash', 2 FROM model WHERE artifact_hash = $1::text
  UNION ALL (SELECT 'CONTRIBUTION', id, 'contribution #' || id, 'contentHash', 3 FROM contribution WHERE content_hash = $1::text LIMIT 20)
  UNION ALL (SELECT 'INFERENCE', i.id, 'inference #' || i.id, 'txHash', 4 FROM token_transfer t JOIN inference i ON i.id = t.inference_id
             WHERE t.tx_hash = $1::text LIMIT 20)
  UNION ALL (SELECT 'CHECKPOINT', id, 'checkpoint ' || model_id || ' step ' || step, 'checkpointHash', 5 FROM checkpoint WHERE checkpoint_hash = $1::text LIMIT 20)
  UNION ALL SELECT 'DISPUTE', id, 'dispute #' || id, 'txHash', 6 FROM dispute WHERE tx_hash = $1::text OR resolved_tx_hash = $1::text`;

const ADDRESS_SQL = `SELECT 'ACCOUNT' AS kind, id, id AS label, 'address' AS by, 0 AS o FROM account WHERE id = $1::text`;

const NAME_SQL = `
  SELECT kind, id, label, 'name' AS by, o FROM (
    SELECT 'DATANET' AS kind, id, name AS label, CASE WHEN lower(name) = lower($1::text) THEN 0 WHEN starts_with(lower(name), lower($1::text)) THEN 1 ELSE 2 END AS o
      FROM datanet WHERE strpos(lower(name), lower($1::text)) > 0
    UNION ALL
    SELECT 'MODEL', id, name, CASE WHEN lower(name) = lower($1::text) THEN 0 WHEN starts_with(lower(name), lower($1::text)) THEN 1 ELSE 2 END
      FROM model WHERE strpos(lower(name), lower($1::text)) > 0
  ) x`;

const NODE_PREFIX: Record<string, string> = {
  ACCOUNT: 'account',
  DATANET: 'datanet',
  MODEL: 'model',
  CONTRIBUTION: 'contribution',
  INFERENCE: 'inference',
  ATTRIBUTION: 'attribution',
  CHECKPOINT: 'checkpoint',
};

/**
 * The explorer's search box. The input's shape picks the lookups: a 20-byte hex is an address, a 32-byte hex a
 * transaction, content, artifact or checkpoint hash, digits an entity id (plus names), anything else a name.
 */
export async function search(db: Db, text: string, limit: number): Promise<SearchHit[]> {
  const q = text.trim();
  if (q.length === 0) return [];
  if (q.length > 200) throw new UserError('search text too long (200 characters at most)');
  let sql: string;
  let arg = q;
  if (/^0x[0-9a-fA-F]{40}$/.test(q)) {
    sql = ADDRESS_SQL;
    arg = q.toLowerCase();
  } else if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
    sql = HASH_SQL;
    arg = q.toLowerCase();
  } else if (/^#?\d{1,30}$/.test(q)) {
    arg = q.replace(/^#/, '').replace(/^0+(?=\d)/, '');
    sql = `${ID_SQL} UNION ALL ${NAME_SQL}`;
  } else sql = NAME_SQL;
  const rows = await db.query<{ kind: string; id: string; label: string; by: string }>(
    `SELECT kind, id, label, by FROM (${sql}) hits ORDER BY o, length(label), id LIMIT $2`,
    [arg, limit],
  );
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    nodeId: NODE_PREFIX[r.kind] ? `${NODE_PREFIX[r.kind]}:${r.id}` : null,
    label: r.label,
    matchedBy: r.by,
  }));
}
