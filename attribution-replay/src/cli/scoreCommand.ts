import { readFile } from 'node:fs/promises';
import { BaseError, UserError } from '@ae/core/errors';
import { createMethodRunner } from '../methods/methodRunner.js';
import type { ProviderChoice } from '../onnx/session.js';
import { knnShapleyBatch } from '../poa/knnShapleyBatch.js';
import { tracinCpBatch } from '../poa/tracinCp.js';
import { parseBundle } from './scoreBundle.js';
import { parseKnnInput, parseTracinInput, type ScoreId } from './scoreInput.js';

/** The methods `score` knows: the replay's one registry (methods/methodRunner.ts), never a list of its own. */
export function scoreMethods(): readonly string[] {
  return createMethodRunner('cpu', undefined, 0).methods;
}

/** Methods that also take exported embeddings (`--input`), besides a replay bundle (`--bundle`). */
const EMBEDDING_INPUT = ['knn-shapley@1', 'tracin-cp@1'];

export const SCORE_USAGE = `usage: attribution-replay score --method METHOD --bundle FILE | --method knn-shapley@1 --k K --input FILE | --method tracin-cp@1 --input FILE [--device cpu|cuda|auto]
  METHOD: ${scoreMethods().join(', ')}`;

export interface ScoreArgs {
  method: string;
  k?: number;
  /** Exported embeddings (knn-shapley@1, tracin-cp@1) … */
  input?: string;
  /** … or a replay bundle with every artifact inline (any registered method). */
  bundle?: string;
  device: ProviderChoice;
}

/** Parses `score`'s command line; any problem is a UserError (printed as one line). */
export function parseScoreArgs(argv: readonly string[]): ScoreArgs {
  const opts: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(method|k|input|bundle|device)(?:=(.*))?$/.exec(a);
    if (!m) throw new UserError(`unexpected argument ${JSON.stringify(a).slice(0, 60)}`);
    const v = m[2] ?? argv[++i];
    if (v === undefined) throw new UserError(`--${m[1]} needs a value`);
    opts[m[1]] = v;
  }
  const methods = scoreMethods();
  if (!methods.includes(opts.method)) throw new UserError(`--method must be one of ${methods.join(', ')}`);
  const device = (opts.device ?? 'cpu') as ProviderChoice;
  if (!['cpu', 'cuda', 'auto'].includes(device)) throw new UserError('--device must be cpu, cuda or auto');
  if (opts.bundle !== undefined) {
    if (opts.input !== undefined || opts.k !== undefined)
      throw new UserError('--bundle carries the parameters and inputs: no --input or --k with it');
    return { method: opts.method, bundle: opts.bundle, device };
  }
  if (!EMBEDDING_INPUT.includes(opts.method))
    throw new UserError(`${opts.method} scores a replay bundle: --bundle FILE`);
  if (!opts.input) throw new UserError('--input FILE (or --bundle FILE) is required');
  if (opts.method === 'tracin-cp@1') {
    if (opts.k !== undefined) throw new UserError('--k applies to knn-shapley@1 only');
    return { method: opts.method, input: opts.input, device };
  }
  if (opts.k === undefined) throw new UserError('--k K is required for knn-shapley@1');
  if (!/^[0-9]+$/.test(opts.k) || Number(opts.k) < 1 || !Number.isSafeInteger(Number(opts.k)))
    throw new UserError(`--k must be an integer ≥ 1, got ${JSON.stringify(opts.k).slice(0, 40)}`);
  return { method: opts.method, k: Number(opts.k), input: opts.input, device };
}

export interface ScoreOutput {
  method: string;
  scores: { id: ScoreId; score: number }[][];
  /** Bundles only: the parameters' hash and, per query, the posting the replay would verify. */
  paramsHash?: string;
  postings?: { resultHash: string; top: { contributionId: string; weightPpm: number; score: number }[] }[];
}

/** Scores a parsed input file or bundle; the JSON the CLI prints (scores per query in training order). */
export async function scoreDocument(
  args: Omit<ScoreArgs, 'input' | 'bundle'> & { bundle?: unknown },
  doc: unknown,
  log?: (l: string) => void,
): Promise<ScoreOutput> {
  const withIds = (ids: ScoreId[], rows: ArrayLike<number>[]) =>
    rows.map((r) => Array.from(r, (score, i) => ({ id: ids[i], score })));
  if (args.bundle !== undefined) {
    const input = parseBundle(doc, args.method);
    const recs = await createMethodRunner(args.device, log, 0).run(input);
    return {
      method: args.method,
      paramsHash: input.paramsHash,
      scores: recs.map((r) => withIds(r.ids, [r.scores])[0]),
      postings: recs.map((r) => ({ resultHash: r.resultHash, top: r.top })),
    };
  }
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
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${SCORE_USAGE}\n`);
    return 0;
  }
  try {
    const args = parseScoreArgs(argv);
    const file = (args.bundle ?? args.input) as string;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new UserError(`${file} is not JSON: ${(e as Error).message.split('\n')[0]}`);
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
