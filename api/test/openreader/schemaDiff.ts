interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: Array<{ name: string; type: TypeRef; args: InputValue[] }> | null;
  inputFields: InputValue[] | null;
  enumValues: Array<{ name: string }> | null;
}
export interface IntrospectedSchema {
  __schema: { types: IntrospectedType[] };
}

const TYPE_REF =
  'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

/** Every type with its fields, arguments, input fields and enum values. */
export const INTROSPECTION = `{ __schema { types { kind name
  fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } }
  inputFields { name type { ${TYPE_REF} } }
  enumValues { name } } } }`;

function print(t: TypeRef): string {
  if (t.kind === 'NON_NULL') return `${print(t.ofType as TypeRef)}!`;
  if (t.kind === 'LIST') return `[${print(t.ofType as TypeRef)}]`;
  return t.name as string;
}

const args = (a: InputValue[]) =>
  a
    .map((x) => `${x.name}: ${print(x.type)}`)
    .sort()
    .join(', ');

/**
 * What `ours` lacks or types differently from `theirs` (OpenReader): every type OpenReader defines must exist
 * here with the same kind; its object fields (with their arguments) and enum values must all be here, typed
 * alike; its input types must have exactly the same fields. Ours may add types and fields (custom queries).
 */
export function compareSchemas(theirs: IntrospectedSchema, ours: IntrospectedSchema): string[] {
  const mine = new Map(ours.__schema.types.map((t) => [t.name, t]));
  const out: string[] = [];
  for (const t of theirs.__schema.types) {
    if (t.name.startsWith('__')) continue;
    const m = mine.get(t.name);
    if (!m) {
      out.push(`missing type ${t.name}`);
      continue;
    }
    if (m.kind !== t.kind) out.push(`${t.name}: ${m.kind} instead of ${t.kind}`);
    for (const f of t.fields ?? []) {
      const g = m.fields?.find((x) => x.name === f.name);
      if (!g) out.push(`missing field ${t.name}.${f.name}`);
      else if (print(g.type) !== print(f.type) || args(g.args) !== args(f.args))
        out.push(
          `${t.name}.${f.name}: (${args(g.args)}): ${print(g.type)} instead of (${args(f.args)}): ${print(f.type)}`,
        );
    }
    if (t.inputFields && args(t.inputFields) !== args(m.inputFields ?? [])) {
      const theirsSet = new Set(t.inputFields.map((x) => `${x.name}: ${print(x.type)}`));
      const oursSet = new Set((m.inputFields ?? []).map((x) => `${x.name}: ${print(x.type)}`));
      for (const x of theirsSet) if (!oursSet.has(x)) out.push(`${t.name}: missing input field ${x}`);
      for (const x of oursSet) if (!theirsSet.has(x)) out.push(`${t.name}: extra input field ${x}`);
    }
    for (const v of t.enumValues ?? [])
      if (!m.enumValues?.some((x) => x.name === v.name)) out.push(`${t.name}: missing enum value ${v.name}`);
  }
  return out;
}
