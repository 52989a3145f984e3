import { UserError } from '@ae/core';
import { artifactProblem } from '../artifacts/ArtifactStore.js';
import { FolderArtifactStore } from '../artifacts/FolderArtifactStore.js';
import type { ReplayConfig } from '../config.js';
import { createMethodRunner } from '../methods/methodRunner.js';
import { compareAttribution } from '../poa/compareAttribution.js';
import type { ReplayDeps } from './replayBatch.js';

/**
 * Binds the replay to the real PoA engine: the folder artifact store at ARTIFACTS_DIR (every read verified),
 * the method runner on the chosen ONNX Runtime provider, and compareAttribution. A hash string that is not
 * a bytes32 (the store refuses it) counts as a malformed artifact reference, not as a crash.
 */
export async function bindReplay(
  cfg: ReplayConfig,
  opts: { log?: (line: string) => void } = {},
): Promise<ReplayDeps & { canonicalRunner?: ReplayDeps['runner'] }> {
  const store = new FolderArtifactStore(cfg.artifactsDir);
  return {
    artifacts: { get: (h) => store.get(h), put: (b) => store.put(b) },
    runner: createMethodRunner(cfg.device, opts.log, cfg.modelCache),
    canonicalRunner: cfg.device === 'cpu' ? undefined : createMethodRunner('cpu', opts.log, cfg.modelCache),
    compare: (posted, recomputed, tol) => compareAttribution(posted, recomputed, tol),
    artifactProblem: (e) =>
      artifactProblem(e) ??
      (e instanceof UserError && /artifact hash/.test(e.shortMessage) ? 'malformed' : undefined),
    tolerancePpm: cfg.tolerancePpm,
  };
}
