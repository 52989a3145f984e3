import { UserError } from '@ae/core';
import type { ApiContext } from '../server/context.js';
import { governanceProposals } from './governanceQueries.js';

/** Resolvers of governanceTypeDefs. */
export const governanceResolvers = {
  Query: {
    governanceProposalOverviews: (_: unknown, a: { limit?: number }, ctx: ApiContext) => {
      const limit = a.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new UserError('limit must be between 1 and 200', { code: 'LIMIT_EXCEEDED' });
      return governanceProposals(ctx, { limit });
    },
    governanceProposalOverview: async (_: unknown, a: { id: string }, ctx: ApiContext) =>
      (await governanceProposals(ctx, { id: a.id, limit: 1 }))[0] ?? null,
  },
};
