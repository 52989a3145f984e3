import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { type FeaturizerSpec, parseFeaturizerSpec } from './featurizer.js';

/**
 * The training config artifact (its sha256 is the model's trainingConfigHash). The replay needs only the
 * featurizer from it; the Model Factory writes the rest (architecture, optimizer, seed, data, base model).
 */
export interface TrainingConfigHead {
  featurizer: FeaturizerSpec;
  [key: string]: unknown;
}

export function parseTrainingConfig(bytes: Uint8Array): TrainingConfigHead {
  try {
    const o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return { ...o, featurizer: parseFeaturizerSpec(o?.featurizer) };
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(bytes), 'training config', e);
  }
}
