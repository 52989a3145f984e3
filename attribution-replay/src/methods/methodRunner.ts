import type { ProviderChoice } from '../onnx/session.js';
import { ArtifactRunner } from '../verify/artifactRunner.js';
import type { MethodRunner } from '../verify/replayPorts.js';
import { routeRunners } from './routeRunners.js';
import { SpanMatchRunner } from './spanMatch/spanMatchRunner.js';

/**
 * Every method this replay knows, behind one runner: the ONNX-based ones (ArtifactRunner) and span-match@1
 * (SpanMatchRunner). The worker, the verifier, the arbiter and the scenario's poster all take their runner
 * from here, so a method added here is posted and replayed the same way everywhere.
 */
export function createMethodRunner(
  provider: ProviderChoice = 'cpu',
  log?: (line: string) => void,
  cacheModels = 4,
): MethodRunner {
  return routeRunners([new ArtifactRunner(provider, log, cacheModels), new SpanMatchRunner(cacheModels)]);
}
