import { UserError } from '@ae/core';

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/** The page size to use: the default when none is asked, a clear LIMIT_EXCEEDED error above the maximum. */
export function pageSize(requested: number | null | undefined, limits: PageLimits, arg = 'limit'): number {
  if (requested === undefined || requested === null) return limits.defaultPageSize;
  if (!Number.isInteger(requested) || requested < 0)
    throw new UserError(`${arg} must be a non-negative integer`);
  if (requested > limits.maxPageSize) {
    throw new UserError(`${arg} ${requested} exceeds the maximum page size ${limits.maxPageSize}`, {
      code: 'LIMIT_EXCEEDED',
    });
  }
  return requested;
}

/** Validates an offset (non-negative integer, bounded so that nobody makes Postgres skip billions of rows). */
export function pageOffset(requested: number | null | undefined, maxOffset: number): number {
  if (requested === undefined || requested === null) return 0;
  if (!Number.isInteger(requested) || requested < 0)
    throw new UserError('offset must be a non-negative integer');
  if (requested > maxOffset)
    throw new UserError(`offset exceeds ${maxOffset}; narrow the filter instead`, { code: 'LIMIT_EXCEEDED' });
  return requested;
}
