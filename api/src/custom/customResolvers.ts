import { BaseError, UserError } from '@ae/core';
import { attributionFlags } from '../audit/auditQueries.js';
import { type FlagArgs, flagAttribution } from '../audit/flagAttribution.js';
import { chainResolvers } from '../chain/chainResolvers.js';
import { pageOffset, pageSize } from '../entities/ir/page.js';
import type { Row } from '../entities/resolve/createLoaders.js';
import { governanceResolvers } from '../governance/governanceResolvers.js';
import { type LineageArgs, lineage } from '../lineage/lineage.js';
import { chainHashHits } from '../search/chainHashHits.js';
import { searchEntities } from '../search/searchEntities.js';
import type { ApiContext } from '../server/context.js';
import { topContributors, topDatanets } from '../stats/leaderboards.js';
import { networkTotals } from '../stats/networkTotals.js';
import { reconciliation } from '../stats/reconciliation.js';
import { stakerRewardsUnharvested } from '../stats/stakerRewards.js';
import { timeSeries } from '../stats/timeSeries.js';
import { type TokenFlowArgs, tokenFlows } from '../stats/tokenFlows.js';
import { indexerStatus } from '../status/indexerStatus.js';

type Args = Record<string, unknown>;
const small = (n: unknown, max: number, name: string) => {
  const v = (n ?? 10) as number;
  if (!Number.isInteger(v) || v < 1 || v > max)
    throw new UserError(`${name} must be between 1 and ${max}`, { code: 'LIMIT_EXCEEDED' });
  return v;
};

/** Resolvers of customTypeDefs: thin glue from GraphQL arguments to the modules that own each query. */
export const customResolvers = {
  Query: {
    lineage: (_: unknown, a: LineageArgs, ctx: ApiContext) => lineage(ctx.db, ctx.limits, a),
    tokenFlows: (_: unknown, a: TokenFlowArgs, ctx: ApiContext) => tokenFlows(ctx.db, a),
    timeSeries: (_: unknown, a: { metric: string; from?: string; to?: string }, ctx: ApiContext) =>
      timeSeries(ctx.db, a),
    topContributors: (_: unknown, a: Args, ctx: ApiContext) =>
      topContributors(ctx.db, ctx.model, small(a.limit, 100, 'limit'), String(a.orderBy ?? 'REWARDS')),
    topDatanets: (_: unknown, a: Args, ctx: ApiContext) =>
      topDatanets(ctx.db, ctx.model, small(a.limit, 100, 'limit'), String(a.orderBy ?? 'INFLUENCE')),
    networkTotals: (_: unknown, _a: Args, ctx: ApiContext) => networkTotals(ctx.db),
    reconciliation: (_: unknown, _a: Args, ctx: ApiContext) => reconciliation(ctx),
    search: (_: unknown, a: { text: string; limit?: number }, ctx: ApiContext) =>
      searchEntities(ctx.db, a.text, small(a.limit, 50, 'limit'), (h) => chainHashHits(ctx, h)),
    ...chainResolvers.Query,
    ...governanceResolvers.Query,
    attributionFlags: async (_: unknown, a: Args, ctx: ApiContext) => {
      return attributionFlags(ctx.db, {
        attributionId: a.attributionId as string | null,
        auditor: a.auditor as string | null,
        limit: pageSize(a.limit as number, ctx.limits),
        offset: pageOffset(a.offset as number, ctx.limits.maxOffset),
      });
    },
    flagDomain: (_: unknown, _a: Args, ctx: ApiContext) => {
      const d = ctx.services.flagDomain();
      if (!d) throw new BaseError('no deployment configured', { code: 'UNAVAILABLE' });
      return d;
    },
    indexerStatus: (_: unknown, _a: Args, ctx: ApiContext) => indexerStatus(ctx.db, ctx.services),
  },
  Mutation: {
    flagAttribution: async (_: unknown, a: FlagArgs, ctx: ApiContext) => {
      return flagAttribution(ctx.db, ctx.services, ctx.limits.flagMaxDeadlineS, a);
    },
  },
  Attribution: {
    verdicts: (p: Row, _a: Args, ctx: ApiContext) => ctx.audit.verdicts.load(String(p.id)),
    verdict: async (p: Row, _a: Args, ctx: ApiContext) => {
      const vs = await ctx.audit.verdicts.load(String(p.id));
      return vs.find((v) => v.method === p.method) ?? vs[0] ?? null;
    },
    flags: async (p: Row, _a: Args, ctx: ApiContext) => {
      return ctx.audit.flags.load(String(p.id));
    },
  },
  Account: {
    stakerRewardsUnharvested: (p: Row, _a: Args, ctx: ApiContext) => stakerRewardsUnharvested(ctx, p),
  },
  AttributionVerdict: {
    attribution: (p: Row, _a: Args, ctx: ApiContext) =>
      ctx.loaders.byId('Attribution').load(String(p.attributionId)),
  },
  AttributionFlag: {
    attribution: (p: Row, _a: Args, ctx: ApiContext) =>
      ctx.loaders.byId('Attribution').load(String(p.attributionId)),
  },
};
