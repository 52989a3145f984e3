import { createMethodRunner, decodeGeneratedOutput, MemoryArtifactStore } from '@ae/attribution-replay';
import { describe, expect, it } from 'vitest';
import { loadSpamCorpus } from '../model-factory/corpus.js';
import { bindTextEngine, isTextHandle, SPAN_MIN_LENGTH } from './textEngineBinding.js';

describe('the scenario engine for the ∞-gram text model', () => {
  it('trains on SpamAssassin mails, generates continuations and posts span-match@1 shares that quote them', async () => {
    const corpus = loadSpamCorpus();
    const train = corpus.slice(0, 40).map((m, i) => ({ contributionId: BigInt(100 + i), message: m }));
    const heldOut = corpus.slice(3000, 3012);
    const store = new MemoryArtifactStore();
    const engine = bindTextEngine(store, createMethodRunner('cpu'));
    const model = await engine.train(train);
    expect(model.checkpoints).toHaveLength(1);
    expect(await store.has(model.checkpoints[0].hash)).toBe(true);
    if (!isTextHandle(model.handle)) throw new Error('not a text model');
    const acc = engine.accuracy(model.handle, heldOut);
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    const queries = await engine.infer(model.handle, heldOut);
    const texts = queries.map((q) => decodeGeneratedOutput(q.output));
    expect(texts.some((t) => t.length > 0)).toBe(true);
    const postings = await engine.attribute(model.handle, queries, 8);
    const quoted = postings.filter((p) => p.top.length > 0);
    expect(quoted.length).toBeGreaterThan(0);
    for (const p of quoted) {
      expect(p.top.reduce((a, t) => a + t.weightPpm, 0)).toBeLessThanOrEqual(1_000_000);
      const result = JSON.parse(new TextDecoder().decode(p.resultBytes));
      expect(result.kind).toBe('span-match-result@1');
      expect(result.spans.every((s: { length: number }) => s.length >= SPAN_MIN_LENGTH)).toBe(true);
      // every credited contribution contains one of the spans
      const inSpans = new Set(result.spans.flatMap((s: { contributions: string[] }) => s.contributions));
      for (const t of p.top) expect(inSpans.has(t.contributionId.toString())).toBe(true);
    }
  });
});
