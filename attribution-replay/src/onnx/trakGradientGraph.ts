import { buildModel, type OnnxNode } from './buildModel.js';
import { DataType } from './onnxSchema.js';

const F64 = DataType.DOUBLE;
const I64 = DataType.INT64;
const ints = (name: string, ...v: bigint[]) => ({
  name,
  type: I64,
  dims: [v.length],
  data: BigInt64Array.of(...v),
});

/** outer(a [N,A], d [N,B]) flattened row-major to [N, A·B]: the per-example gradient of a weight matrix. */
function outer(a: string, d: string, out: string): OnnxNode[] {
  return [
    { op: 'Unsqueeze', inputs: [a, 'ax2'], outputs: [`${out}_a`] },
    { op: 'Unsqueeze', inputs: [d, 'ax1'], outputs: [`${out}_d`] },
    { op: 'Mul', inputs: [`${out}_a`, `${out}_d`], outputs: [`${out}_ad`] },
    { op: 'Reshape', inputs: [`${out}_ad`, 'flat'], outputs: [out] },
  ];
}

/**
 * trak@1's per-example gradients, float64, for a block of examples: the gradient of the margin
 * f(x, y) = z_y − log Σ_{j≠y} e^{z_j} (z = logits) w.r.t. every parameter of the Model Factory MLP
 * (order w1, b1, w2, b2, w3, b3, each row-major), multiplied by the sign matrix `s` [P,K], and the
 * out-to-loss weight q = 1 − p_y. Inputs: `x` [N,D], one-hot `y` [N,C], the weights, `s`; outputs
 * `phi` [N,K] (unscaled: the caller divides by √K) and `q` [N,1]. The network's own forward pass is
 * recomputed here in float64 from the checkpoint's float32 weights (exact widening).
 */
export function trakGradientGraph(): Uint8Array {
  const w = (name: string, shape: (string | number)[]) => ({ name, type: F64, shape });
  return buildModel({
    name: 'trak_gradients_f64',
    inputs: [
      w('x', ['N', 'D']),
      w('y', ['N', 'C']),
      w('w1', ['D', 'H']),
      w('b1', ['H']),
      w('w2', ['H', 'E']),
      w('b2', ['E']),
      w('w3', ['E', 'C']),
      w('b3', ['C']),
      w('s', ['P', 'K']),
    ],
    outputs: [w('phi', ['N', 'K']), w('q', ['N', 1])],
    initializers: [
      ints('ax1', 1n),
      ints('ax2', 2n),
      ints('flat', 0n, -1n),
      { name: 'one', type: F64, dims: [], data: Float64Array.of(1) },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'w1'], outputs: ['z1'] },
      { op: 'Add', inputs: ['z1', 'b1'], outputs: ['z1b'] },
      { op: 'Relu', inputs: ['z1b'], outputs: ['a1'] },
      { op: 'Sign', inputs: ['a1'], outputs: ['m1'] },
      { op: 'MatMul', inputs: ['a1', 'w2'], outputs: ['z2'] },
      { op: 'Add', inputs: ['z2', 'b2'], outputs: ['z2b'] },
      { op: 'Relu', inputs: ['z2b'], outputs: ['a2'] },
      { op: 'Sign', inputs: ['a2'], outputs: ['m2'] },
      { op: 'MatMul', inputs: ['a2', 'w3'], outputs: ['z3'] },
      { op: 'Add', inputs: ['z3', 'b3'], outputs: ['lg'] },
      { op: 'ReduceMax', inputs: ['lg'], outputs: ['mx'], attrs: { axes: [1], keepdims: 1 } },
      { op: 'Sub', inputs: ['lg', 'mx'], outputs: ['lgs'] },
      { op: 'Exp', inputs: ['lgs'], outputs: ['ex'] },
      { op: 'ReduceSum', inputs: ['ex', 'ax1'], outputs: ['se'], attrs: { keepdims: 1 } },
      { op: 'Div', inputs: ['ex', 'se'], outputs: ['prob'] },
      { op: 'Mul', inputs: ['prob', 'y'], outputs: ['py_'] },
      { op: 'ReduceSum', inputs: ['py_', 'ax1'], outputs: ['py'], attrs: { keepdims: 1 } },
      { op: 'Sub', inputs: ['one', 'py'], outputs: ['q'] },
      // ∂f/∂z = y − softmax over the other classes
      { op: 'Sub', inputs: ['one', 'y'], outputs: ['ny'] },
      { op: 'Mul', inputs: ['ex', 'ny'], outputs: ['eo'] },
      { op: 'ReduceSum', inputs: ['eo', 'ax1'], outputs: ['so'], attrs: { keepdims: 1 } },
      { op: 'Div', inputs: ['eo', 'so'], outputs: ['po'] },
      { op: 'Sub', inputs: ['y', 'po'], outputs: ['d3'] },
      { op: 'Transpose', inputs: ['w3'], outputs: ['w3t'] },
      { op: 'MatMul', inputs: ['d3', 'w3t'], outputs: ['d2r'] },
      { op: 'Mul', inputs: ['d2r', 'm2'], outputs: ['d2'] },
      { op: 'Transpose', inputs: ['w2'], outputs: ['w2t'] },
      { op: 'MatMul', inputs: ['d2', 'w2t'], outputs: ['d1r'] },
      { op: 'Mul', inputs: ['d1r', 'm1'], outputs: ['d1'] },
      ...outer('x', 'd1', 'gw1'),
      ...outer('a1', 'd2', 'gw2'),
      ...outer('a2', 'd3', 'gw3'),
      { op: 'Concat', inputs: ['gw1', 'd1', 'gw2', 'd2', 'gw3', 'd3'], outputs: ['g'], attrs: { axis: 1 } },
      { op: 'MatMul', inputs: ['g', 's'], outputs: ['phi'] },
    ],
  });
}
