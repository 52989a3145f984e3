import * as ort from 'onnxruntime-node';
import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import type { Matrix } from './matrix.js';
import { openSession, type Provider, type SessionFactoryOptions } from './session.js';

/** What a checkpoint says about a batch of inputs: the penultimate layer and the class probabilities. */
export interface Embedded {
  embedding: Matrix;
  probs: Matrix;
  provider: Provider;
}

const CHUNK = 2048;

/**
 * Runs a model checkpoint (ONNX with input `features` [N,D] float32 and outputs `embedding`, `probs`) over
 * many rows in a few large batches. Why through ONNX Runtime and not our own forward pass: the checkpoint
 * bytes on chain are the model; the replay must run exactly those bytes, on CPU or CUDA.
 */
export async function embed(
  checkpoint: Uint8Array,
  features: Matrix,
  opts: SessionFactoryOptions = {},
): Promise<Embedded> {
  let opened: Awaited<ReturnType<typeof openSession>>;
  try {
    opened = await openSession(checkpoint, opts);
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(checkpoint), 'ONNX checkpoint', e);
  }
  const { session, provider } = opened;
  try {
    const emb: Float32Array[] = [];
    const pr: Float32Array[] = [];
    let e = 0;
    let c = 0;
    for (let from = 0; from < features.rows || (from === 0 && features.rows === 0); from += CHUNK) {
      const to = Math.min(features.rows, from + CHUNK);
      const x = Float32Array.from(features.data.subarray(from * features.cols, to * features.cols));
      const out = await session.run({ features: new ort.Tensor('float32', x, [to - from, features.cols]) });
      const oe = out.embedding;
      const op = out.probs;
      e = Number(oe.dims[1]);
      c = Number(op.dims[1]);
      emb.push(oe.data as Float32Array);
      pr.push(op.data as Float32Array);
      if (features.rows === 0) break;
    }
    return { embedding: concat(emb, features.rows, e), probs: concat(pr, features.rows, c), provider };
  } finally {
    await session.release();
  }
}

function concat(parts: Float32Array[], rows: number, cols: number): Matrix {
  const data = new Float64Array(rows * cols);
  let o = 0;
  for (const p of parts) {
    data.set(p.subarray(0, Math.min(p.length, data.length - o)), o);
    o += p.length;
  }
  return { rows, cols, data };
}
