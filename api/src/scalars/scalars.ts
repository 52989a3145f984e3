import { UserError } from '@ae/core';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const INT_RE = /^-?\d{1,78}$/;
const DEC_RE = /^-?\d{1,78}(\.\d{1,78})?$/;

function literal(ast: ValueNode, name: string): string {
  if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return ast.value;
  throw new UserError(`${name} must be a string`);
}

function checked(re: RegExp, name: string) {
  return (v: unknown): string => {
    const s = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v;
    if (typeof s !== 'string' || !re.test(s))
      throw new UserError(`invalid ${name}: expected a decimal string`);
    return s;
  };
}

/** OpenReader's BigInt: a decimal string both ways (JSON numbers lose precision above 2^53). */
export const BigIntScalar = new GraphQLScalarType({
  name: 'BigInt',
  description: 'Big integer as a decimal string',
  serialize: (v) => (typeof v === 'bigint' ? v.toString() : String(v)),
  parseValue: checked(INT_RE, 'BigInt'),
  parseLiteral: (ast) => checked(INT_RE, 'BigInt')(literal(ast, 'BigInt')),
});

export const BigDecimalScalar = new GraphQLScalarType({
  name: 'BigDecimal',
  description: 'Decimal number as a string',
  serialize: (v) => String(v),
  parseValue: checked(DEC_RE, 'BigDecimal'),
  parseLiteral: (ast) => checked(DEC_RE, 'BigDecimal')(literal(ast, 'BigDecimal')),
});

const ISO_RE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * A DateTime argument as text Postgres reads without loss: its fractional digits are kept (JavaScript's Date
 * would cut them to milliseconds), a time without zone is UTC, a date alone is its UTC midnight.
 */
function parseDate(v: unknown): string {
  const m = typeof v === 'string' ? ISO_RE.exec(v) : null;
  const zone = m?.[3] ? m[3].replace(/^([+-]\d{2}):?(\d{2})?$/, (_, h, mm) => `${h}:${mm ?? '00'}`) : 'Z';
  const text = m && `${m[1]}T${m[2] ?? '00:00:00'}${zone.toUpperCase()}`;
  if (!text || Number.isNaN(Date.parse(text)))
    throw new UserError('invalid DateTime: expected an ISO 8601 string');
  return text;
}

/**
 * ISO 8601 strings both ways. Entity rows carry OpenReader's text (UTC, microseconds) and pass through; Dates
 * from custom queries print as ISO.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string in ISO 8601 format (YYYY-MM-DDTHH:mm:ss.ssssssZ)',
  serialize: (v) => {
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'string' && ISO_RE.test(v)) return v;
    const d = new Date(v as string);
    if (Number.isNaN(d.getTime())) throw new TypeError('not a DateTime');
    return d.toISOString();
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function jsonLiteral(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(jsonLiteral);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, jsonLiteral(f.value)]));
    default:
      throw new UserError('variables inside JSON literals are not supported');
  }
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: jsonLiteral,
});

const HEX_RE = /^0x([0-9a-fA-F]{2})*$/;
export const BytesScalar = new GraphQLScalarType({
  name: 'Bytes',
  description: 'Binary data as 0x-prefixed hex',
  serialize: (v) => (Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : String(v)),
  parseValue: (v) => {
    if (typeof v !== 'string' || !HEX_RE.test(v)) throw new UserError('invalid Bytes: expected 0x hex');
    return Buffer.from(v.slice(2), 'hex');
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !HEX_RE.test(ast.value))
      throw new UserError('invalid Bytes: expected 0x hex');
    return Buffer.from(ast.value.slice(2), 'hex');
  },
});

export const scalarResolvers = {
  BigInt: BigIntScalar,
  BigDecimal: BigDecimalScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Bytes: BytesScalar,
};
