import type { ErrorCode } from './errorCodes.js';

export type BaseErrorOptions = {
  code?: ErrorCode;
  details?: string;
  cause?: unknown;
  meta?: Record<string, unknown>;
};

/**
 * The one error class of the project. Every error a user or an operator can see derives from it, so that the
 * API can map it to a code and a service can decide whether to retry without parsing text.
 *
 * - `shortMessage` is one line, safe to show to a user (no SQL, no stack, no secrets);
 * - `details` is for logs (may be long, never shown by the API);
 * - `cause` keeps the original error; `walk()` follows the chain of causes;
 * - `retryable` says whether trying the same thing again later can succeed.
 */
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

  /**
   * The deepest cause (no argument), or the first error in the chain, this one included, for which `fn` is
   * true (null when none is). Why: a driver error wrapped in a RetryableError wrapped in a GraphQL error must
   * still be recognisable by what it is, not by its message.
   */
  walk(fn?: (err: unknown) => boolean): unknown {
    return walkErrors(this, fn);
  }
}

/** `BaseError.prototype.walk` for any value: follows `cause` (and GraphQL's `originalError`), cycle-safe. */
export function walkErrors(err: unknown, fn?: (err: unknown) => boolean): unknown {
  const seen = new Set<unknown>();
  let cur = err;
  let last = err;
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    if (fn?.(cur)) return cur;
    last = cur;
    const c = cur as { cause?: unknown; originalError?: unknown };
    cur = c.originalError ?? c.cause;
  }
  return fn ? null : last;
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

const TRANSIENT_SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * True for errors worth retrying. The outermost BaseError in the chain decides (a UserError stays final even
 * when a socket error caused it); without one, a transient socket error anywhere in the chain is retryable.
 */
export function isRetryable(error: unknown): boolean {
  const decider = walkErrors(error, (e) => {
    if (e instanceof BaseError) return true;
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && TRANSIENT_SOCKET_CODES.has(code);
  });
  return decider instanceof BaseError ? decider.retryable : decider !== null;
}
