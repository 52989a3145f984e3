import * as ort from 'onnxruntime-node';

/** Which execution provider a caller asks for: cuda, cpu, or cuda when it loads and cpu otherwise. */
export type ProviderChoice = 'cpu' | 'cuda' | 'auto';
export type Provider = 'cpu' | 'cuda';

export interface SessionFactoryOptions {
  provider?: ProviderChoice;
  /** Receives one line naming the provider chosen and, on fallback, the reason. */
  log?: (line: string) => void;
}

export interface OpenedSession {
  session: ort.InferenceSession;
  provider: Provider;
  /** Why CUDA was not used, when it was asked for (auto) and failed. */
  fallbackReason?: string;
}

/**
 * The canonical settings: one intra-op thread, sequential execution and the `basic` optimization level
 * (no layout or fusion rewrites that depend on the machine). Why: PoA replays must be reproducible, and the
 * CPU provider under these settings is the reference against which a GPU pass is only a fast first check.
 */
export function canonicalSessionOptions(): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'basic',
  };
}

function cudaSessionOptions(): ort.InferenceSession.SessionOptions {
  // TF32 changes float32 matmuls by ~1e-3: off, so a GPU pass stays comparable with the canonical one
  const cuda = {
    name: 'cuda',
    deviceId: 0,
    use_tf32: 0,
  } as unknown as ort.InferenceSession.ExecutionProviderConfig;
  return { ...canonicalSessionOptions(), executionProviders: [cuda] };
}

/**
 * Opens a session on the chosen provider. `auto` tries CUDA and falls back to CPU, logging the reason;
 * an explicit `cuda` that cannot load is an error (the operator asked for it).
 */
export async function openSession(
  model: Uint8Array,
  opts: SessionFactoryOptions = {},
): Promise<OpenedSession> {
  const choice = opts.provider ?? 'cpu';
  if (choice !== 'cpu') {
    try {
      const session = await ort.InferenceSession.create(model, cudaSessionOptions());
      opts.log?.('onnxruntime: execution provider cuda');
      return { session, provider: 'cuda' };
    } catch (e) {
      if (choice === 'cuda') throw e;
      const reason = (e as Error).message.split('\n')[0].slice(0, 200);
      opts.log?.(`onnxruntime: execution provider cpu (cuda unavailable: ${reason})`);
      const session = await ort.InferenceSession.create(model, canonicalSessionOptions());
      return { session, provider: 'cpu', fallbackReason: reason };
    }
  }
  const session = await ort.InferenceSession.create(model, canonicalSessionOptions());
  return { session, provider: 'cpu' };
}

/** Cache of sessions for the engine's fixed kernels, keyed by graph and provider choice. */
const kernelCache = new Map<string, Promise<OpenedSession>>();

/** A session for one of the engine's own fixed graphs, opened once per process and provider choice. */
export function kernelSession(
  key: string,
  build: () => Uint8Array,
  opts: SessionFactoryOptions = {},
): Promise<OpenedSession> {
  const k = `${key}:${opts.provider ?? 'cpu'}`;
  let s = kernelCache.get(k);
  if (!s) {
    s = openSession(build(), opts);
    kernelCache.set(k, s);
    s.catch(() => kernelCache.delete(k));
  }
  return s;
}
