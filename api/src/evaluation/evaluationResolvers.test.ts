import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalBytes, FolderArtifactStore } from '@ae/attribution-replay';
import { COLUMN, TABLE } from '@ae/core/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorld } from '../../test/fixtures.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { createServices } from '../server/services.js';

let h: Harness;
let dir: string;
const EVALUATION = {
  set: `0x${'5a'.repeat(32)}`,
  messages: 1000,
  accuracy: 0.905,
  majorityRate: 0.772,
  predicted: [731, 269],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ae-api-evaluation-'));
  const store = new FolderArtifactStore(dir);
  const withEval = await store.put(canonicalBytes({ format: 'model-factory/mlp@1', evaluation: EVALUATION }));
  const without = await store.put(canonicalBytes({ format: 'model-factory/mlp@1' }));
  const hostile = await store.put(canonicalBytes({ evaluation: { ...EVALUATION, accuracy: 'all of them' } }));
  h = await startHarness('api_evaluation', { services: createServices({ artifactsDir: dir }) });
  await insertWorld(h.pool);
  await h.pool.query(`UPDATE ${TABLE.model} SET ${COLUMN.model.trainingConfigHash} = $1 WHERE id = $2`, [
    withEval,
    '1',
  ]);
  await h.pool.query(`UPDATE ${TABLE.model} SET ${COLUMN.model.trainingConfigHash} = $1 WHERE id = $2`, [
    without,
    '2',
  ]);
  await h.pool.query(`UPDATE ${TABLE.model} SET ${COLUMN.model.trainingConfigHash} = $1 WHERE id = $2`, [
    hostile,
    '3',
  ]);
}, 300_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const Q = /* GraphQL */ `
  query ($id: String!) {
    modelById(id: $id) {
      evaluation { set messages accuracy majorityRate predicted classesPredicted }
    }
  }
`;

describe('Model.evaluation', () => {
  it('reads the held-out evaluation from the training config artifact the chain names', async () => {
    const r = await h.gql(Q, { id: '1' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.modelById.evaluation).toEqual({ ...EVALUATION, classesPredicted: 2 });
  });

  it('is null, never an error, without a record, with a malformed one or without the artifact', async () => {
    const nulls = async () => {
      for (const id of ['2', '3']) {
        const r = await h.gql(Q, { id });
        expect(r.errors).toBeUndefined();
        expect(r.data?.modelById).not.toBeNull();
        expect(r.data?.modelById.evaluation).toBeNull();
      }
    };
    await nulls();
    // a hash the store does not hold
    await h.pool.query(`UPDATE ${TABLE.model} SET ${COLUMN.model.trainingConfigHash} = $1 WHERE id = $2`, [
      `0x${'cd'.repeat(32)}`,
      '2',
    ]);
    await nulls();
  });
});
