/**
 * One column of a chunk as the text of a Postgres array literal (`{a,"b c",NULL}`), for the bulk writer's
 * `unnest($n::type[])` parameters. node-postgres would build the same text through its generic value
 * preparation (a type test, a closure and two regex replaces per element); the writer knows each column's
 * type, and a large backfill sends some twenty million elements, so it writes them directly. Text is always
 * quoted (backslash and double quote escaped), numbers and decimal strings are written bare, times as ISO
 * 8601 in UTC, booleans as t/f, anything else (JSON values) as quoted JSON.
 */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i) out += ',';
    out += element(values[i]);
  }
  return `${out}}`;
}

function element(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
    case 'bigint':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new RangeError('arrayLiteral: invalid Date');
    return v.toISOString();
  }
  return quote(JSON.stringify(v));
}

function quote(s: string): string {
  return s.includes('"') || s.includes('\\') ? `"${s.replace(/[\\"]/g, '\\$&')}"` : `"${s}"`;
}
