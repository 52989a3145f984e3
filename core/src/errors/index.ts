export type { BaseErrorOptions } from './BaseError.js';
export { BaseError, isRetryable, RetryableError, UserError, walkErrors } from './BaseError.js';
export { ERROR_CODES, type ErrorCode, errorCodeOf, isUserErrorCode } from './errorCodes.js';
