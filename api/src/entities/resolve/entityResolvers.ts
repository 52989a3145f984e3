import type { GraphQLResolveInfo } from 'graphql';
import type { ApiContext } from '../../server/context.js';
import type { Model } from '../model/readModel.js';
import type { Row } from './createLoaders.js';
import { type ConnectionArgs, connection, listRows } from './entityQueries.js';
import type { ListArgs } from './parseArgs.js';

type Resolver = (parent: Row, args: never, ctx: ApiContext, info: GraphQLResolveInfo) => unknown;

/** Resolvers for the generated entity surface: root queries plus relation and @derivedFrom fields. */
export function entityResolvers(model: Model): Record<string, Record<string, Resolver>> {
  const query: Record<string, Resolver> = {};
  const out: Record<string, Record<string, Resolver>> = { Query: query };
  for (const e of model.entities.values()) {
    query[e.listQuery] = ((_p: Row, args: ListArgs, ctx: ApiContext) =>
      listRows(ctx.model, ctx.db, ctx.limits, e, args)) as Resolver;
    query[e.byIdQuery] = ((_p: Row, args: { id: string }, ctx: ApiContext) =>
      ctx.loaders.byId(e.name).load(args.id)) as Resolver;
    query[e.connectionQuery] = ((_p: Row, args: ConnectionArgs, ctx: ApiContext, info: GraphQLResolveInfo) =>
      connection(ctx.model, ctx.db, ctx.limits, e, args, info)) as Resolver;
    const fields: Record<string, Resolver> = {};
    for (const f of e.fields.values()) {
      if (f.kind === 'fk') {
        fields[f.name] = ((parent: Row, _a: unknown, ctx: ApiContext) => {
          const id = parent[f.name];
          return id === null || id === undefined ? null : ctx.loaders.byId(f.entity).load(String(id));
        }) as Resolver;
      } else if (f.kind === 'list') {
        fields[f.name] = ((parent: Row, args: ListArgs, ctx: ApiContext) =>
          ctx.loaders.derived(f, args).load(String(parent.id))) as Resolver;
      }
    }
    out[e.name] = fields;
  }
  return out;
}
