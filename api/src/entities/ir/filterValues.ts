import { UserError } from '@ae/core';

/**
 * Checks a string a client compares with stored text and puts it in the form the database holds. Postgres text
 * cannot hold U+0000, so a NUL can never match; it is refused as the client's mistake before any SQL runs
 * (lone surrogates need nothing: the driver sends them as U+FFFD, which is how decoded chain strings store
 * invalid UTF-8).
 */
export function filterText(value: unknown, key: string): string {
  if (typeof value !== 'string') throw new UserError(`${key} expects a string`);
  if (value.includes('\u0000'))
    throw new UserError(`${key}: strings cannot contain U+0000 (NUL)`, { code: 'BAD_USER_INPUT' });
  return value;
}

/**
 * Checks a JSON value a client compares with a jsonb column: jsonb refuses U+0000 in strings and keys, and only
 * finite numbers exist in JSON. Walks the value without recursion (its depth is bounded earlier, but a walk
 * that cannot overflow costs nothing).
 */
export function filterJson(value: unknown, key: string): unknown {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') filterText(v, key);
    else if (typeof v === 'number' && !Number.isFinite(v)) throw new UserError(`${key}: not a JSON number`);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        filterText(k, key);
        stack.push(x);
      }
    }
  }
  return value;
}
