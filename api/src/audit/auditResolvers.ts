import { UserError } from '@ae/core';
import { pageOffset, pageSize } from '../entities/ir/page.js';
import type { Row } from '../entities/resolve/createLoaders.js';
import type { ApiContext } from '../server/context.js';
import {
  AUDIT_ORDERS,
  type AuditFilter,
  type AuditOrder,
  type AuditRow,
  auditCount,
  auditRows,
  type ChainClock,
} from './auditState.js';

type Args = Record<string, unknown>;

function filterOf(a: Args): AuditFilter {
  const poster = a.poster as string | null | undefined;
  if (poster != null && !/^0x[0-9a-fA-F]{40}$/.test(poster))
    throw new UserError('poster must be a 0x address');
  const modelId = a.modelId as string | null | undefined;
  if (modelId != null && !/^[0-9]{1,78}$/.test(modelId)) throw new UserError('modelId must be a decimal id');
  return {
    verdicts: (a.verdicts as string[] | null) ?? ['MISMATCH', 'UNVERIFIABLE'],
    includeOpenDisputes: a.includeOpenDisputes !== false,
    states: (a.states as string[] | null) ?? null,
    modelId: modelId ?? null,
    poster: poster ?? null,
  };
}

/** The window of an audit row on the chain clock; all null when the API cannot read that clock. */
function challenge(row: AuditRow | null, clock: ChainClock | null) {
  if (!row || !clock) return { closesAt: null, secondsLeft: null, open: null, chainTime: null };
  const left = Math.round(row.closesAt - clock.chainTime);
  return {
    closesAt: new Date(row.closesAt * 1000),
    secondsLeft: left,
    open: left > 0,
    chainTime: new Date(clock.chainTime * 1000),
  };
}

const disputeRow = (ctx: ApiContext, id: string | null | undefined) =>
  id ? ctx.loaders.byId('Dispute').load(id) : null;

/** Resolvers of auditTypeDefs and the audit queue: thin glue to auditState (SQL) and the loaders. */
export const auditResolvers = {
  Query: {
    auditQueue: async (_: unknown, a: Args, ctx: ApiContext) => {
      const order = (a.orderBy as AuditOrder | null) ?? 'POSTED_DESC';
      if (!Object.hasOwn(AUDIT_ORDERS, order)) throw new UserError(`unknown orderBy ${order}`);
      const clock = await ctx.audit.chainClock();
      const rows = await auditRows(ctx.db, filterOf(a), clock, {
        order,
        limit: pageSize(a.limit as number, ctx.limits),
        offset: pageOffset(a.offset as number, ctx.limits.maxOffset),
      });
      for (const r of rows) ctx.audit.audit.prime(r.attributionId, r);
      return rows;
    },
    auditQueueCount: async (_: unknown, a: Args, ctx: ApiContext) => {
      return auditCount(ctx.db, filterOf(a), await ctx.audit.chainClock());
    },
  },
  AuditItem: {
    attribution: (p: AuditRow, _a: Args, ctx: ApiContext) =>
      ctx.loaders.byId('Attribution').load(p.attributionId),
    verdict: async (p: AuditRow, _a: Args, ctx: ApiContext) =>
      (await ctx.audit.verdicts.load(p.attributionId))[0] ?? null,
    challenge: async (p: AuditRow, _a: Args, ctx: ApiContext) => challenge(p, await ctx.audit.chainClock()),
    dispute: (p: AuditRow, _a: Args, ctx: ApiContext) => disputeRow(ctx, p.latestDisputeId),
  },
  Attribution: {
    auditState: async (p: Row, _a: Args, ctx: ApiContext) => {
      return (await ctx.audit.audit.load(String(p.id)))?.state ?? 'AWAITING_REPLAY';
    },
    challenge: async (p: Row, _a: Args, ctx: ApiContext) => {
      return challenge(await ctx.audit.audit.load(String(p.id)), await ctx.audit.chainClock());
    },
  },
  AttributionFlag: {
    signer: (p: Row, _a: Args, ctx: ApiContext) => ctx.loaders.byId('Account').load(String(p.auditor)),
    dispute: async (p: Row, _a: Args, ctx: ApiContext) => {
      const own = (await ctx.audit.disputes.load(String(p.attributionId))).find(
        (d) => d.challenger === p.auditor,
      );
      return disputeRow(ctx, own?.id);
    },
    status: async (p: Row, _a: Args, ctx: ApiContext) => {
      const own = (await ctx.audit.disputes.load(String(p.attributionId))).find(
        (d) => d.challenger === p.auditor,
      );
      if (own) return own.status === 'OPEN' ? 'DISPUTED' : own.status;
      const a = await ctx.loaders.byId('Attribution').load(String(p.attributionId));
      return a && (a.settled || a.status === 'UPHELD') ? 'CLOSED' : 'OPEN';
    },
  },
};
