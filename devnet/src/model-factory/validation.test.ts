import { describe, expect, it } from 'vitest';
import { poisonExperiment, rocAuc } from './validation.js';

describe('validation on real data: a contributor flips labels', () => {
  it('rocAuc is the Mann-Whitney statistic (ties count half)', () => {
    expect(rocAuc([3, 2, 1, 0], [true, true, false, false])).toBe(1);
    expect(rocAuc([0, 1, 2, 3], [true, true, false, false])).toBe(0);
    expect(rocAuc([1, 1, 1, 1], [true, false, true, false])).toBe(0.5);
  });

  it('knn-shapley ranks flipped contributions low; both methods are far from a random scorer', async () => {
    const r = await poisonExperiment({
      trainSize: 1000,
      queries: 150,
      contributors: 5,
      flipShare: 0.15,
      k: 10,
      topK: 16,
      seed: 7,
    });
    console.log(JSON.stringify(r));
    expect(r.flipped).toBe(30);
    // a broken knn-shapley (wrong order, wrong labels, random) sits near 0.5. knn-shapley@2 on the features
    // starves the flipped data (3 % of it); @1 on embeddings learnt from the noisy labels no longer does with
    // the 12-epoch trainer (AUC 0.77, 4.6 % of the ppm at seed 7): the point, kept visible here
    expect(r.methods['knn-shapley@2'].auc).toBeGreaterThan(0.85);
    expect(r.methods['knn-shapley@2'].flippedShare).toBeLessThan(0.02);
    expect(r.methods['knn-shapley@1'].auc).toBeGreaterThan(0.7);
    // last-layer TracIn credits flipped data by its loss magnitude (its mean score ranks them high, see
    // BENCHMARKS.md): not a detector by low mean score, but certainly not random either
    expect(Math.abs(r.methods['tracin-cp@1'].auc - 0.5)).toBeGreaterThan(0.05);
  });
});
