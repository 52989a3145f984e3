import { UserError } from '@ae/core';
import { storableText } from '@ae/indexer/chainStrings';

/**
 * Puts a string a client compares with stored text in the form the index stores chain strings
 * (docs/chain-strings.md): the indexer's own `storableText`, imported so that the two cannot drift. Postgres
 * text cannot hold U+0000, so the index stores each NUL (and each lone surrogate) as U+FFFD, and so does this
 * filter: `name_eq: "a\u0000b"` finds the datanet whose transaction named it `a\0b`.
 */
export function filterText(value: unknown, key: string): string {
  if (typeof value !== 'string') throw new UserError(`${key} expects a string`);
  return storableText(value);
}

/**
 * A JSON value a client compares with a jsonb column, its strings and keys put in stored form as filterText
 * does (jsonb refuses U+0000 too). Rebuilt without recursion (its depth is bounded earlier, but a walk that
 * cannot overflow costs nothing).
 */
export function filterJson(value: unknown, key: string): unknown {
  const root = { v: value };
  const stack: Array<[Record<string, unknown> | unknown[], string | number]> = [[root, 'v']];
  while (stack.length) {
    const [parent, k] = stack.pop() as [Record<string, unknown>, string];
    const v = parent[k];
    if (typeof v === 'string') parent[k] = filterText(v, key);
    else if (typeof v === 'number' && !Number.isFinite(v)) throw new UserError(`${key}: not a JSON number`);
    else if (Array.isArray(v)) {
      const copy = [...v];
      parent[k] = copy;
      for (let i = 0; i < copy.length; i++) stack.push([copy, i]);
    } else if (v && typeof v === 'object') {
      const copy = Object.fromEntries(Object.entries(v).map(([x, y]) => [filterText(x, key), y]));
      parent[k] = copy;
      for (const x of Object.keys(copy)) stack.push([copy, x]);
    }
  }
  return root.v;
}
