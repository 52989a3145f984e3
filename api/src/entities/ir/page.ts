import { UserError } from '@ae/core';

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
  maxOffset: number;
}

const nonNegative = (v: number, arg: string) => {
  if (!Number.isInteger(v) || v < 0) throw new UserError(`${arg} must be a non-negative integer`);
  return v;
};

/** The page size to use: the default when none is asked, a clear LIMIT_EXCEEDED error above the maximum. */
export function pageSize(
  requested: number | null | undefined,
  limits: Omit<PageLimits, 'maxOffset'>,
  arg = 'limit',
): number {
  if (requested === undefined || requested === null) return limits.defaultPageSize;
  if (nonNegative(requested, arg) > limits.maxPageSize) {
    throw new UserError(`${arg} ${requested} exceeds the maximum page size ${limits.maxPageSize}`, {
      code: 'LIMIT_EXCEEDED',
    });
  }
  return requested;
}

/**
 * An entity list's limit. Without one, OpenReader returns every row; here every row up to the maximum page
 * size, and a LIMIT_EXCEEDED error (never a silently cut list) when more match: `undefined` asks for that.
 */
export function listLimit(requested: number | null | undefined, limits: PageLimits): number | undefined {
  if (requested === undefined || requested === null) return undefined;
  return pageSize(requested, limits);
}

/** Validates an offset (non-negative integer, bounded so that nobody makes Postgres skip billions of rows). */
export function pageOffset(requested: number | null | undefined, maxOffset: number): number {
  if (requested === undefined || requested === null) return 0;
  if (nonNegative(requested, 'offset') > maxOffset)
    throw new UserError(`offset exceeds ${maxOffset}; narrow the filter instead`, { code: 'LIMIT_EXCEEDED' });
  return requested;
}

/** Relay cursors are offsets, as in OpenReader: a positive decimal integer; anything else is a clear error. */
export function decodeCursor(after: string | null | undefined, maxOffset: number): number {
  if (after === undefined || after === null) return 0;
  const n = /^\d{1,16}$/.test(after) ? Number(after) : 0;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError('invalid cursor value');
  return pageOffset(n, maxOffset);
}

/** The error for a list asked without a limit that matches more than the maximum page size. */
export function tooManyRows(what: string, max: number): UserError {
  return new UserError(`${what}: more than ${max} rows match; pass limit (at most ${max}) and offset`, {
    code: 'LIMIT_EXCEEDED',
  });
}
