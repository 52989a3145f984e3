import { describe, expect, it } from 'vitest';
import { BaseError, isRetryable, RetryableError, UserError } from './BaseError.js';

describe('BaseError', () => {
  it('keeps the short message apart from details and cause', () => {
    const cause = new Error('socket hang up');
    const error = new RetryableError('RPC unavailable', { details: 'POST http://x', cause });
    expect(error.shortMessage).toBe('RPC unavailable');
    expect(error.message).toContain('Details: POST http://x');
    expect(error.cause).toBe(cause);
    expect(error.code).toBe('UNAVAILABLE');
    expect(isRetryable(error)).toBe(true);
  });

  it('treats user errors as final', () => {
    const error = new UserError('limit must be at most 1000', { code: 'LIMIT_EXCEEDED' });
    expect(error).toBeInstanceOf(BaseError);
    expect(error.code).toBe('LIMIT_EXCEEDED');
    expect(isRetryable(error)).toBe(false);
    expect(isRetryable(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(true);
  });
});
