import { UserError } from '@ae/core/errors';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { MemoryArtifactStore } from '../artifacts/FolderArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { paramsArtifact } from '../poa/postings.js';
import type { RunnerInput } from '../verify/replayPorts.js';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function bytesOf(v: unknown, where: string): Uint8Array {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0)
    throw new UserError(`${where} must be a base64 string`);
  return new Uint8Array(Buffer.from(v, 'base64'));
}

function json(v: unknown, where: string): Uint8Array {
  if (!isObj(v)) throw new UserError(`${where} must be a JSON object`);
  return canonicalBytes(v);
}

function list(doc: Record<string, unknown>, key: string): unknown[] {
  const v = doc[key];
  if (!Array.isArray(v)) throw new UserError(`${key} must be an array`);
  return v;
}

/**
 * A replay bundle: every artifact a posting names, inline, so any method of the registry can be scored
 * without a chain or a store. JSON artifacts (training config, contributions, inference input and output,
 * parameters) are given as objects and hashed as their canonical JSON, as the chain's hashes are; binary
 * ones (checkpoints, further artifacts such as a validation set) as base64.
 * {params, trainingConfig, checkpoints:[{step, learningRate, base64}], train:[{id, content}],
 *  queries:[{input, output}], artifacts?:[base64]}
 */
export function parseBundle(doc: unknown, method: string): RunnerInput & { paramsHash: string } {
  if (!isObj(doc)) throw new UserError('the bundle must be a JSON object');
  let params: ReturnType<typeof paramsArtifact> | { bytes: Uint8Array; hash: string };
  const p = doc.params;
  if (!isObj(p) || p.method !== method)
    throw new UserError(`params must be an object whose method is ${method} (the --method given)`);
  try {
    params = paramsArtifact(p as Parameters<typeof paramsArtifact>[0]);
  } catch (e) {
    // methods with their own parameter schema (span-match@1) are validated by their runner
    if (!String((e as Error).message).startsWith('unknown attribution method')) throw e;
    const bytes = canonicalBytes(p);
    params = { bytes, hash: sha256Hex(bytes) };
  }
  const checkpoints = list(doc, 'checkpoints').map((c, i) => {
    if (!isObj(c)) throw new UserError(`checkpoints[${i}] must be an object`);
    if (!Number.isSafeInteger(c.step)) throw new UserError(`checkpoints[${i}].step must be an integer`);
    if (typeof c.learningRate !== 'number' || !Number.isFinite(c.learningRate))
      throw new UserError(`checkpoints[${i}].learningRate must be a finite number`);
    const onnx = bytesOf(c.base64, `checkpoints[${i}].base64`);
    return { step: c.step as number, learningRate: c.learningRate, onnx, hash: sha256Hex(onnx) };
  });
  if (checkpoints.length === 0) throw new UserError('checkpoints must not be empty');
  const train = list(doc, 'train').map((t, i) => {
    if (!isObj(t) || !(typeof t.id === 'string' || Number.isSafeInteger(t.id)))
      throw new UserError(`train[${i}].id must be a string or an integer`);
    return { contributionId: String(t.id), content: json(t.content, `train[${i}].content`) };
  });
  const queries = list(doc, 'queries').map((q, i) => {
    if (!isObj(q)) throw new UserError(`queries[${i}] must be an object`);
    return { input: json(q.input, `queries[${i}].input`), output: json(q.output, `queries[${i}].output`) };
  });
  const extra = new MemoryArtifactStore();
  const more = doc.artifacts === undefined ? [] : list(doc, 'artifacts');
  const stored = more.map((a, i) => extra.put(bytesOf(a, `artifacts[${i}]`)));
  return {
    method,
    params: params.bytes,
    paramsHash: params.hash,
    trainingConfig: json(doc.trainingConfig, 'trainingConfig'),
    checkpoints,
    train,
    queries,
    artifact: async (h) => {
      await Promise.all(stored);
      return extra.get(h);
    },
  };
}
