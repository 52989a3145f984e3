import type { OrderByValue } from '../model/orderByValues.js';
import type { ColumnField, FkField, LookupListField, ScalarField } from '../model/readModel.js';
import type { ArrayOp, CompareOp, JsonOp, SetOp, TextOp } from '../model/whereOperators.js';

/**
 * The intermediate representation of a where argument: a tree of conditions over fields of the model (never over
 * SQL), checked and bounded when parsed, printed to SQL by `EntityPrinter`. Values are already validated and
 * in the form the database stores (chain strings encoded as the indexer encodes them).
 */
export type Where =
  | { op: 'and' | 'or'; args: Where[] }
  | { op: CompareOp; field: ColumnField; value: unknown }
  | { op: TextOp; field: ColumnField; value: string }
  | { op: 'in' | 'not_in'; field: ColumnField; values: unknown[] }
  | { op: ArrayOp; field: ScalarField; values: unknown[] }
  | { op: JsonOp; field: ScalarField; value: unknown }
  | { op: 'isNull'; field: ColumnField; yes: boolean }
  /** A condition on the row a many-to-one relation points to (LEFT JOIN semantics, as OpenReader). */
  | { op: 'ref'; field: FkField; where: Where }
  /** A condition on the rows of a @derivedFrom list; no `where` = any row. */
  | { op: SetOp; field: LookupListField; where?: Where };

/** An ORDER BY in IR form: the orderBy values in the order they apply. The row id always breaks ties. */
export type OrderBy = OrderByValue[];

/** What one list or connection statement asks for. */
export interface EntityQuery {
  where?: Where;
  orderBy: OrderBy;
  limit?: number;
  offset: number;
}
