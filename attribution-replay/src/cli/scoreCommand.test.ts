import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyMlpWeights } from '../../test/tinyMlp.js';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { encodeValidationSet } from '../features/example.js';
import { fitFeaturizer } from '../features/featurizer.js';
import { createMethodRunner } from '../methods/methodRunner.js';
import { mlpCheckpointOnnx } from '../onnx/mlpOnnx.js';
import { knnShapleyLoop, tracinLoop } from '../poa/reference.js';
import { parseScoreArgs, scoreDocument, scoreMethods } from './scoreCommand.js';

const run = promisify(execFile);
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const bin = resolve(import.meta.dirname, '../../bin/attribution-replay.js');
const dir = await mkdtemp(join(tmpdir(), 'score-cli-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function score(
  args: string[],
  doc: unknown,
  as = '--input',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  try {
    const r = await run(process.execPath, [bin, 'score', ...args, as, file]);
    return { code: 0, ...r };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const knnDoc = {
  train: {
    ids: ['a', 'b', 'c', 'd'],
    embeddings: [
      [0, 0],
      [1, 0],
      [1, 0],
      [0.1, 3],
    ],
    labels: [0, 1, 0, 1],
  },
  queries: [
    { embedding: [0.3, 0.1], label: 0 },
    { embedding: [1, 0.5], label: 1 },
  ],
};

describe('npx attribution-replay score (subprocess)', () => {
  it('knn-shapley@1: one list per query in training order, full float64, K > N valid', async () => {
    for (const k of [1, 2, 7]) {
      // one real subprocess (K > N); the other K in-process through the same code path
      const out =
        k === 7
          ? JSON.parse((await score(['--method', 'knn-shapley@1', '--k', String(k)], knnDoc)).stdout)
          : await scoreDocument(
              parseScoreArgs(['--method', 'knn-shapley@1', '--k', String(k), '--input', 'x']),
              knnDoc,
            );
      expect(out.method).toBe('knn-shapley@1');
      expect(out.scores).toHaveLength(2);
      const train = { rows: 4, cols: 2, data: Float64Array.from(knnDoc.train.embeddings.flat()) };
      knnDoc.queries.forEach((q, i) => {
        expect(out.scores[i].map((x: { id: string }) => x.id)).toEqual(['a', 'b', 'c', 'd']);
        expect(out.scores[i].map((x: { score: number }) => x.score)).toEqual(
          Array.from(knnShapleyLoop(train, knnDoc.train.labels, Float64Array.from(q.embedding), q.label, k)),
        );
      });
    }
  });

  it('tracin-cp@1', async () => {
    const cp = (lr: number) => ({
      lr,
      train: {
        embeddings: [
          [1, 0],
          [0, 1],
        ],
        probs: [
          [0.7, 0.3],
          [0.4, 0.6],
        ],
      },
      queries: { embeddings: [[0.5, 0.5]], probs: [[0.9, 0.1]] },
    });
    const doc = { trainIds: [7, 8], trainLabels: [0, 1], queryLabels: [0], checkpoints: [cp(0.1), cp(0.05)] };
    const r = await score(['--method', 'tracin-cp@1'], doc);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const m = (rows: number[][]) => ({
      rows: rows.length,
      cols: rows[0].length,
      data: Float64Array.from(rows.flat()),
    });
    const ref = tracinLoop({
      trainLabels: [0, 1],
      queryLabels: [0],
      checkpoints: doc.checkpoints.map((c) => ({
        lr: c.lr,
        train: { embeddings: m(c.train.embeddings), probs: m(c.train.probs) },
        queries: { embeddings: m(c.queries.embeddings), probs: m(c.queries.probs) },
      })),
    });
    expect(out.scores[0].map((x: { id: number }) => x.id)).toEqual([7, 8]);
    out.scores[0].forEach((x: { score: number }, i: number) => {
      expect(x.score).toBeCloseTo(ref[0][i], 14);
    });
  });

  it('knows every method of the registry and scores a replay bundle as the replay does', async () => {
    expect(scoreMethods()).toEqual(createMethodRunner().methods);
    expect([...scoreMethods()].sort()).toEqual(
      ['knn-shapley@1', 'knn-shapley@2', 'span-match@1', 'tracin-cp@1', 'trak@1'].sort(),
    );
    const texts = ['free prize click now', 'meeting report friday', 'cheap pills click', 'lunch on monday'];
    const trainingConfig = { featurizer: fitFeaturizer(texts, { dim: 16 }) };
    const onnx = [1, 2].map((i) => mlpCheckpointOnnx(tinyMlpWeights(7 + i, [16, 5, 3, 2])));
    const validation = encodeValidationSet([{ label: 1, text: 'click for a prize' }]);
    const bundle = (params: Record<string, unknown>) => ({
      params,
      trainingConfig,
      checkpoints: onnx.map((o, i) => ({ step: i + 1, learningRate: 0.1, base64: b64(o) })),
      train: texts.map((text, i) => ({ id: i + 1, content: { label: i % 2, text } })),
      queries: [{ input: { text: 'click for free' }, output: { probs: [0.25, 0.75] } }],
      artifacts: [b64(validation)],
    });
    const direct = (params: Record<string, unknown>) =>
      createMethodRunner().run({
        method: params.method as string,
        params: canonicalBytes(params),
        trainingConfig: canonicalBytes(trainingConfig),
        checkpoints: onnx.map((o, i) => ({ step: i + 1, learningRate: 0.1, onnx: o, hash: sha256Hex(o) })),
        train: texts.map((text, i) => ({
          contributionId: String(i + 1),
          content: canonicalBytes({ label: i % 2, text }),
        })),
        queries: [
          {
            input: canonicalBytes({ text: 'click for free' }),
            output: canonicalBytes({ probs: [0.25, 0.75] }),
          },
        ],
        artifact: async () => validation,
      });
    const trak = { method: 'trak@1', topK: 2, projDim: 8, seed: 3, damping: 0.1 };
    const r = await score(['--method', 'trak@1'], bundle(trak), '--bundle');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const [want] = await direct(trak);
    expect(out.paramsHash).toBe(sha256Hex(canonicalBytes(trak)));
    expect(out.scores[0].map((x: { score: number }) => x.score)).toEqual(want.scores);
    expect(out.postings[0]).toEqual({ resultHash: want.resultHash, top: want.top });
    const knn = {
      method: 'knn-shapley@2',
      k: 2,
      topK: 2,
      representation: 'features',
      validation: sha256Hex(validation),
    };
    const o2 = await scoreDocument({ method: 'knn-shapley@2', device: 'cpu', bundle: true }, bundle(knn));
    expect(o2.postings?.[0].top).toEqual((await direct(knn))[0].top);
    // a method that has no embedding format says so; the bundle's method must be --method's
    expect(() => parseScoreArgs(['--method', 'trak@1', '--input', 'x'])).toThrow(/--bundle FILE/);
    await expect(
      scoreDocument({ method: 'tracin-cp@1', device: 'cpu', bundle: true }, bundle(trak)),
    ).rejects.toThrow(/method is tracin-cp@1/);
  });

  it('exits non-zero with one line on malformed input', async () => {
    const bad: [string[], unknown, RegExp][] = [
      [['--method', 'knn-shapley@1', '--k', '0'], knnDoc, /--k must be an integer ≥ 1/],
      [['--method', 'knn-shapley@1'], knnDoc, /--k K is required/],
      [['--method', 'nope@1'], knnDoc, /--method must be/],
      [['--method', 'knn-shapley@1', '--k', '2'], { queries: [] }, /missing field train/],
      [
        ['--method', 'knn-shapley@1', '--k', '2'],
        { ...knnDoc, train: { ...knnDoc.train, embeddings: [[0, 0], [1], [1, 0], [0, 3]] } },
        /ragged/,
      ],
      [
        ['--method', 'knn-shapley@1', '--k', '2'],
        { ...knnDoc, train: { ...knnDoc.train, labels: [0, 1] } },
        /train\.labels has 2 entries/,
      ],
      [
        ['--method', 'knn-shapley@1', '--k', '2'],
        '{"train":{"ids":["a"],"embeddings":[[NaN]],"labels":[0]},"queries":[]}',
        /not JSON/,
      ],
      [
        ['--method', 'knn-shapley@1', '--k', '2'],
        { ...knnDoc, queries: [{ embedding: [0, null], label: 0 }] },
        /not a finite number/,
      ],
      [
        ['--method', 'knn-shapley@1', '--k', '2'],
        { ...knnDoc, queries: [{ embedding: [0, 0, 0], label: 0 }] },
        /ragged/,
      ],
      [
        ['--method', 'tracin-cp@1'],
        { trainIds: [1], trainLabels: [0], queryLabels: [0], checkpoints: [] },
        /non-empty/,
      ],
      [
        ['--method', 'tracin-cp@1'],
        {
          trainIds: [1],
          trainLabels: [0],
          queryLabels: [0],
          checkpoints: [
            { lr: 1, train: { embeddings: [[1]], probs: [[1, 0]] }, queries: { embeddings: [], probs: [] } },
          ],
        },
        /has 0 rows, expected 1/,
      ],
    ];
    // two through a real subprocess (exit code, one line on stderr, nothing on stdout) ...
    for (const [args, doc, msg] of [bad[0], bad[4]]) {
      const r = await score(args, doc);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
    // ... and every case through the same parse and score functions in-process
    for (const [args, doc, msg] of bad) {
      const attempt = async () =>
        scoreDocument(
          parseScoreArgs([...args, '--input', 'x']),
          typeof doc === 'string' ? JSON.parse(doc) : doc,
        );
      if (typeof doc === 'string') expect(() => JSON.parse(doc)).toThrow();
      else await expect(attempt()).rejects.toThrow(msg);
    }
  });
});
