import { UserError } from '@ae/core/errors';
import { DataType, type DataTypeCode, modelProto } from './onnxSchema.js';

/** A dimension is a fixed size or a symbolic name (a batch axis). */
export type Dim = number | string;

export interface ValueInfo {
  name: string;
  type: DataTypeCode;
  shape: Dim[];
}

export interface Initializer {
  name: string;
  type: DataTypeCode;
  dims: number[];
  data: Float32Array | Float64Array | BigInt64Array;
}

export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attrs?: Record<string, number | number[] | { f: number }>;
}

export interface GraphSpec {
  name: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  initializers?: Initializer[];
  nodes: OnnxNode[];
  /** Default 17. */
  opset?: number;
  docString?: string;
}

const valueInfo = (v: ValueInfo) => ({
  name: v.name,
  type: {
    tensor_type: {
      elem_type: v.type,
      shape: { dim: v.shape.map((d) => (typeof d === 'number' ? { dim_value: d } : { dim_param: d })) },
    },
  },
});

function attribute(name: string, v: number | number[] | { f: number }) {
  if (Array.isArray(v)) return { name, type: 7, ints: v };
  if (typeof v === 'object') return { name, type: 1, f: v.f };
  return { name, type: 2, i: v };
}

function rawBytes(t: Initializer): Uint8Array {
  const expect = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== expect)
    throw new UserError(`initializer ${t.name} has ${t.data.length} values, dims say ${expect}`);
  const ok =
    (t.type === DataType.FLOAT && t.data instanceof Float32Array) ||
    (t.type === DataType.DOUBLE && t.data instanceof Float64Array) ||
    (t.type === DataType.INT64 && t.data instanceof BigInt64Array);
  if (!ok) throw new UserError(`initializer ${t.name}: data array does not match its data type`);
  // raw_data is little-endian; every platform Node runs on here is little-endian
  return new Uint8Array(t.data.buffer.slice(t.data.byteOffset, t.data.byteOffset + t.data.byteLength));
}

/**
 * Serializes a graph to standard ONNX bytes (IR version 8). Why programmatic: the checkpoints and the
 * PoA kernels are tiny fixed graphs, so building them here keeps the bytes deterministic (same weights,
 * same sha256) and avoids any Python toolchain.
 */
export function buildModel(spec: GraphSpec): Uint8Array {
  const T = modelProto();
  const msg = T.fromObject({
    ir_version: 8,
    opset_import: [{ domain: '', version: spec.opset ?? 17 }],
    producer_name: 'attribution-explorer',
    producer_version: '1',
    graph: {
      name: spec.name,
      doc_string: spec.docString ?? '',
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: (spec.initializers ?? []).map((t) => ({
        name: t.name,
        data_type: t.type,
        dims: t.dims,
        raw_data: rawBytes(t),
      })),
      node: spec.nodes.map((n, i) => ({
        name: `${n.op}_${i}`,
        op_type: n.op,
        input: n.inputs,
        output: n.outputs,
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attribute(k, v)),
      })),
    },
  });
  return T.encode(msg).finish();
}
