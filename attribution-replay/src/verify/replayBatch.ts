import type { Hex } from 'viem';
import type { ModelFacts, PostingFacts } from './replayCase.js';
import type {
  ArtifactProblem,
  ArtifactSource,
  Compare,
  MethodRunner,
  Recomputation,
  RunnerInput,
} from './replayPorts.js';
import type { Verdict } from './verdict.js';

export interface ReplayDeps {
  artifacts: ArtifactSource;
  runner: MethodRunner;
  compare: Compare;
  /** Classifies a failed artifact read; undefined = not an artifact fault (rethrown, the job retries). */
  artifactProblem: (e: unknown) => ArtifactProblem | undefined;
  tolerancePpm: number;
}

/** An artifact that could not be used: every attribution depending on it is UNVERIFIABLE, naming it. */
class ArtifactFault {
  constructor(
    readonly role: string,
    readonly hash: string,
    readonly problem: ArtifactProblem,
  ) {}
}

/**
 * Replays the attributions of ONE model: loads and checks the model's artifacts once (checkpoints, training
 * config, every training contribution), then each posting's own (params, result, input, output), then runs
 * each (method, params) group as one batch. Never VERIFIED on missing evidence: any artifact that is absent,
 * corrupt or malformed makes the attributions that need it UNVERIFIABLE with the artifact's role and hash.
 * Faults that are not the evidence's (database, a crash of the runtime) propagate so the job is retried.
 */
export async function replayModelBatch(
  deps: ReplayDeps,
  model: ModelFacts | undefined,
  postings: PostingFacts[],
): Promise<Verdict[]> {
  const now = () => new Date();
  const base = (p: PostingFacts) => ({
    attributionId: p.attributionId,
    method: p.method,
    device: deps.runner.device,
  });
  const unverifiable = (p: PostingFacts, reason: string, artifact?: ArtifactFault): Verdict => ({
    ...base(p),
    verdict: 'UNVERIFIABLE',
    reason,
    artifact: artifact ? { role: artifact.role, hash: artifact.hash, problem: artifact.problem } : undefined,
    replayedAt: now(),
  });
  const fetch = async (role: string, hash: Hex): Promise<Uint8Array> => {
    try {
      return await deps.artifacts.get(hash);
    } catch (e) {
      const problem = deps.artifactProblem(e);
      if (problem) throw new ArtifactFault(role, hash, problem);
      throw e;
    }
  };
  const describe = (f: ArtifactFault) =>
    `${f.role} artifact ${f.hash} is ${f.problem === 'missing' ? 'missing from the store' : f.problem === 'hash-mismatch' ? 'corrupt (its bytes do not hash to the on-chain sha256)' : 'malformed'}`;

  if (!model)
    return postings.map((p) => ({
      ...unverifiable(p, `model ${postings[0]?.modelId} is not indexed`),
      indexGap: true,
    }));
  const known = postings.filter((p) => deps.runner.methods.includes(p.method));
  const verdicts: Verdict[] = postings
    .filter((p) => !deps.runner.methods.includes(p.method))
    .map((p) =>
      unverifiable(p, `unknown method "${p.method}" (this replay knows ${deps.runner.methods.join(', ')})`),
    );
  if (known.length === 0) return verdicts;
  if (model.checkpoints.length === 0)
    return [
      ...verdicts,
      ...known.map((p) => unverifiable(p, `model ${model.modelId} has no posted checkpoints`)),
    ];

  // the model's shared evidence, fetched once for the batch
  let shared: Pick<RunnerInput, 'trainingConfig' | 'checkpoints' | 'train'>;
  try {
    const trainingConfig = await fetch('training config', model.trainingConfigHash);
    const checkpoints = [];
    for (const c of model.checkpoints) {
      checkpoints.push({
        step: c.step,
        learningRate: Number(c.learningRateWad) / 1e18,
        onnx: await fetch(`checkpoint (model ${model.modelId}, step ${c.step})`, c.hash),
        hash: c.hash,
      });
    }
    const train = [];
    for (const t of model.training)
      train.push({
        contributionId: t.contributionId,
        content: await fetch(`contribution ${t.contributionId}`, t.contentHash),
      });
    shared = { trainingConfig, checkpoints, train };
  } catch (e) {
    if (!(e instanceof ArtifactFault)) throw e;
    return [...verdicts, ...known.map((p) => unverifiable(p, describe(e), e))];
  }

  // each posting's own evidence; group the ready ones by (method, params)
  const groups = new Map<
    string,
    {
      params: Uint8Array;
      items: { p: PostingFacts; input: Uint8Array; output: Uint8Array; result: Uint8Array }[];
    }
  >();
  for (const p of known) {
    try {
      const params = await fetch('params', p.paramsHash);
      const result = await fetch('result', p.resultHash);
      const input = await fetch(`inference ${p.inferenceId} input`, p.inputHash);
      const output = await fetch(`inference ${p.inferenceId} output`, p.outputHash);
      const key = `${p.method}|${p.paramsHash}`;
      const g = groups.get(key) ?? { params, items: [] };
      g.items.push({ p, input, output, result });
      groups.set(key, g);
    } catch (e) {
      if (!(e instanceof ArtifactFault)) throw e;
      verdicts.push(unverifiable(p, describe(e), e));
    }
  }
  for (const [key, g] of groups) {
    const method = key.slice(0, key.indexOf('|'));
    const run = (items: typeof g.items) =>
      deps.runner.run({
        method,
        params: g.params,
        ...shared,
        queries: items.map((i) => ({ input: i.input, output: i.output })),
        artifact: (hash: Hex) => deps.artifacts.get(hash),
      });
    let out: (Recomputation | undefined)[];
    try {
      out = await run(g.items);
    } catch (e) {
      if (!deps.artifactProblem(e)) throw e;
      // one malformed input must not sink the batch: replay the group's postings one by one
      out = [];
      for (const i of g.items) {
        try {
          out.push((await run([i]))[0]);
        } catch (e1) {
          const problem = deps.artifactProblem(e1);
          if (!problem) throw e1;
          const fault = new ArtifactFault(
            'replay input',
            (e1 as { hash?: string }).hash ?? 'unknown',
            problem,
          );
          verdicts.push(
            unverifiable(
              i.p,
              `the evidence could not be replayed: ${(e1 as Error).message.split('\n')[0]}`,
              fault,
            ),
          );
          out.push(undefined);
        }
      }
    }
    g.items.forEach((i, n) => {
      const rec = out[n];
      if (!rec) return;
      const c = deps.compare(i.p.shares, rec, deps.tolerancePpm);
      // methods whose result carries more than scores (span-match@1's spans) check the posted result too
      const diff = rec.checkResult?.(i.result);
      verdicts.push({
        ...base(i.p),
        verdict: diff ? 'MISMATCH' : c.verdict,
        maxDeviationPpm: c.maxDeviationPpm,
        overCredited: c.overCredited,
        underCredited: c.underCredited,
        recomputed: rec.top,
        rows: c.rows,
        reason: [c.notes, diff?.summary].filter(Boolean).join('; ') || undefined,
        ...(diff ? { resultDiff: diff.details } : {}),
        replayedAt: now(),
      });
    });
  }
  return verdicts;
}
