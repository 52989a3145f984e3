import { BaseError, UserError } from '@ae/core/errors';
import type { Bytes32Hex } from './sha256.js';

/**
 * The content-addressed store of off-chain artifacts (contributions, checkpoints, configs, inputs,
 * outputs, attribution results), keyed by the sha256 that the chain records. `get` always verifies the
 * bytes against the hash: a store can lose or corrupt data, and a replay must never use unverified bytes.
 */
export interface ArtifactStore {
  /** Stores the bytes (idempotent) and returns their sha256 as 0x-hex. */
  put(bytes: Uint8Array): Promise<Bytes32Hex>;
  /** The verified bytes; ArtifactNotFoundError when absent, ArtifactIntegrityError when corrupt. */
  get(hash: string): Promise<Uint8Array>;
  has(hash: string): Promise<boolean>;
}

/** Why an artifact could not be used, as the replay classifies it. */
export type ArtifactProblem = 'missing' | 'hash-mismatch' | 'malformed';

/** No artifact with this hash in the store. */
export class ArtifactNotFoundError extends BaseError {
  override name = 'ArtifactNotFoundError';
  readonly problem: ArtifactProblem = 'missing';
  constructor(
    readonly hash: string,
    where: string,
  ) {
    super(`artifact ${hash} not found`, { code: 'NOT_FOUND', details: `looked in ${where}`, meta: { hash } });
  }
}

/** The stored bytes do not hash to their address: corruption or tampering, never used. */
export class ArtifactIntegrityError extends BaseError {
  override name = 'ArtifactIntegrityError';
  readonly problem: ArtifactProblem = 'hash-mismatch';
  constructor(
    readonly hash: string,
    readonly actual: string,
    where: string,
  ) {
    super(`artifact ${hash} is corrupt: its bytes hash to ${actual}`, {
      code: 'INTEGRITY',
      details: `read from ${where}`,
      meta: { hash, actual },
    });
  }
}

/** An artifact's bytes are intact but do not parse as what they should be (JSON, ONNX, a labelled example). */
export class ArtifactMalformedError extends UserError {
  override name = 'ArtifactMalformedError';
  readonly problem: ArtifactProblem = 'malformed';
  constructor(
    readonly hash: string,
    what: string,
    cause?: unknown,
  ) {
    super(`artifact ${hash} is not a valid ${what}`, { cause, meta: { hash } });
  }
}

/** Classifies an error thrown by a store or a parser; undefined for anything else (a bug, a crash). */
export function artifactProblem(e: unknown): ArtifactProblem | undefined {
  if (
    e instanceof ArtifactNotFoundError ||
    e instanceof ArtifactIntegrityError ||
    e instanceof ArtifactMalformedError
  )
    return e.problem;
  return undefined;
}
