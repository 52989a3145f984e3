import { COLUMN, TABLE } from '@ae/core/tables';
import type pg from 'pg';
import type { Hex } from 'viem';
import type { ModelFacts, PostingFacts } from '../verify/replayCase.js';

const A = COLUMN.attribution;
const C = COLUMN.contribution;
const DV = COLUMN.datanetVersion;
const I = COLUMN.inference;
const T = COLUMN.modelTrainedOn;

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
       FROM ${TABLE.attribution} a JOIN ${TABLE.inference} i ON i.${I.id} = a.${A.inferenceId}
      WHERE a.${A.id} = ANY($1::text[])`,
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
       FROM ${TABLE.attributionShare} WHERE ${COLUMN.attributionShare.attributionId} = ANY($1::text[]) ORDER BY attribution_id, rank`,
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
  const m = await db.query(
    `SELECT id, artifact_hash, training_config_hash FROM ${TABLE.model} WHERE ${COLUMN.model.id} = $1`,
    [modelId],
  );
  if (m.rowCount === 0) return undefined;
  const checkpoints = await db.query(
    `SELECT step, checkpoint_hash, learning_rate::text AS lr FROM ${TABLE.checkpoint} WHERE ${COLUMN.checkpoint.modelId} = $1 ORDER BY step`,
    [modelId],
  );
  const trainedOn = await db.query(
    `SELECT t.datanet_id, t.version, v.contribution_count, v.merkle_root
       FROM ${TABLE.modelTrainedOn} t JOIN ${TABLE.datanetVersion} v ON v.id = t.${T.datanetVersionId}
      WHERE t.${T.modelId} = $1 ORDER BY t.${T.datanetId}::numeric, t.${T.version}`,
    [modelId],
  );
  // accepted contributions among each version's first contribution_count of its datanet (chain order)
  const training = await db.query(
    `WITH v AS (
       SELECT t.datanet_id, dv.contribution_count
         FROM ${TABLE.modelTrainedOn} t JOIN ${TABLE.datanetVersion} dv ON dv.${DV.id} = t.${T.datanetVersionId}
        WHERE t.${T.modelId} = $1
     ), ranked AS (
       SELECT c.id, c.index, c.content_hash, c.status, c.datanet_id,
              row_number() OVER (PARTITION BY c.datanet_id ORDER BY c.index) AS n
         FROM ${TABLE.contribution} c WHERE c.${C.datanetId} IN (SELECT datanet_id FROM v)
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
