import { createHash } from 'node:crypto';
import { ArtifactMalformedError } from '../../artifacts/ArtifactStore.js';
import { sha256Hex } from '../../artifacts/sha256.js';
import type { MethodRunner, Recomputation, RunnerInput } from '../../verify/replayPorts.js';
import { buildCorpusIndex, type CorpusIndex, encodeCorpusIndex } from './corpusIndex.js';
import { spanMatch } from './spanMatch.js';
import { parseSpanMatchParams, SPAN_MATCH_METHOD } from './spanParams.js';
import { decodeContributionText, decodeGeneratedOutput, parseTextModelConfig } from './textModelFormats.js';

/**
 * Replays span-match@1 from artifact bytes: rebuilds the words@1 index of the model's training
 * contributions (training order), requires the posted checkpoint to be exactly those bytes (else the
 * checkpoint is malformed evidence: UNVERIFIABLE), then matches every posted generated output against it.
 * Pure CPU, integer arithmetic: the device is always the canonical one.
 */
export class SpanMatchRunner implements MethodRunner {
  readonly methods = [SPAN_MATCH_METHOD];
  readonly device = 'cpu';
  private readonly cache = new Map<string, CorpusIndex>();

  /** @param cacheModels rebuilt indexes kept between calls (the worker's batches revisit few models). */
  constructor(private readonly cacheModels = 4) {}

  async run(input: RunnerInput): Promise<Recomputation[]> {
    const params = parse(input.params);
    parseTextModelConfig(input.trainingConfig);
    const index = this.index(input);
    return input.queries.map((q) => spanMatch(index, decodeGeneratedOutput(q.output), params));
  }

  private index(input: RunnerInput): CorpusIndex {
    const last = [...input.checkpoints].sort((a, b) => a.step - b.step).at(-1);
    if (!last) throw new ArtifactMalformedError('none', 'span index checkpoint (the model posted none)');
    const h = createHash('sha256').update(last.hash);
    for (const t of input.train) h.update(`${t.contributionId}:`).update(t.content);
    const key = h.digest('hex');
    const hit = this.cache.get(key);
    if (hit) return hit;
    const index = buildCorpusIndex(
      input.train.map((t) => ({ contributionId: t.contributionId, text: decodeContributionText(t.content) })),
    );
    const rebuilt = encodeCorpusIndex(index);
    if (rebuilt.hash !== sha256Hex(last.onnx))
      throw new ArtifactMalformedError(
        sha256Hex(last.onnx),
        `span index checkpoint: not the words@1 index of the model's ${input.train.length} training contributions (rebuilt ${rebuilt.hash})`,
      );
    if (this.cacheModels > 0) {
      this.cache.set(key, index);
      while (this.cache.size > this.cacheModels) this.cache.delete(this.cache.keys().next().value as string);
    }
    return index;
  }
}

function parse(bytes: Uint8Array) {
  try {
    return parseSpanMatchParams(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(bytes), 'span-match@1 parameter set', e);
  }
}
