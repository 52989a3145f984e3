import { BaseError, type Deployment, JsonRpc } from '@ae/core';
import type { ApiContext } from '../server/context.js';

const clients = new Map<string, JsonRpc>();

/**
 * The chain node behind the block, transaction and balance lookups: the API's RPC_URL, one client per URL,
 * a short timeout (a page must not hang on a slow node) and a bounded answer. Without RPC_URL these lookups
 * say so (UNAVAILABLE) instead of answering from a partial index.
 */
export function chainRpc(ctx: ApiContext): JsonRpc {
  const url = ctx.services.rpcUrl;
  if (!url)
    throw new BaseError('chain lookups need the API to have RPC_URL', {
      code: 'UNAVAILABLE',
      details: 'blocks, transactions and balances are read from the node; set RPC_URL for the API',
    });
  let c = clients.get(url);
  if (!c) {
    c = new JsonRpc(url, { timeoutMs: 5_000, maxResponseBytes: 16 * 1024 * 1024 });
    clients.set(url, c);
  }
  return c;
}

/** The deployment the API knows (for contract names), or undefined. */
export function knownDeployment(ctx: ApiContext): Deployment | undefined {
  try {
    return ctx.services.deployment?.();
  } catch {
    return undefined;
  }
}
