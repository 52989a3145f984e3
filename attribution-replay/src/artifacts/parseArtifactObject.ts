import { ArtifactMalformedError } from './ArtifactStore.js';
import { sha256Hex } from './sha256.js';

/**
 * An artifact's bytes as a JSON object (strict UTF-8), or ArtifactMalformedError naming the artifact by its
 * hash: the one first step of every JSON artifact decoder, so each of them only checks its own fields.
 */
export function parseArtifactObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v;
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(bytes), what, e);
  }
}
