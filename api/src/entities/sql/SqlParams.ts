/**
 * The parameters and table aliases of one SQL statement. Every value a client sends reaches Postgres only as a
 * $n parameter, never as SQL text; identifiers come from the schema (never from the request) and are quoted.
 * One instance per statement, so a statement's parameters are exactly the ones its text uses.
 */
export class SqlParams {
  readonly values: unknown[] = [];
  private aliasCount = 0;

  /** A placeholder for `value`, cast to `type` so that Postgres never has to guess. */
  param(value: unknown, type?: string): string {
    this.values.push(value);
    return type ? `$${this.values.length}::${type}` : `$${this.values.length}`;
  }

  alias(): string {
    this.aliasCount += 1;
    return `t${this.aliasCount}`;
  }
}

/** Double-quotes an identifier taken from the schema. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
