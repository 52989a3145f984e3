export { BaseError, isRetryable, RetryableError, UserError } from './errors/BaseError.js';
export type { BaseErrorOptions, ErrorCode } from './errors/BaseError.js';
