import type { TracinInput } from './tracinCp.js';
import { logitGradient } from './tracinCp.js';

/**
 * TracIn self-influence (Pruthi et al. 2020, §4, the paper's mislabel detector): for each training point,
 * Σ_c η_c ‖∇_θ ℓ(z_i)‖² over the checkpoints, with tracin-cp@1's last-layer gradient g = (p − e_y) ⊗ [h; 1],
 * so ‖g‖² = ‖p − e_y‖² · (‖h‖² + 1). High self-influence = hard or mislabelled. Only the training side of
 * the checkpoints is read.
 */
export function selfInfluence(input: Pick<TracinInput, 'trainLabels' | 'checkpoints'>): Float64Array {
  const n = input.trainLabels.length;
  const out = new Float64Array(n);
  for (const c of input.checkpoints) {
    const g = logitGradient(c.train.probs, input.trainLabels);
    const h = c.train.embeddings;
    for (let i = 0; i < n; i++) {
      let gg = 0;
      for (let j = 0; j < g.cols; j++) gg += g.data[i * g.cols + j] ** 2;
      let hh = 1;
      for (let j = 0; j < h.cols; j++) hh += h.data[i * h.cols + j] ** 2;
      out[i] += c.lr * gg * hh;
    }
  }
  return out;
}
