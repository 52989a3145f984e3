/**
 * The one set of error codes. The API puts them in `extensions.code`, the explorer decides what to show from
 * them, services decide whether to retry from them: a code means the same everywhere, so a new one is added
 * here and nowhere else. Browser-safe (no Node imports): the explorer imports this file.
 */
export const ERROR_CODES = {
  /** The caller's input is wrong: fix it and send again. */
  BAD_USER_INPUT: { status: 400, user: true, retryable: false },
  /** The query is well-formed but asks for more than the service allows (depth, cost, page size). */
  LIMIT_EXCEEDED: { status: 400, user: true, retryable: false },
  /** The GraphQL document does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED: { status: 400, user: true, retryable: false },
  /** The GraphQL document does not parse. */
  GRAPHQL_PARSE_FAILED: { status: 400, user: true, retryable: false },
  /** A signature or credential does not prove who the caller says it is. */
  UNAUTHENTICATED: { status: 401, user: true, retryable: false },
  /** The caller is known but may not do this (a duplicate, a replayed nonce, a cross-site request). */
  FORBIDDEN: { status: 403, user: true, retryable: false },
  /** What was asked for does not exist (or is not indexed yet). */
  NOT_FOUND: { status: 404, user: true, retryable: false },
  /** The service is shedding load: try again after a moment. */
  OVERLOADED: { status: 503, user: false, retryable: true },
  /** Something we depend on (database, RPC) is down or not ready. */
  UNAVAILABLE: { status: 503, user: false, retryable: true },
  /** The explorer cannot reach the API at all. */
  API_UNAVAILABLE: { status: 503, user: false, retryable: true },
  /** The operation took longer than its budget. */
  TIMEOUT: { status: 504, user: false, retryable: true },
  /** Stored data contradicts itself or the chain (a hash mismatch, a reorg deeper than finality). */
  INTEGRITY: { status: 500, user: false, retryable: false },
  /** A bug: logged in full on the server, shown to nobody. */
  INTERNAL: { status: 500, user: false, retryable: false },
} as const satisfies Record<string, { status: number; user: boolean; retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** True for codes that come from the caller's own mistake (never shown as "something went wrong"). */
export function isUserErrorCode(code: unknown): boolean {
  return typeof code === 'string' && code in ERROR_CODES && ERROR_CODES[code as ErrorCode].user;
}

/** Narrows an unknown `extensions.code` to a known code, INTERNAL otherwise. */
export function errorCodeOf(code: unknown): ErrorCode {
  return typeof code === 'string' && code in ERROR_CODES ? (code as ErrorCode) : 'INTERNAL';
}
