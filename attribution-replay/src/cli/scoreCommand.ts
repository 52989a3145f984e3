import { readFile } from 'node:fs/promises';
import { BaseError, UserError } from '@ae/core/errors';
import type { ProviderChoice } from '../onnx/session.js';
import { knnShapleyBatch } from '../poa/knnShapleyBatch.js';
import { tracinCpBatch } from '../poa/tracinCp.js';
import { parseKnnInput, parseTracinInput, type ScoreId } from './scoreInput.js';

export const SCORE_USAGE =
  'usage: attribution-replay score --method knn-shapley@1 --k K --input FILE | --method tracin-cp@1 --input FILE [--device cpu|cuda|auto]';

export interface ScoreArgs {
  method: 'knn-shapley@1' | 'tracin-cp@1';
  k?: number;
  input: string;
  device: ProviderChoice;
}

/** Parses `score`'s command line; any problem is a UserError (printed as one line). */
export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(method|k|input|device)(?:=(.*))?$/.exec(a);
    if (!m) throw new UserError(`unexpected argument ${JSON.stringify(a).slice(0, 60)}`);
    const v = m[2] ?? argv[++i];
    if (v === undefined) throw new UserError(`--${m[1]} needs a value`);
    opts[m[1]] = v;
  }
  if (opts.method !== 'knn-shapley@1' && opts.method !== 'tracin-cp@1')
    throw new UserError(`--method must be knn-shapley@1 or tracin-cp@1`);
  if (!opts.input) throw new UserError('--input FILE is required');
  const device = (opts.device ?? 'cpu') as ProviderChoice;
  if (!['cpu', 'cuda', 'auto'].includes(device)) throw new UserError('--device must be cpu, cuda or auto');
  if (opts.method === 'tracin-cp@1') {
    if (opts.k !== undefined) throw new UserError('--k applies to knn-shapley@1 only');
    return { method: opts.method, input: opts.input, device };
  }
  if (opts.k === undefined) throw new UserError('--k K is required for knn-shapley@1');
  if (!/^[0-9]+$/.test(opts.k) || Number(opts.k) < 1 || !Number.isSafeInteger(Number(opts.k)))
    throw new UserError(`--k must be an integer ≥ 1, got ${JSON.stringify(opts.k).slice(0, 40)}`);
  return { method: opts.method, k: Number(opts.k), input: opts.input, device };
}

/** Scores a parsed input file; the JSON the CLI prints (scores per query in training order). */
export async function scoreDocument(
  args: Omit<ScoreArgs, 'input'>,
  doc: unknown,
  log?: (l: string) => void,
): Promise<{ method: string; scores: { id: ScoreId; score: number }[][] }> {
  const withIds = (ids: ScoreId[], rows: Float64Array[]) =>
    rows.map((r) => Array.from(r, (score, i) => ({ id: ids[i], score })));
  if (args.method === 'knn-shapley@1') {
    const x = parseKnnInput(doc);
    const r = await knnShapleyBatch(
      {
        train: x.train,
        trainLabels: x.trainLabels,
        queries: x.queries,
        queryLabels: x.queryLabels,
        k: args.k as number,
      },
      { provider: args.device, log },
    );
    return { method: args.method, scores: withIds(x.ids, r.scores) };
  }
  const x = parseTracinInput(doc);
  const r = await tracinCpBatch(x, { provider: args.device, log });
  return { method: args.method, scores: withIds(x.ids, r.scores) };
}

/**
 * `attribution-replay score`: a researcher's entry to the engine without any chain. Prints the result JSON
 * on stdout (JSON numbers carry every float64 digit); exits 2 with one line on stderr for bad input.
 */
export async function scoreCommand(argv: readonly string[]): Promise<number> {
  try {
    const args = parseScoreArgs(argv);
    let text: string;
    try {
      text = await readFile(args.input, 'utf8');
    } catch (e) {
      throw new UserError(`cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new UserError(`${args.input} is not JSON: ${(e as Error).message.split('\n')[0]}`);
    }
    const out = await scoreDocument(args, doc, (l) => process.stderr.write(`${l}\n`));
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (e) {
    const msg = e instanceof BaseError ? e.shortMessage : (e as Error).message;
    process.stderr.write(`score: ${msg.split('\n')[0]}\n`);
    return e instanceof UserError ? 2 : 1;
  }
}
