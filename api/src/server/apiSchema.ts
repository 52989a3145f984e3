import { createSchema } from 'graphql-yoga';
import { auditResolvers } from '../audit/auditResolvers.js';
import { auditTypeDefs } from '../audit/auditTypeDefs.js';
import { customResolvers } from '../custom/customResolvers.js';
import { customTypeDefs } from '../custom/customTypeDefs.js';
import { entityTypeDefs } from '../entities/model/entityTypeDefs.js';
import type { Model } from '../entities/model/readModel.js';
import { entityResolvers } from '../entities/resolve/entityResolvers.js';
import { evaluationResolvers } from '../evaluation/evaluationResolvers.js';
import { evaluationTypeDefs } from '../evaluation/evaluationTypeDefs.js';
import { scalarResolvers } from '../scalars/scalars.js';
import { spanResolvers } from '../spans/spanResolvers.js';
import { spanTypeDefs } from '../spans/spanTypeDefs.js';
import { squidStatusResolvers, squidStatusTypeDefs } from '../status/squidStatus.js';
import type { ApiContext } from './context.js';

/** The executable schema: the entity surface of `model`, squidStatus, the custom queries, the audit loop and span-match@1's generated answers, models' held-out evaluations. */
export function apiSchema(model: Model) {
  return createSchema<ApiContext>({
    typeDefs: [
      entityTypeDefs(model),
      squidStatusTypeDefs,
      customTypeDefs,
      auditTypeDefs,
      spanTypeDefs,
      evaluationTypeDefs,
    ],
    resolvers: [
      scalarResolvers,
      entityResolvers(model),
      squidStatusResolvers,
      customResolvers,
      auditResolvers,
      spanResolvers,
      evaluationResolvers,
    ] as never,
  });
}
