import { buildModel } from './buildModel.js';
import type { MlpCheckpointWeights } from './mlpWeights.js';
import { DataType } from './onnxSchema.js';

const F32 = DataType.FLOAT;

/**
 * An MLP checkpoint as ONNX (opset 17): input `features` [N, D] float32; outputs `embedding` [N, E] (the
 * penultimate layer the PoA methods use) and `probs` [N, C]. Built programmatically so the same weights
 * always give the same bytes, hence the same checkpoint hash on chain. readMlpWeights reads exactly this
 * graph back (the Model Factory exports through here; trak@1 differentiates it).
 */
export function mlpCheckpointOnnx(w: MlpCheckpointWeights): Uint8Array {
  const [d, h, e, c] = w.dims;
  const init = (name: string, dims: number[], data: Float32Array) => ({ name, type: F32, dims, data });
  return buildModel({
    name: 'mlp_classifier',
    docString: `MLP ${d}-${h}-${e}-${c}, ReLU, softmax`,
    inputs: [{ name: 'features', type: F32, shape: ['N', d] }],
    outputs: [
      { name: 'embedding', type: F32, shape: ['N', e] },
      { name: 'probs', type: F32, shape: ['N', c] },
    ],
    initializers: [
      init('w1', [d, h], w.w1),
      init('b1', [h], w.b1),
      init('w2', [h, e], w.w2),
      init('b2', [e], w.b2),
      init('w3', [e, c], w.w3),
      init('b3', [c], w.b3),
    ],
    nodes: [
      { op: 'MatMul', inputs: ['features', 'w1'], outputs: ['z1'] },
      { op: 'Add', inputs: ['z1', 'b1'], outputs: ['z1b'] },
      { op: 'Relu', inputs: ['z1b'], outputs: ['a1'] },
      { op: 'MatMul', inputs: ['a1', 'w2'], outputs: ['z2'] },
      { op: 'Add', inputs: ['z2', 'b2'], outputs: ['z2b'] },
      { op: 'Relu', inputs: ['z2b'], outputs: ['embedding'] },
      { op: 'MatMul', inputs: ['embedding', 'w3'], outputs: ['z3'] },
      { op: 'Add', inputs: ['z3', 'b3'], outputs: ['logits'] },
      { op: 'Softmax', inputs: ['logits'], outputs: ['probs'], attrs: { axis: -1 } },
    ],
  });
}
