import { mlpCheckpointOnnx } from '@ae/attribution-replay';
import type { MlpWeights } from './mlp.js';

/**
 * A checkpoint as ONNX: the replay's one definition of the MLP graph (mlpCheckpointOnnx), so the bytes the
 * chain hashes are the graph the replay reads back and differentiates (trak@1).
 */
export function exportOnnx(w: MlpWeights): Uint8Array {
  return mlpCheckpointOnnx(w);
}
