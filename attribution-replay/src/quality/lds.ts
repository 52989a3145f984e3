import { UserError } from '@ae/core/errors';

/** Ranks 1..n with ties sharing their average rank (the Spearman convention). */
export function averageRanks(xs: readonly number[]): number[] {
  const idx = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && xs[idx[j + 1]] === xs[idx[i]]) j++;
    for (let t = i; t <= j; t++) r[idx[t]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation (Pearson on average ranks); NaN when either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new UserError('spearman needs two series of equal length');
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (ra[i] - ma) * (rb[i] - mb);
    saa += (ra[i] - ma) ** 2;
    sbb += (rb[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? Number.NaN : sab / Math.sqrt(saa * sbb);
}

/**
 * The linear datamodeling score (Park et al. 2023, TRAK §2): for subsets S_1…S_m of the training set,
 * the method predicts test example j's output on a model trained on S_s as Σ_{i∈S_s} τ_j(i); LDS is the
 * Spearman correlation, over the subsets, of those predictions with the outputs actually measured
 * (averaged over retrains), averaged over the test examples (those where either side is constant are
 * skipped, and counted in `skipped`).
 * @param scores τ: one row per test example, one score per training point
 * @param subsets the training indices of each subset
 * @param actual actual[s][j]: the measured output of test j on the models trained on subset s
 */
export function linearDatamodelingScore(
  scores: readonly ArrayLike<number>[],
  subsets: readonly (readonly number[])[],
  actual: readonly (readonly number[])[],
): { lds: number; perTest: number[]; skipped: number } {
  if (actual.length !== subsets.length) throw new UserError('one row of actual outputs per subset');
  const perTest: number[] = [];
  let skipped = 0;
  scores.forEach((tau, j) => {
    const predicted = subsets.map((s) => s.reduce((acc, i) => acc + tau[i], 0));
    const measured = actual.map((row) => {
      if (row.length !== scores.length) throw new UserError('one actual output per test example');
      return row[j];
    });
    const rho = spearman(predicted, measured);
    if (Number.isNaN(rho)) skipped++;
    else perTest.push(rho);
  });
  const lds = perTest.length ? perTest.reduce((a, b) => a + b, 0) / perTest.length : Number.NaN;
  return { lds, perTest, skipped };
}
