import {
  decodeModelEvaluation,
  embed,
  encodeValidationSet,
  parseTrainingConfig,
  sha256Hex,
} from '@ae/attribution-replay';
import { describe, expect, it } from 'vitest';
import { loadSpamCorpus, splitHeldOut } from './corpus.js';
import { accuracy, featureMatrix } from './evaluate.js';
import { mlpForward } from './mlp.js';
import { fineTune, trainModel } from './train.js';

const corpus = loadSpamCorpus();
const { train, heldOut } = splitHeldOut(corpus, 0.2, 11);
const examples = train.map((m) => ({ text: m.text, label: m.label }));
const held = heldOut.map((m) => ({ text: m.text, label: m.label }));

describe('Model Factory on SpamAssassin', () => {
  it('loads the real corpus: ~6,046 messages, ham and spam', () => {
    expect(corpus.length).toBe(6046);
    expect(corpus.filter((m) => m.label === 1).length).toBe(1896);
    expect(new Set(corpus.map((m) => m.group))).toEqual(
      new Set(['easy-ham-1', 'easy-ham-2', 'hard-ham-1', 'spam-1', 'spam-2']),
    );
  });

  const base = trainModel({ examples: examples.slice(0, 3000), seed: 3, checkpointSteps: [20, 60] });

  it('trains a spam classifier that is clearly good on held-out mail (> 90%)', () => {
    const acc = accuracy(base, held);
    console.log(`held-out accuracy base model (3000 train, ${held.length} held out): ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThan(0.9);
  });

  it('records its held-out evaluation in the training config the chain names (when given a set)', () => {
    const small = examples.slice(0, 300);
    const plain = trainModel({ examples: small, seed: 5, config: { epochs: 1 } });
    expect(decodeModelEvaluation(plain.trainingConfigBytes)).toBeNull();
    const judged = trainModel({ examples: small, seed: 5, config: { epochs: 1 }, evaluation: held });
    // the same model (weights), a config that also carries the figure
    expect(judged.checkpoints.at(-1)!.hash).toBe(plain.checkpoints.at(-1)!.hash);
    const e = decodeModelEvaluation(judged.trainingConfigBytes);
    expect(e).not.toBeNull();
    expect(e!.accuracy).toBeCloseTo(accuracy(judged, held), 6);
    expect(e!.messages).toBe(held.length);
    expect(e!.predicted.reduce((a, b) => a + b, 0)).toBe(held.length);
    const spam = held.filter((m) => m.label === 1).length;
    expect(e!.majorityRate).toBeCloseTo(Math.max(spam, held.length - spam) / held.length, 6);
    expect(e!.set).toBe(sha256Hex(encodeValidationSet(held)));
  });

  it('takes checkpoints at the chosen steps (and the last) with their learning rates', () => {
    expect(base.checkpoints.map((c) => c.step)).toEqual([20, 60, base.steps]);
    expect(base.checkpoints[0].learningRate).toBe(0.1);
    expect(base.checkpoints.at(-1)!.learningRate).toBeLessThan(0.1);
    for (const c of base.checkpoints) expect(c.hash).toBe(sha256Hex(c.onnx));
  });

  it('is deterministic: same data and seed give the same checkpoint bytes; another seed differs', () => {
    const small = examples.slice(0, 300);
    const a = trainModel({ examples: small, seed: 5, config: { epochs: 1 } });
    const b = trainModel({ examples: small, seed: 5, config: { epochs: 1 } });
    const c = trainModel({ examples: small, seed: 6, config: { epochs: 1 } });
    expect(a.checkpoints.at(-1)!.hash).toBe(b.checkpoints.at(-1)!.hash);
    expect(a.trainingConfigHash).toBe(b.trainingConfigHash);
    expect(c.checkpoints.at(-1)!.hash).not.toBe(a.checkpoints.at(-1)!.hash);
  });

  it('ONNX Runtime runs the exported checkpoint as the TypeScript forward pass does (within 1e-5)', async () => {
    const f = featureMatrix(
      base,
      held.slice(0, 300).map((e) => e.text),
    );
    for (const c of base.checkpoints) {
      const ts = mlpForward(c.weights, f);
      const ort = await embed(c.onnx, f);
      expect(ort.embedding.cols).toBe(16);
      expect(ort.probs.cols).toBe(2);
      let worst = 0;
      for (let i = 0; i < ts.embedding.data.length; i++)
        worst = Math.max(worst, Math.abs(ts.embedding.data[i] - ort.embedding.data[i]));
      for (let i = 0; i < ts.probs.data.length; i++)
        worst = Math.max(worst, Math.abs(ts.probs.data[i] - ort.probs.data[i]));
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('puts the featurizer in the training config the replay reads back', () => {
    const cfg = parseTrainingConfig(base.trainingConfigBytes);
    expect(cfg.featurizer).toEqual(base.featurizer);
    expect(sha256Hex(base.trainingConfigBytes)).toBe(base.trainingConfigHash);
  });

  it('fine-tunes the model on further data, keeping its featurizer and recording its base', () => {
    const ft = fineTune(base, {
      examples: examples.slice(3000, 4000),
      seed: 4,
      config: { freezeFirstLayer: true },
    });
    const acc = accuracy(ft, held);
    console.log(`held-out accuracy fine-tuned adapter (+1000 train): ${acc.toFixed(4)}`);
    expect(acc).toBeGreaterThan(0.9);
    expect(ft.featurizer).toBe(base.featurizer);
    expect(ft.weights.w1).toEqual(base.weights.w1); // adapter: first layer frozen
    expect((ft.trainingConfig.base as { trainingConfigHash: string }).trainingConfigHash).toBe(
      base.trainingConfigHash,
    );
  });
});
