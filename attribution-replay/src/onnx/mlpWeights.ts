import { UserError } from '@ae/core/errors';
import { DataType, modelProto } from './onnxSchema.js';

/** The Model Factory's MLP as weights: y = x·W + b per layer, row-major [in, out], ReLU, ReLU, softmax. */
export interface MlpCheckpointWeights {
  /** [features, hidden, embedding, classes] */
  dims: [number, number, number, number];
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  w3: Float32Array;
  b3: Float32Array;
}

/** The graph an MLP checkpoint must have, op by op (exportOnnx's): anything else is not differentiable here. */
const GRAPH: [string, string[], string[]][] = [
  ['MatMul', ['features', 'w1'], ['z1']],
  ['Add', ['z1', 'b1'], ['z1b']],
  ['Relu', ['z1b'], ['a1']],
  ['MatMul', ['a1', 'w2'], ['z2']],
  ['Add', ['z2', 'b2'], ['z2b']],
  ['Relu', ['z2b'], ['embedding']],
  ['MatMul', ['embedding', 'w3'], ['z3']],
  ['Add', ['z3', 'b3'], ['logits']],
  ['Softmax', ['logits'], ['probs']],
];

interface TensorMsg {
  name: string;
  dims: (number | { toNumber(): number })[];
  data_type: number;
  raw_data: Uint8Array;
}

/**
 * Reads the weights of an MLP checkpoint from its ONNX bytes (the chain's artifact). Why: methods that need
 * the gradient w.r.t. every parameter (trak@1) differentiate exactly the posted model, so its weights are
 * taken from the bytes and the graph is checked to be the MLP whose gradient they compute.
 */
export function readMlpWeights(onnx: Uint8Array): MlpCheckpointWeights {
  const T = modelProto();
  let msg: {
    graph?: { node?: { op_type: string; input: string[]; output: string[] }[]; initializer?: TensorMsg[] };
  };
  try {
    msg = T.toObject(T.decode(onnx), { defaults: true, arrays: true }) as typeof msg;
  } catch (e) {
    throw new UserError('checkpoint is not an ONNX model', { cause: e });
  }
  const nodes = msg.graph?.node ?? [];
  const same =
    nodes.length === GRAPH.length &&
    nodes.every(
      (n, i) =>
        n.op_type === GRAPH[i][0] &&
        n.input.join() === GRAPH[i][1].join() &&
        n.output.join() === GRAPH[i][2].join(),
    );
  if (!same) throw new UserError('checkpoint is not the Model Factory MLP (features → w1 … b3 → softmax)');
  const init = new Map((msg.graph?.initializer ?? []).map((t) => [t.name, t]));
  const tensor = (name: string, rank: number): { dims: number[]; data: Float32Array } => {
    const t = init.get(name);
    if (!t || t.data_type !== DataType.FLOAT || t.dims.length !== rank)
      throw new UserError(
        `checkpoint initializer ${name} is missing or not a float32 tensor of rank ${rank}`,
      );
    const dims = t.dims.map((d) => (typeof d === 'number' ? d : d.toNumber()));
    const n = dims.reduce((a, b) => a * b, 1);
    if (t.raw_data.byteLength !== n * 4)
      throw new UserError(`checkpoint initializer ${name} has the wrong size`);
    const data = new Float32Array(n);
    new Uint8Array(data.buffer).set(t.raw_data);
    return { dims, data };
  };
  const w1 = tensor('w1', 2);
  const w2 = tensor('w2', 2);
  const w3 = tensor('w3', 2);
  const [d, h] = w1.dims;
  const [h2, e] = w2.dims;
  const [e2, c] = w3.dims;
  const b1 = tensor('b1', 1);
  const b2 = tensor('b2', 1);
  const b3 = tensor('b3', 1);
  if (h2 !== h || e2 !== e || b1.dims[0] !== h || b2.dims[0] !== e || b3.dims[0] !== c)
    throw new UserError('checkpoint layer shapes do not chain');
  return { dims: [d, h, e, c], w1: w1.data, b1: b1.data, w2: w2.data, b2: b2.data, w3: w3.data, b3: b3.data };
}

/** Number of parameters = rows of a full-network gradient: D·H + H + H·E + E + E·C + C. */
export function parameterCount(dims: MlpCheckpointWeights['dims']): number {
  const [d, h, e, c] = dims;
  return d * h + h + h * e + e + e * c + c;
}
