import { BaseError, type ErrorCode, walkErrors } from '@ae/core';
import { GraphQLError } from 'graphql';

export interface MaskOptions {
  /** Where internal errors are logged. */
  log?: (e: unknown) => void;
  /** Keep graphql-js's "Did you mean …?" hints (they name schema members: off with introspection). */
  suggestions?: boolean;
  /** Longest message a client gets (graphql-js quotes invalid values whole). */
  maxMessageLength?: number;
  /** 'validation' for the errors graphql-js returns from validation (they are never thrown). */
  phase?: Phase;
}

/** Errors that mean a bug on our side even when a request provoked them (a stack overflow, a type error). */
const isBug = (e: unknown) =>
  e instanceof RangeError || e instanceof TypeError || e instanceof ReferenceError;

/**
 * What a client did wrong, as opposed to what went wrong here. Errors without a path never reached a resolver:
 * syntax, validation, variable coercion and yoga's request parsing all judge what the client sent; argument
 * coercion is the same judgement made during execution.
 */
function clientCode(gql: GraphQLError, phase: Phase): ErrorCode | undefined {
  if (gql.originalError && !(gql.originalError instanceof GraphQLError) && isBug(gql.originalError))
    return undefined;
  if (/limit of \d+ exceeded|more that \d+ tokens/i.test(gql.message)) return 'LIMIT_EXCEEDED';
  if (/^Syntax Error:/.test(gql.message)) return 'GRAPHQL_PARSE_FAILED';
  if (phase === 'validation') return 'GRAPHQL_VALIDATION_FAILED';
  if (gql.path === undefined) return 'BAD_USER_INPUT';
  if (!gql.originalError && /^Argument "/.test(gql.message)) return 'BAD_USER_INPUT';
  return undefined;
}

/** Where an error arose: validation errors are returned by graphql-js, not thrown, and masked apart. */
export type Phase = 'validation' | 'request';

/**
 * Maps every error a client can see to a short message and `extensions.code` (@ae/core's codes): BaseErrors
 * keep their code and short message; a client's mistake is GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * LIMIT_EXCEEDED or, for a value (a variable of the wrong type, a malformed body), BAD_USER_INPUT; anything
 * else is "internal error" and is logged. Nothing
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
  const phase = o.phase ?? 'request';
  return (error: unknown, message: string): Error => {
    const gql = error instanceof GraphQLError ? error : undefined;
    let http = gql?.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
    const out = (msg: string, code: ErrorCode) =>
      new GraphQLError(tidy(msg), {
        nodes: gql?.nodes,
        path: gql?.path,
        extensions: http ? { code, http } : { code },
      });
    const base = walkErrors(error, (e) => e instanceof BaseError) as BaseError | null;
    if (base && base.code !== 'INTERNAL') {
      const msg = gql?.message.includes(base.message)
        ? gql.message.replace(base.message, base.shortMessage)
        : base.shortMessage;
      if (base.code === 'OVERLOADED') http = { status: 503, headers: { 'retry-after': '1' } };
      return out(msg, base.code);
    }
    const code = gql && !base ? clientCode(gql, phase) : undefined;
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
