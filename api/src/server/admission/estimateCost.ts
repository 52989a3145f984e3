import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface CostModel {
  /** Rows an entity list without `limit` may return (the maximum page size). */
  unboundedRows: number;
  /** Rows of a connection without `first`. */
  defaultRows: number;
  /** Rows a custom field costs (aggregates over whole tables, lineage walks), from its arguments. */
  fixed: Record<string, (args: Record<string, unknown>) => number>;
}

interface Walk {
  schema: GraphQLSchema;
  vars: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  model: CostModel;
}

function argValue(node: ValueNode, vars: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return vars[node.name.value];
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.STRING || node.kind === Kind.ENUM || node.kind === Kind.BOOLEAN) return node.value;
  return node.kind === Kind.NULL ? null : true;
}

/** A non-negative number argument, or `def` when absent or not a number. */
export const num = (v: unknown, def: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : def;

function selectionCost(
  w: Walk,
  parent: GraphQLNamedType | undefined,
  set: SelectionSetNode,
  mult: number,
  seen: ReadonlySet<string>,
): number {
  let cost = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? w.schema.getType(sel.typeCondition.name.value) : parent;
      cost += selectionCost(w, t, sel.selectionSet, mult, seen);
      continue;
    }
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const frag = w.fragments.get(sel.name.value);
      if (frag && !seen.has(frag.name.value)) {
        const t = w.schema.getType(frag.typeCondition.name.value);
        cost += selectionCost(w, t, frag.selectionSet, mult, new Set([...seen, frag.name.value]));
      }
      continue;
    }
    const def =
      isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
    if (!def || !sel.selectionSet) continue; // scalars come with their row
    const args: Record<string, unknown> = {};
    for (const a of sel.arguments ?? []) args[a.name.value] = argValue(a.value, w.vars);
    const type = getNamedType(def.type);
    let rows = 1;
    const fixed = w.model.fixed[sel.name.value];
    if (fixed) rows = fixed(args);
    else if (type.name.endsWith('Connection')) rows = num(args.first, w.model.defaultRows);
    else if (isListType(getNullableType(def.type)) && def.args.some((a) => a.name === 'limit'))
      rows = num(args.limit, w.model.unboundedRows);
    cost += mult * rows;
    cost += selectionCost(w, type, sel.selectionSet, mult * Math.max(1, rows), seen);
  }
  return Math.min(cost, Number.MAX_SAFE_INTEGER);
}

/**
 * An upper estimate of the rows one operation makes the database read and the server serialise: a list field
 * multiplies its children by its page size (limit / first, or what an unbounded list may return), a relation
 * costs a row per parent, a custom aggregate its own weight. Computed from the validated document (so its
 * depth is already bounded) and the raw variables, before anything executes.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  model: CostModel,
): number {
  const op = getOperationAST(document, operationName);
  if (!op) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(op.operation) ?? undefined;
  return selectionCost(
    { schema, vars: variables ?? {}, fragments, model },
    root,
    op.selectionSet,
    1,
    new Set(),
  );
}
