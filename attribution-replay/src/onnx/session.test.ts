import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildModel } from './buildModel.js';
import { knnOrderGraph } from './kernels.js';
import { DataType } from './onnxSchema.js';
import { canonicalSessionOptions, openSession } from './session.js';

describe('session factory', () => {
  it('canonical replay settings: CPU provider, one intra-op thread, fixed optimization level', () => {
    expect(canonicalSessionOptions()).toMatchObject({
      executionProviders: ['cpu'],
      intraOpNumThreads: 1,
      graphOptimizationLevel: 'basic',
    });
  });

  it('auto uses CUDA where it loads and otherwise falls back to CPU, logging the provider and the reason', async () => {
    const lines: string[] = [];
    const s = await openSession(knnOrderGraph(), { provider: 'auto', log: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`execution provider ${s.provider}`);
    if (s.provider === 'cpu') {
      expect(s.fallbackReason).toBeTruthy();
      expect(lines[0]).toContain(s.fallbackReason);
    }
    await s.session.release();
  });

  it('builds standard ONNX that ONNX Runtime runs (float64 TopK breaks ties by the lower index)', async () => {
    const { session } = await openSession(knnOrderGraph());
    const out = await session.run({
      q: new ort.Tensor('float64', Float64Array.of(0, 0), [1, 2]),
      xt: new ort.Tensor('float64', Float64Array.of(1, 0, -1, 2, 0, 1, 0, 0), [2, 4]),
      k: new ort.Tensor('int64', BigInt64Array.of(4n), [1]),
    });
    expect(Array.from(out.dist2.data as Float64Array)).toEqual([1, 1, 1, 4]);
    expect(Array.from(out.order.data as Int32Array)).toEqual([0, 1, 2, 3]);
    const bad = buildModel({
      name: 'x',
      inputs: [{ name: 'a', type: DataType.FLOAT, shape: [1] }],
      outputs: [{ name: 'b', type: DataType.FLOAT, shape: [1] }],
      nodes: [{ op: 'NoSuchOp', inputs: ['a'], outputs: ['b'] }],
    });
    await expect(openSession(bad)).rejects.toThrow();
  });
});
