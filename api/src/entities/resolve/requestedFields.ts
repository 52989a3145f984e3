import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** The fields named `name` directly under a selection set (through fragments too). */
function fieldsNamed(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], name: string): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD && s.name.value === name) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return out;
}

const setsOf = (nodes: readonly FieldNode[]) =>
  nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** Whether the client selected `name` directly under this field. */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return fieldsNamed(info, setsOf(info.fieldNodes), name).length > 0;
}

/** Whether the client selected the path `names` under this field (`edges { node }`). */
export function selectsUnder(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of names) {
    nodes = fieldsNamed(info, setsOf(nodes), name);
    if (nodes.length === 0) return false;
  }
  return true;
}
