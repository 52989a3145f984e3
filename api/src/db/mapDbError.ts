import { BaseError, RetryableError, UserError } from '@ae/core';

/**
 * Postgres data exceptions a client's value can cause: bad text representation, numeric out of range, bad
 * datetime format or field, invalid escape / regex, NUL or invalid UTF-8 (22021), untranslatable character in
 * jsonb (22P05), negative LIMIT/OFFSET, string too long.
 */
const CLIENT_VALUE_ERRORS = new Set([
  '22P02',
  '22003',
  '22007',
  '22008',
  '2201B',
  '22021',
  '22P05',
  '22025',
  '2201W',
  '2201X',
  '22023',
  '22001',
  '22P03',
]);

/**
 * Turns a Postgres error into a BaseError with a short, SQL-free message. The original error stays as the cause
 * (for logs); the client sees only the message and the code.
 */
export function mapDbError(e: unknown): BaseError {
  if (e instanceof BaseError) return e;
  const code = (e as { code?: string } | null)?.code;
  const details = (e as Error | null)?.message;
  if (code === '57014') return new BaseError('query timed out', { code: 'TIMEOUT', cause: e, details });
  if (code && CLIENT_VALUE_ERRORS.has(code)) {
    return new UserError('invalid value in the query arguments', { cause: e, details });
  }
  if (code === '23505') return new UserError('already exists', { cause: e, details, code: 'FORBIDDEN' });
  if (code === '42P01')
    return new RetryableError('the database schema is not ready (indexer migrations missing)', {
      cause: e,
      details,
    });
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '53300' || code?.startsWith('08')) {
    return new RetryableError('database unavailable', { cause: e, details });
  }
  return new BaseError('internal database error', { code: 'INTERNAL', cause: e, details });
}
