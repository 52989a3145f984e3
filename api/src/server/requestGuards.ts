import { UserError } from '@ae/core';
import type { Plugin } from 'graphql-yoga';

/** Media types a POST may carry: JSON only (no form, multipart or text a cross-site page can send unasked). */
const JSON_TYPES = new Set([
  'application/json',
  'application/graphql+json',
  'application/graphql-response+json',
]);
/** Headers a browser sends cross-site only after a CORS preflight (the convention of Apollo's CSRF guard). */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
/** Brackets a query document may nest: far above any real query, far below the parser's stack. */
export const MAX_DOCUMENT_NESTING = 128;

/**
 * Refuses a POST that a cross-site HTML form or a `fetch` without preflight could send (form-urlencoded,
 * multipart, text/plain, no content type), so no "simple" request from another origin ever reaches a mutation.
 * A preflight-forcing header lets a non-JSON client through.
 */
export function csrfGuard(): Plugin {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (JSON_TYPES.has(type) || PREFLIGHT_HEADERS.some((h) => request.headers.get(h))) return;
      const body = {
        errors: [
          {
            message: 'POST requests need Content-Type: application/json',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      };
      endResponse(
        new fetchAPI.Response(JSON.stringify(body), {
          status: 415,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        }),
      );
    },
  };
}

/** The deepest bracket nesting of a GraphQL document, skipping strings and comments (no recursion). */
export function documentNesting(src: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '#') {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (c === '"') {
      if (src.startsWith('"""', i)) {
        i += 3;
        while (i < src.length && !src.startsWith('"""', i)) i += src.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        for (i++; i < src.length && src[i] !== '"' && src[i] !== '\n'; i++) if (src[i] === '\\') i++;
      }
    } else if (c === '{' || c === '[' || c === '(') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']' || c === ')') depth--;
  }
  return max;
}

/** The deepest nesting of objects and arrays in a JSON value, walked with an explicit stack. */
export function valueNesting(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const x of Array.isArray(v) ? v : Object.values(v))
      if (x !== null && typeof x === 'object') stack.push([x, d + 1]);
  }
  return max;
}

/**
 * Bounds the nesting of the document and of the variables before graphql-js parses or coerces them (both
 * recurse): a where nested a thousand ANDs deep is refused as LIMIT_EXCEEDED instead of overflowing the stack.
 */
export function inputDepthGuard(maxInputDepth: number): Plugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string' && documentNesting(params.query) > MAX_DOCUMENT_NESTING) {
        throw new UserError(`query nested deeper than ${MAX_DOCUMENT_NESTING} brackets`, {
          code: 'LIMIT_EXCEEDED',
        });
      }
      if (params.variables && valueNesting(params.variables) > maxInputDepth + 1) {
        throw new UserError(`variables nested deeper than ${maxInputDepth} levels`, {
          code: 'LIMIT_EXCEEDED',
        });
      }
    },
  };
}
