import { BaseError, type ErrorCode } from '@ae/core';
import { GraphQLError } from 'graphql';

export interface MaskOptions {
  /** Where internal errors are logged. */
  log?: (e: unknown) => void;
  /** Keep graphql-js's "Did you mean …?" hints (they name schema members: off with introspection). */
  suggestions?: boolean;
  /** Longest message a client gets (graphql-js quotes invalid values whole). */
  maxMessageLength?: number;
}

/** The first BaseError along originalError / cause (a bounded walk). */
function findBaseError(e: unknown): BaseError | undefined {
  let cur = e;
  for (let i = 0; i < 8 && cur; i++) {
    if (cur instanceof BaseError) return cur;
    cur =
      (cur as { originalError?: unknown; cause?: unknown }).originalError ??
      (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Errors that mean a bug on our side even when a request provoked them (a stack overflow, a type error). */
const isBug = (e: unknown) =>
  e instanceof RangeError || e instanceof TypeError || e instanceof ReferenceError;

/**
 * What a client did wrong, as opposed to what went wrong here. Errors without a path never reached a resolver:
 * syntax, validation, variable coercion and yoga's request parsing all judge what the client sent; argument
 * coercion is the same judgement made during execution.
 */
function clientCode(gql: GraphQLError): ErrorCode | undefined {
  if (gql.originalError && !(gql.originalError instanceof GraphQLError) && isBug(gql.originalError))
    return undefined;
  if (/limit of \d+ exceeded|more that \d+ tokens/i.test(gql.message)) return 'LIMIT_EXCEEDED';
  if (gql.path === undefined) return 'BAD_USER_INPUT';
  if (!gql.originalError && /^Argument "/.test(gql.message)) return 'BAD_USER_INPUT';
  return undefined;
}

/**
 * Maps every error a client can see to a short message and `extensions.code` (the BaseError codes): BaseErrors
 * keep their code and short message, a client's mistake (syntax, validation, a variable of the wrong type, a
 * malformed body) is BAD_USER_INPUT or LIMIT_EXCEEDED, anything else is "internal error" and is logged. Nothing
 * else leaves the server: no stack, SQL, original error, echo of a large value, or schema hint when
 * introspection is off.
 */
export function createMaskError(o: MaskOptions = {}) {
  const log = o.log ?? ((e: unknown) => console.error('[api] internal error', e));
  const max = o.maxMessageLength ?? 300;
  const tidy = (m: string) => {
    const s = o.suggestions === false ? m.replace(/\s*Did you mean [\s\S]*$/, '') : m;
    return s.length > max ? `${s.slice(0, max)}…` : s;
  };
  return (error: unknown, message: string): Error => {
    const gql = error instanceof GraphQLError ? error : undefined;
    let http = gql?.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
    const out = (msg: string, code: ErrorCode) =>
      new GraphQLError(tidy(msg), {
        nodes: gql?.nodes,
        path: gql?.path,
        extensions: http ? { code, http } : { code },
      });
    const base = findBaseError(error);
    if (base && base.code !== 'INTERNAL') {
      const msg = gql?.message.includes(base.message)
        ? gql.message.replace(base.message, base.shortMessage)
        : base.shortMessage;
      return out(msg, base.code);
    }
    const code = gql && !base ? clientCode(gql) : undefined;
    if (code) return out(gql?.message ?? message, code);
    // yoga parses GET variables and extensions with JSON.parse and lets its SyntaxError through
    if (error instanceof SyntaxError) {
      http = { status: 400 };
      return out('malformed JSON in the request', 'BAD_USER_INPUT');
    }
    log(gql?.originalError ?? error);
    return out(base || gql ? 'internal error' : message, 'INTERNAL');
  };
}
