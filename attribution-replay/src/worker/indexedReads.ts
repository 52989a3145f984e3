import type pg from 'pg';
import type { Hex } from 'viem';
import type { ModelFacts, PostingFacts } from '../verify/replayCase.js';

/**
 * Reads postings from the indexer's tables (schema.graphql, snake_case). One query for the postings and
 * one for their shares, whatever the batch size: a batch of jobs costs two round trips, not 2×N.
 */
export async function loadPostings(
  db: pg.Pool | pg.PoolClient,
  attributionIds: readonly string[],
): Promise<Map<string, PostingFacts>> {
  const out = new Map<string, PostingFacts>();
  if (attributionIds.length === 0) return out;
  const rows = await db.query(
    `SELECT a.id, a.method, a.params_hash, a.result_hash, a.timestamp, a.status,
            i.id AS inference_id, i.input_hash, i.output_hash, i.model_id
       FROM attribution a JOIN inference i ON i.id = a.inference_id
      WHERE a.id = ANY($1::text[])`,
    [attributionIds],
  );
  for (const r of rows.rows) {
    out.set(r.id, {
      attributionId: r.id,
      method: r.method,
      paramsHash: r.params_hash as Hex,
      resultHash: r.result_hash as Hex,
      postedAt: new Date(r.timestamp),
      status: r.status,
      inferenceId: r.inference_id,
      inputHash: r.input_hash as Hex,
      outputHash: r.output_hash as Hex,
      modelId: r.model_id,
      shares: [],
    });
  }
  const shares = await db.query(
    `SELECT attribution_id, contribution_id, weight_ppm, score::text AS score
       FROM attribution_share WHERE attribution_id = ANY($1::text[]) ORDER BY attribution_id, rank`,
    [attributionIds],
  );
  for (const s of shares.rows) {
    out
      .get(s.attribution_id)
      ?.shares.push({ contributionId: s.contribution_id, weightPpm: s.weight_ppm, score: BigInt(s.score) });
  }
  return out;
}

/** Reads a model's checkpoints, datanet versions and training set; undefined when the model is not indexed. */
export async function loadModel(
  db: pg.Pool | pg.PoolClient,
  modelId: string,
): Promise<ModelFacts | undefined> {
  const m = await db.query('SELECT id, artifact_hash, training_config_hash FROM model WHERE id = $1', [
    modelId,
  ]);
  if (m.rowCount === 0) return undefined;
  const checkpoints = await db.query(
    'SELECT step, checkpoint_hash, learning_rate::text AS lr FROM checkpoint WHERE model_id = $1 ORDER BY step',
    [modelId],
  );
  const trainedOn = await db.query(
    `SELECT t.datanet_id, t.version, v.contribution_count, v.merkle_root
       FROM model_trained_on t JOIN datanet_version v ON v.id = t.datanet_version_id
      WHERE t.model_id = $1 ORDER BY t.datanet_id::numeric, t.version`,
    [modelId],
  );
  // accepted contributions among each version's first contribution_count of its datanet (chain order)
  const training = await db.query(
    `WITH v AS (
       SELECT t.datanet_id, dv.contribution_count
         FROM model_trained_on t JOIN datanet_version dv ON dv.id = t.datanet_version_id
        WHERE t.model_id = $1
     ), ranked AS (
       SELECT c.id, c.index, c.content_hash, c.status, c.datanet_id,
              row_number() OVER (PARTITION BY c.datanet_id ORDER BY c.index) AS n
         FROM contribution c WHERE c.datanet_id IN (SELECT datanet_id FROM v)
     )
     SELECT DISTINCT r.id, r.index, r.content_hash
       FROM ranked r JOIN v ON v.datanet_id = r.datanet_id AND r.n <= v.contribution_count
      WHERE r.status = 'ACCEPTED'
      ORDER BY r.index`,
    [modelId],
  );
  return {
    modelId,
    artifactHash: m.rows[0].artifact_hash as Hex,
    trainingConfigHash: m.rows[0].training_config_hash as Hex,
    checkpoints: checkpoints.rows.map((c) => ({
      step: c.step,
      hash: c.checkpoint_hash as Hex,
      learningRateWad: BigInt(c.lr),
    })),
    trainedOn: trainedOn.rows.map((t) => ({
      datanetId: t.datanet_id,
      version: t.version,
      contributionCount: t.contribution_count,
      merkleRoot: t.merkle_root as Hex,
    })),
    training: training.rows.map((c) => ({ contributionId: c.id, contentHash: c.content_hash as Hex })),
  };
}
