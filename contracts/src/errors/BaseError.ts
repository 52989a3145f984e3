/**
 * The one error class of the project. Every error a user or an operator can see derives from it, so that
 * the API can map it to a GraphQL error code and a service can decide whether to retry without parsing text.
 *
 * - `shortMessage` is one line, safe to show to a user (no SQL, no stack, no secrets);
 * - `details` is for logs (may be long, never shown by the API);
 * - `cause` keeps the original error for debugging;
 * - `retryable` says whether trying the same thing again later can succeed (RPC faults, lost connections).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'LIMIT_EXCEEDED'
  | 'INTEGRITY'
  | 'UNAVAILABLE'
  | 'TIMEOUT'
  | 'INTERNAL';

export type BaseErrorOptions = {
  code?: ErrorCode;
  details?: string;
  cause?: unknown;
  meta?: Record<string, unknown>;
};

export class BaseError extends Error {
  override name = 'BaseError';
  readonly shortMessage: string;
  readonly code: ErrorCode;
  readonly details?: string;
  readonly meta?: Record<string, unknown>;
  readonly retryable: boolean = false;

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    const lines = [shortMessage];
    if (options.details) lines.push('', `Details: ${options.details}`);
    super(lines.join('\n'), { cause: options.cause });
    this.shortMessage = shortMessage;
    this.code = options.code ?? 'INTERNAL';
    this.details = options.details;
    this.meta = options.meta;
  }
}

/** A fault of the caller's input: retrying the same input fails the same way. */
export class UserError extends BaseError {
  override name = 'UserError';
  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, { code: 'BAD_USER_INPUT', ...options });
  }
}

/** A transient fault of something we depend on (RPC, database, network): retrying may succeed. */
export class RetryableError extends BaseError {
  override name = 'RetryableError';
  override readonly retryable = true;
  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    super(shortMessage, { code: 'UNAVAILABLE', ...options });
  }
}

/** True for errors worth retrying: our own retryable errors and Node's transient socket errors. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof BaseError) return error.retryable;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(code)
  );
}
