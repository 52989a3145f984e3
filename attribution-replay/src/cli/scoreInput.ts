import { UserError } from '@ae/core/errors';
import { type Matrix, matrixFrom } from '../onnx/matrix.js';
import type { TracinCheckpoint } from '../poa/tracinCp.js';

/** A contribution id as the researcher exported it (kept verbatim in the output). */
export type ScoreId = string | number;

export interface KnnScoreInput {
  ids: ScoreId[];
  train: Matrix;
  trainLabels: number[];
  queries: Matrix;
  queryLabels: number[];
}

export interface TracinScoreInput {
  ids: ScoreId[];
  trainLabels: number[];
  queryLabels: number[];
  checkpoints: TracinCheckpoint[];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function field(o: unknown, key: string, where: string): unknown {
  if (!isObj(o)) throw new UserError(`${where} must be a JSON object`);
  if (!(key in o)) throw new UserError(`missing field ${where === '$' ? key : `${where}.${key}`}`);
  return o[key];
}

function ids(v: unknown, where: string): ScoreId[] {
  if (!Array.isArray(v)) throw new UserError(`${where} must be an array`);
  return v.map((x, i) => {
    if (typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) return x;
    throw new UserError(`${where}[${i}] must be a string or a number`);
  });
}

function labels(v: unknown, where: string): number[] {
  if (!Array.isArray(v)) throw new UserError(`${where} must be an array of integer labels`);
  return v.map((x, i) => {
    if (!Number.isSafeInteger(x)) throw new UserError(`${where}[${i}] must be an integer label`);
    return x as number;
  });
}

function matrix(v: unknown, where: string, rows: number, cols?: number): Matrix {
  if (!Array.isArray(v)) throw new UserError(`${where} must be an array of rows`);
  if (v.length !== rows)
    throw new UserError(`${where} has ${v.length} rows, expected ${rows} (mismatched lengths)`);
  const m = matrixFrom(v, where, cols);
  if (rows > 0 && m.cols === 0) throw new UserError(`${where} rows must not be empty`);
  return m;
}

/** Validates the knn-shapley@1 input file: {"train":{"ids","embeddings","labels"},"queries":[{"embedding","label"}]}. */
export function parseKnnInput(doc: unknown): KnnScoreInput {
  const train = field(doc, 'train', '$');
  const trainIds = ids(field(train, 'ids', 'train'), 'train.ids');
  const n = trainIds.length;
  const trainLabels = labels(field(train, 'labels', 'train'), 'train.labels');
  if (trainLabels.length !== n)
    throw new UserError(`train.labels has ${trainLabels.length} entries, train.ids ${n}`);
  const emb = matrix(field(train, 'embeddings', 'train'), 'train.embeddings', n);
  const qs = field(doc, 'queries', '$');
  if (!Array.isArray(qs)) throw new UserError('queries must be an array');
  const qe = qs.map((q, i) => field(q, 'embedding', `queries[${i}]`));
  const queryLabels = labels(
    qs.map((q, i) => field(q, 'label', `queries[${i}]`)),
    'queries[].label',
  );
  const dim = n > 0 ? emb.cols : qe.length > 0 && Array.isArray(qe[0]) ? (qe[0] as unknown[]).length : 0;
  const queries = matrix(qe, 'queries[].embedding', qs.length, dim);
  return { ids: trainIds, train: emb, trainLabels, queries, queryLabels };
}

/** Validates the tracin-cp@1 input file (see the CLI usage). */
export function parseTracinInput(doc: unknown): TracinScoreInput {
  const trainIds = ids(field(doc, 'trainIds', '$'), 'trainIds');
  const n = trainIds.length;
  const trainLabels = labels(field(doc, 'trainLabels', '$'), 'trainLabels');
  if (trainLabels.length !== n)
    throw new UserError(`trainLabels has ${trainLabels.length} entries, trainIds ${n}`);
  const queryLabels = labels(field(doc, 'queryLabels', '$'), 'queryLabels');
  const m = queryLabels.length;
  const cps = field(doc, 'checkpoints', '$');
  if (!Array.isArray(cps) || cps.length === 0) throw new UserError('checkpoints must be a non-empty array');
  let e: number | undefined;
  let p: number | undefined;
  const checkpoints = cps.map((c, i) => {
    const at = `checkpoints[${i}]`;
    const lr = field(c, 'lr', at);
    if (typeof lr !== 'number' || !Number.isFinite(lr))
      throw new UserError(`${at}.lr must be a finite number`);
    const tr = field(c, 'train', at);
    const q = field(c, 'queries', at);
    const te = matrix(field(tr, 'embeddings', `${at}.train`), `${at}.train.embeddings`, n, e);
    e ??= n > 0 ? te.cols : undefined;
    const tp = matrix(field(tr, 'probs', `${at}.train`), `${at}.train.probs`, n, p);
    p ??= n > 0 ? tp.cols : undefined;
    const qe = matrix(field(q, 'embeddings', `${at}.queries`), `${at}.queries.embeddings`, m, e);
    e ??= m > 0 ? qe.cols : undefined;
    const qp = matrix(field(q, 'probs', `${at}.queries`), `${at}.queries.probs`, m, p);
    p ??= m > 0 ? qp.cols : undefined;
    return { lr, train: { embeddings: te, probs: tp }, queries: { embeddings: qe, probs: qp } };
  });
  for (const [what, ls] of [
    ['trainLabels', trainLabels],
    ['queryLabels', queryLabels],
  ] as const)
    ls.forEach((y, i) => {
      if (p !== undefined && (y < 0 || y >= p))
        throw new UserError(`${what}[${i}] = ${y} is not a class index of the ${p}-class probabilities`);
    });
  return { ids: trainIds, trainLabels, queryLabels, checkpoints };
}
