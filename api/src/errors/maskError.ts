import { BaseError } from '@ae/core';
import { GraphQLError } from 'graphql';

function findBaseError(e: unknown): BaseError | undefined {
  let cur = e;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof BaseError) return cur;
    cur =
      (cur as { originalError?: unknown; cause?: unknown }).originalError ??
      (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Maps every error a client can see to a short message and `extensions.code`: BaseError codes pass through with
 * their safe short message; anything else (a bug, a driver error) becomes "internal error" and is logged, so no
 * stack, SQL or internal detail ever leaves the server. GraphQL's own validation errors (syntax, unknown field,
 * armor limits) are already safe and keep their text.
 */
export function createMaskError(log: (e: unknown) => void = (e) => console.error('[api] internal error', e)) {
  return (error: unknown, message: string): Error => {
    const gql = error instanceof GraphQLError ? error : undefined;
    const opts = { nodes: gql?.nodes, path: gql?.path };
    if (gql && !gql.originalError) {
      const armor = /limit of \d+ exceeded/i.test(gql.message);
      const code = armor
        ? 'LIMIT_EXCEEDED'
        : ((gql.extensions?.code as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED');
      return new GraphQLError(gql.message, { ...opts, extensions: { ...gql.extensions, code } });
    }
    const base = findBaseError(gql ? gql.originalError : error);
    if (base && base.code !== 'INTERNAL') {
      const msg = gql ? gql.message.replace(base.message, base.shortMessage) : base.shortMessage;
      return new GraphQLError(msg, { ...opts, extensions: { code: base.code } });
    }
    log(gql?.originalError ?? error);
    return new GraphQLError(base ? 'internal error' : message, { ...opts, extensions: { code: 'INTERNAL' } });
  };
}
