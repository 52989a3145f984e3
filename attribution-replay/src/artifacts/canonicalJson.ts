import { UserError } from '@ae/core/errors';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, numbers in JavaScript's shortest
 * round-trip form (what JSON.stringify prints), `-0` as `0`. Why one function: paramsHash, resultHash and
 * trainingConfigHash are sha256 of these bytes, so poster and replay must agree byte for byte.
 * Non-finite numbers, undefined, functions and bigints are refused rather than silently changed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(v: unknown, path: string): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      if (!Number.isFinite(v)) throw new UserError(`canonical JSON cannot hold ${v} (at ${path})`);
      return Object.is(v, -0) ? '0' : JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x, i) => write(x, `${path}[${i}]`)).join(',')}]`;
      if (ArrayBuffer.isView(v)) return write(Array.from(v as unknown as ArrayLike<number>), path);
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(o[k], `${path}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new UserError(`canonical JSON cannot hold a ${typeof v} (at ${path})`);
  }
}

/** Canonical JSON as UTF-8 bytes: what is stored and hashed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
