import { UserError } from '@ae/core';
import type { ApiContext } from '../server/context.js';
import { accountFlows, balanceHistory } from './accountActivity.js';
import { block, blocks, transaction } from './chainLookups.js';

const bounded = (v: unknown, dflt: number, max: number, name: string) => {
  const n = (v ?? dflt) as number;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UserError(`${name} must be between 1 and ${max}`, { code: 'LIMIT_EXCEEDED' });
  return n;
};

/** Resolvers of chainTypeDefs. */
export const chainResolvers = {
  Query: {
    transaction: (_: unknown, a: { hash: string }, ctx: ApiContext) => transaction(ctx, a.hash),
    block: (_: unknown, a: { id: string }, ctx: ApiContext) => block(ctx, a.id),
    blocks: (_: unknown, a: { limit?: number; before?: number | null }, ctx: ApiContext) => {
      if (a.before !== undefined && a.before !== null && (!Number.isInteger(a.before) || a.before < 0))
        throw new UserError('before must be a block height');
      return blocks(ctx, bounded(a.limit, 20, 50, 'limit'), a.before);
    },
    accountFlows: (_: unknown, a: { address: string }, ctx: ApiContext) => accountFlows(ctx.db, a.address),
    balanceHistory: (_: unknown, a: { address: string; points?: number }, ctx: ApiContext) =>
      balanceHistory(ctx, a.address, bounded(a.points, 60, 100, 'points')),
  },
};
