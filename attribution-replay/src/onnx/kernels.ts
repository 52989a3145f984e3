import { buildModel } from './buildModel.js';
import { DataType } from './onnxSchema.js';

const F64 = DataType.DOUBLE;
const I64 = DataType.INT64;
const axis = (name: string, v: bigint) => ({ name, type: I64, dims: [1], data: BigInt64Array.of(v) });

/**
 * Nearest-neighbour order, float64: d = Relu(‖q‖² − 2·q·Xᵀ + ‖x‖²), then TopK(k, smallest, sorted). Inputs
 * `q` [M,E] and `xt` (Xᵀ, [E,N]: passed transposed so no transpose fusion is needed); outputs the k sorted
 * squared distances and their training indices (int32). ONNX TopK breaks ties by the lower index, which is the
 * method's rule (ties by training order); Relu turns cancellation noise below zero into exact zero ties.
 */
export function knnOrderGraph(): Uint8Array {
  return buildModel({
    name: 'knn_order_f64',
    inputs: [
      { name: 'q', type: F64, shape: ['M', 'E'] },
      { name: 'xt', type: F64, shape: ['E', 'N'] },
      { name: 'k', type: I64, shape: [1] },
    ],
    outputs: [
      { name: 'dist2', type: F64, shape: ['M', 'K'] },
      { name: 'order', type: DataType.INT32, shape: ['M', 'K'] },
    ],
    initializers: [axis('ax1', 1n), axis('ax0', 0n)],
    nodes: [
      { op: 'Mul', inputs: ['q', 'q'], outputs: ['qq'] },
      { op: 'ReduceSum', inputs: ['qq', 'ax1'], outputs: ['qn'], attrs: { keepdims: 1 } },
      { op: 'Mul', inputs: ['xt', 'xt'], outputs: ['xx'] },
      { op: 'ReduceSum', inputs: ['xx', 'ax0'], outputs: ['xn'], attrs: { keepdims: 1 } },
      { op: 'MatMul', inputs: ['q', 'xt'], outputs: ['qx'] },
      { op: 'Add', inputs: ['qx', 'qx'], outputs: ['qx2'] },
      { op: 'Sub', inputs: ['qn', 'qx2'], outputs: ['a'] },
      { op: 'Add', inputs: ['a', 'xn'], outputs: ['d'] },
      { op: 'Relu', inputs: ['d'], outputs: ['dr'] },
      {
        op: 'TopK',
        inputs: ['dr', 'k'],
        outputs: ['dist2', 'order64'],
        attrs: { axis: -1, largest: 0, sorted: 1 },
      },
      // int32 indices: no BigInt per element on the TypeScript side (N < 2^31 always here)
      { op: 'Cast', inputs: ['order64'], outputs: ['order'], attrs: { to: DataType.INT32 } },
    ],
  });
}

/**
 * TracIn-CP over stacked checkpoints, float64: Σ_c η_c · (G_q,c · G_t,cᵀ) ⊙ (H_q,c · H_t,cᵀ + 1). Inputs
 * `gq` [C,M,P], `gtt` [C,P,N] (transposed), `hq` [C,M,E], `htt` [C,E,N], `lr` [C,1,1]; output [M,N].
 */
export function tracinGraph(): Uint8Array {
  return buildModel({
    name: 'tracin_cp_f64',
    inputs: [
      { name: 'gq', type: F64, shape: ['C', 'M', 'P'] },
      { name: 'gtt', type: F64, shape: ['C', 'P', 'N'] },
      { name: 'hq', type: F64, shape: ['C', 'M', 'E'] },
      { name: 'htt', type: F64, shape: ['C', 'E', 'N'] },
      { name: 'lr', type: F64, shape: ['C', 1, 1] },
    ],
    outputs: [{ name: 'scores', type: F64, shape: ['M', 'N'] }],
    initializers: [axis('ax0', 0n), { name: 'one', type: F64, dims: [], data: Float64Array.of(1) }],
    nodes: [
      { op: 'MatMul', inputs: ['gq', 'gtt'], outputs: ['gg'] },
      { op: 'MatMul', inputs: ['hq', 'htt'], outputs: ['hh'] },
      { op: 'Add', inputs: ['hh', 'one'], outputs: ['hh1'] },
      { op: 'Mul', inputs: ['gg', 'hh1'], outputs: ['prod'] },
      { op: 'Mul', inputs: ['prod', 'lr'], outputs: ['weighted'] },
      { op: 'ReduceSum', inputs: ['weighted', 'ax0'], outputs: ['scores'], attrs: { keepdims: 0 } },
    ],
  });
}
