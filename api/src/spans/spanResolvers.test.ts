import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildCorpusIndex,
  encodeGeneratedOutput,
  FolderArtifactStore,
  spanMatch,
} from '@ae/attribution-replay';
import { TABLE } from '@ae/core/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR, insertRow, insertWorld } from '../../test/fixtures.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { createServices } from '../server/services.js';

let h: Harness;
let dir: string;
const ANSWER = 'You have won a free cruise to the Bahamas today';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ae-api-spans-'));
  const store = new FolderArtifactStore(dir);
  // contributions 1 and 3 of the fixture world hold the texts the answer quotes
  const index = buildCorpusIndex([
    { contributionId: '1', text: 'Claim a free cruise to the Bahamas now' },
    { contributionId: '3', text: 'you have won a prize' },
  ]);
  const rec = spanMatch(index, ANSWER, { method: 'span-match@1', minLength: 3, topK: 4 });
  const output = await store.put(encodeGeneratedOutput(ANSWER));
  const result = await store.put(rec.resultBytes as Uint8Array);
  h = await startHarness('api_spans', { services: createServices({ artifactsDir: dir }) });
  await insertWorld(h.pool);
  await h.pool.query(`UPDATE ${TABLE.inference} SET output_hash = $1 WHERE id = $2`, [output, '2']);
  await insertRow(h.pool, 'attribution', {
    id: '2',
    index: 2,
    inference_id: '2',
    model_id: '1',
    poster_id: ADDR.poster,
    method: 'span-match@1',
    result_hash: result,
    status: 'POSTED',
  });
  await insertRow(h.pool, 'attribution', {
    id: '3',
    index: 3,
    inference_id: '2',
    model_id: '1',
    poster_id: ADDR.poster,
    method: 'span-match@1',
    result_hash: `0x${'ab'.repeat(32)}`,
    status: 'POSTED',
  });
}, 300_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const Q = /* GraphQL */ `
  query ($id: String!) {
    attributionById(id: $id) {
      generatedAnswer {
        text
        spans { charStart charEnd text count score contributionIds contributions { id contentHash } }
      }
    }
  }
`;

describe('Attribution.generatedAnswer', () => {
  it('gives the generated text with every attributed span, its count and its contributions', async () => {
    const r = await h.gql(Q, { id: '2' });
    expect(r.errors).toBeUndefined();
    const g = r.data?.attributionById.generatedAnswer;
    expect(g.text).toBe(ANSWER);
    expect(g.spans.map((s: { text: string }) => s.text)).toEqual([
      'have won a',
      'a free cruise to the Bahamas',
    ]);
    for (const s of g.spans) expect(ANSWER.slice(s.charStart, s.charEnd)).toBe(s.text);
    expect(g.spans.map((s: { contributionIds: string[] }) => s.contributionIds)).toEqual([['3'], ['1']]);
    expect(g.spans[1].contributions.map((c: { id: string }) => c.id)).toEqual(['1']);
    expect(
      g.spans.every((s: { count: number; score: string }) => s.count === 1 && BigInt(s.score) > 0n),
    ).toBe(true);
  });

  it('is null for other methods and when the result is not in the store, never an error', async () => {
    for (const id of ['1', '3']) {
      const r = await h.gql(Q, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data?.attributionById.generatedAnswer).toBeNull();
    }
  });
});
