import { createSchema } from 'graphql-yoga';
import { auditResolvers } from '../audit/auditResolvers.js';
import { auditTypeDefs } from '../audit/auditTypeDefs.js';
import { customResolvers } from '../custom/customResolvers.js';
import { customTypeDefs } from '../custom/customTypeDefs.js';
import { entityTypeDefs } from '../entities/model/entityTypeDefs.js';
import type { Model } from '../entities/model/readModel.js';
import { entityResolvers } from '../entities/resolve/entityResolvers.js';
import { scalarResolvers } from '../scalars/scalars.js';
import { spanResolvers } from '../spans/spanResolvers.js';
import { spanTypeDefs } from '../spans/spanTypeDefs.js';
import { squidStatusResolvers, squidStatusTypeDefs } from '../status/squidStatus.js';
import type { ApiContext } from './context.js';

/** The executable schema: the entity surface of `model`, squidStatus, the custom queries, the audit loop and span-match@1's generated answers. */
export function apiSchema(model: Model) {
  return createSchema<ApiContext>({
    typeDefs: [entityTypeDefs(model), squidStatusTypeDefs, customTypeDefs, auditTypeDefs, spanTypeDefs],
    resolvers: [
      scalarResolvers,
      entityResolvers(model),
      squidStatusResolvers,
      customResolvers,
      auditResolvers,
      spanResolvers,
    ] as never,
  });
}
