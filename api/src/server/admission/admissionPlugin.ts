import { print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiLimits } from '../../config.js';
import type { ApiContext } from '../context.js';
import type { HeavyWorkers } from '../heavy/HeavyWorkers.js';
import { rawResult } from '../heavy/rawResult.js';
import { AdmissionQueue } from './AdmissionQueue.js';
import { type CostModel, estimateCost, num } from './estimateCost.js';

/** Weights of the custom queries that aggregate or walk whole tables whatever their page size. */
export function costModel(limits: ApiLimits): CostModel {
  const flat = (n: number) => () => n;
  return {
    unboundedRows: limits.maxPageSize,
    defaultRows: limits.defaultPageSize,
    fixed: {
      lineage: (a) => 2 * num(a.maxNodes, limits.lineageDefaultNodes) * Math.max(1, num(a.depth, 3) / 3),
      tokenFlows: flat(5000),
      networkTotals: flat(2000),
      topContributors: flat(2000),
      topDatanets: flat(2000),
      timeSeries: flat(400),
      search: flat(500),
      auditQueue: (a) => num(a.limit, 50) * 4,
      attributionFlags: (a) => num(a.limit, 50),
    },
  };
}

/** Who a request is for fair queuing: the peer address (a proxy in front makes everyone one client). */
function clientOf(ctx: Record<string, unknown>): string {
  const req = ctx.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? 'local';
}

export interface Admission {
  plugin: Plugin;
  queue: AdmissionQueue;
}

/**
 * Cost-based admission: each operation's cost is estimated before it executes (`estimateCost`); cheap ones
 * run at once, heavy ones (cost >= heavyCost) go through the AdmissionQueue and run on heavy worker threads
 * (or, without workers, on this thread with their own connections: `heavyContext`), so 200 heavy queries
 * cannot take the pool, the CPU or the event loop from a cheap one.
 */
export function admission(
  limits: ApiLimits,
  heavyContext: (ctx: ApiContext) => ApiContext,
  workers?: HeavyWorkers,
): Admission {
  const queue = new AdmissionQueue({
    concurrency: workers?.threads ?? Math.max(1, limits.heavyConcurrency),
    maxQueued: limits.heavyMaxQueued,
    maxQueuedPerClient: limits.heavyMaxQueuedPerClient,
    maxWaitMs: limits.heavyMaxWaitMs,
  });
  const model = costModel(limits);
  const plugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues, model);
      if (cost < limits.heavyCost) return;
      const ctx = args.contextValue as unknown as Record<string, unknown>;
      const signal = (ctx.request as Request | undefined)?.signal;
      const query = (ctx.params as { query?: string } | undefined)?.query;
      setExecuteFn((a) =>
        queue.run(
          clientOf(ctx),
          async () => {
            const job = { query: query ?? print(a.document), variables: a.variableValues ?? undefined };
            const body = workers?.run({ ...job, operationName: a.operationName });
            if (body) return rawResult(await body);
            return executeFn({ ...a, contextValue: heavyContext(a.contextValue as ApiContext) });
          },
          signal,
        ),
      );
    },
  };
  return { plugin, queue };
}
