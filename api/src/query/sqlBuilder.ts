/**
 * Collects the parameters of one SQL statement. Every value a client sends reaches Postgres only as a $n
 * parameter, never as SQL text; identifiers come from the schema (never from the request) and are quoted.
 */
export class SqlBuilder {
  readonly params: unknown[] = [];
  private aliasCount = 0;

  /** A placeholder for `value`, cast to `type` so that Postgres never has to guess. */
  param(value: unknown, type?: string): string {
    this.params.push(value);
    return type ? `$${this.params.length}::${type}` : `$${this.params.length}`;
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
