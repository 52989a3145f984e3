import { describe, expect, it } from 'vitest';
import { BaseError, isRetryable, RetryableError, UserError, walkErrors } from './BaseError.js';
import { ERROR_CODES, errorCodeOf, isUserErrorCode } from './errorCodes.js';

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

describe('walk', () => {
  it('finds an error by what it is anywhere in the chain, and the root cause without a predicate', () => {
    const root = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const mid = new RetryableError('RPC unavailable', { cause: root });
    const top = new BaseError('indexing stopped', { cause: { originalError: mid } });
    expect(top.walk()).toBe(root);
    expect(top.walk((e) => e instanceof RetryableError)).toBe(mid);
    expect(top.walk((e) => e instanceof UserError)).toBeNull();
    expect(walkErrors('not an error')).toBe('not an error');
  });

  it('stops on a cycle of causes', () => {
    const a = new BaseError('a');
    const b = new BaseError('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(b.walk((e) => e === a)).toBe(a);
    expect(b.walk((e) => e === 'never')).toBeNull();
  });

  it('lets the outermost BaseError decide whether to retry', () => {
    const socket = Object.assign(new Error('x'), { code: 'ECONNRESET' });
    expect(isRetryable(new UserError('bad input', { cause: socket }))).toBe(false);
    expect(isRetryable(new Error('wrapped', { cause: socket }))).toBe(true);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });

  it('has one code table whose user codes are exactly the caller mistakes', () => {
    expect(isUserErrorCode('BAD_USER_INPUT')).toBe(true);
    expect(isUserErrorCode('INTERNAL')).toBe(false);
    expect(isUserErrorCode('USER_ERROR')).toBe(false);
    expect(errorCodeOf('nonsense')).toBe('INTERNAL');
    expect(Object.values(ERROR_CODES).every((c) => !(c.user && c.retryable))).toBe(true);
  });
});
