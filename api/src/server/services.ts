import { FolderArtifactStore } from '@ae/attribution-replay/span-match';
import { attributionRegistryAbi } from '@ae/contracts';
import type { Deployment } from '@ae/core';
import { buildFlagDomain, type FlagDomain } from '@ae/core/flag';
import { createPublicClient, http, isAddress } from 'viem';
import type { ChainClock } from '../audit/auditState.js';

export interface ChainHead {
  height: number;
  hash: string;
}

/** Things outside Postgres the API consults: the deployment (for the EIP-712 domain) and the chain head. */
export interface ApiServices {
  /** null when no deployment is known (flagging is then unavailable). */
  flagDomain(): FlagDomain | null;
  /** The RPC's head, or null without RPC_URL or when the node does not answer in time. */
  chainHead(): Promise<ChainHead | null>;
  /** Unix seconds (tests move the clock). */
  now(): number;
  /**
   * The chain's clock for challenge windows: the head block's time and the registry's challengeWindow;
   * null without RPC_URL or a deployment, or when the node does not answer.
   */
  challengeClock?(): Promise<ChainClock | null>;
  /** The chain node, for the block and transaction lookups (undefined without RPC_URL). */
  rpcUrl?: string;
  /** The deployment as known now (contract names of the lookups). */
  deployment?: () => Deployment | undefined;
  /** The verified content-addressed artifact store (generated answers and span-match@1 spans); undefined = none. */
  artifacts?: { get(hash: string): Promise<Uint8Array> };
}

export interface ServiceOptions {
  rpcUrl?: string;
  /** The deployment, read on each use (the devnet may write it after the API starts). */
  deployment?: () => Deployment | undefined;
  chainId?: number;
  attributionRegistry?: string;
  flagDomain?: FlagDomain;
  now?: () => number;
  /** ARTIFACTS_DIR: the folder artifact store the API reads generated answers from. */
  artifactsDir?: string;
}

/**
 * Reads the deployment lazily (the devnet may write it after the API starts) and caches the RPC head for a
 * second, so a busy status page does not hammer the node.
 */
export function createServices(o: ServiceOptions): ApiServices {
  const client = o.rpcUrl
    ? createPublicClient({ transport: http(o.rpcUrl, { timeout: 2000, retryCount: 0 }) })
    : null;
  let headCache: { at: number; head: Promise<ChainHead | null> } | null = null;
  let clockCache: { at: number; clock: Promise<ChainClock | null> } | null = null;
  let windowCache: { at: number; registry: string; window: Promise<number> } | null = null;
  return {
    flagDomain() {
      if (o.flagDomain) return o.flagDomain;
      let chainId = o.chainId;
      let registry = o.attributionRegistry;
      if ((chainId === undefined || !registry) && o.deployment) {
        try {
          const d = o.deployment();
          chainId ??= d?.chainId;
          registry ??= d?.contracts.AttributionRegistry;
        } catch {
          return null;
        }
      }
      if (chainId === undefined || !registry || !isAddress(registry)) return null;
      return buildFlagDomain(chainId, registry.toLowerCase() as `0x${string}`);
    },
    chainHead() {
      if (!client) return Promise.resolve(null);
      const t = Date.now();
      if (headCache && t - headCache.at < 1000) return headCache.head;
      const head = client
        .getBlock({ blockTag: 'latest' })
        .then((b) => ({ height: Number(b.number), hash: b.hash as string }))
        .catch(() => null);
      headCache = { at: t, head };
      return head;
    },
    now: o.now ?? (() => Math.floor(Date.now() / 1000)),
    challengeClock() {
      const registry = this.flagDomain()?.verifyingContract;
      if (!client || !registry) return Promise.resolve(null);
      const t = Date.now();
      if (clockCache && t - clockCache.at < 1000) return clockCache.clock;
      if (!windowCache || windowCache.registry !== registry || t - windowCache.at > 30_000)
        windowCache = {
          at: t,
          registry,
          window: client
            .readContract({ address: registry, abi: attributionRegistryAbi, functionName: 'challengeWindow' })
            .then(Number),
        };
      const window = windowCache.window;
      const clock = Promise.all([client.getBlock({ blockTag: 'latest' }), window])
        .then(([b, w]) => ({ chainTime: Number(b.timestamp), windowS: w }))
        .catch(() => {
          windowCache = null;
          return null;
        });
      clockCache = { at: t, clock };
      return clock;
    },
    rpcUrl: o.rpcUrl,
    deployment: o.deployment,
    artifacts: o.artifactsDir ? new FolderArtifactStore(o.artifactsDir) : undefined,
  };
}
