import { describe, expect, it } from 'vitest';
import { detectionExperiment, poisonedTrainingSet } from './detection.js';

describe('mislabel detectors on real mail (issue 19)', () => {
  it('flips exactly the planned share of contributor 0, and nobody else', () => {
    const { train, flipped } = poisonedTrainingSet({
      trainSize: 500,
      contributors: 5,
      flipShare: 0.2,
      seed: 3,
    });
    expect(train).toHaveLength(500);
    expect(flipped.size).toBe(20);
    for (const i of flipped) expect(i % 5).toBe(0);
  });

  it('self-influence and knn against a validation set on features find the flips; the mean TracIn score is weaker', async () => {
    const r = await detectionExperiment({
      trainSize: 1000,
      queries: 150,
      validation: 150,
      contributors: 5,
      flipShare: 0.15,
      k: 10,
      seed: 7,
    });
    console.log(JSON.stringify(r));
    expect(r.flipped).toBe(30);
    const a = r.auc;
    expect(a['tracin self-influence (high)']).toBeGreaterThan(0.85);
    expect(a['training loss (high)']).toBeGreaterThan(0.85);
    expect(a['knn-shapley features, validation (low)']).toBeGreaterThan(0.9);
    // the paper's detector beats the validation's old one (mean score over queries)
    expect(a['tracin self-influence (high)']).toBeGreaterThan(a['tracin-cp mean over queries (low)']);
    expect(a['knn-shapley features, validation (low)']).toBeGreaterThan(
      a['knn-shapley embedding, validation (low)'],
    );
  });
});
