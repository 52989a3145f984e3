import type { EntityKind } from '$lib/components/entityHref.js';

export type CellType =
  | 'text'
  | 'entity'
  | 'time'
  | 'open'
  | 'int'
  | 'ppm'
  | 'influence'
  | 'uri'
  | 'verdict'
  | 'bool';

/** One table column: how to read it from a row, show it, sort it (OpenReader orderBy field) and export it. */
export interface Column {
  key: string;
  label: string;
  type?: CellType;
  get: (row: Record<string, unknown>) => unknown;
  entity?: EntityKind;
  /** Label shown on an entity chip. */
  label_?: (row: Record<string, unknown>) => string | null | undefined;
  /** OpenReader orderBy base, e.g. `createdAt` → createdAt_ASC / createdAt_DESC. */
  sort?: string;
  align?: 'right';
}

export interface Filter {
  /** where key, e.g. `name_containsInsensitive`, `contributor_eq`. */
  key: string;
  label: string;
  options?: { value: string; label: string }[];
  /** turns the typed text into the where value (numbers, lowercasing). */
  parse?: (s: string) => unknown;
  /** instead of `key`: where conditions merged in (a choice between several fields, e.g. a role flag). */
  toWhere?: (s: string) => Record<string, unknown>;
}
