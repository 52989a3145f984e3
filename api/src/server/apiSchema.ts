import { createSchema } from 'graphql-yoga';
import { auditResolvers } from '../audit/auditResolvers.js';
import { auditTypeDefs } from '../audit/auditTypeDefs.js';
import { customResolvers } from '../custom/customResolvers.js';
import { customTypeDefs } from '../custom/customTypeDefs.js';
import { entityTypeDefs } from '../entities/model/entityTypeDefs.js';
import type { Model } from '../entities/model/readModel.js';
import { entityResolvers } from '../entities/resolve/entityResolvers.js';
import { scalarResolvers } from '../scalars/scalars.js';
import { squidStatusResolvers, squidStatusTypeDefs } from '../status/squidStatus.js';
import type { ApiContext } from './context.js';

/** The executable schema: the entity surface of `model`, squidStatus, the custom queries and the audit loop. */
export function apiSchema(model: Model) {
  return createSchema<ApiContext>({
    typeDefs: [entityTypeDefs(model), squidStatusTypeDefs, customTypeDefs, auditTypeDefs],
    resolvers: [
      scalarResolvers,
      entityResolvers(model),
      squidStatusResolvers,
      customResolvers,
      auditResolvers,
    ] as never,
  });
}
