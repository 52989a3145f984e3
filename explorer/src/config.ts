/**
 * The explorer's one config module: every environment variable it reads is here.
 * Server-only (the browser talks to the same-origin `/graphql` proxy and never needs these).
 */
export interface ExplorerConfig {
  /** GraphQL endpoint the server proxies to and renders from. */
  apiUrl: string;
  /** Port of the built adapter-node server (`npm start`). */
  port: number;
  /** Interface to bind. */
  host: string;
  /** Gateway used to turn `ipfs://` URIs from the chain into links. */
  ipfsGateway: string;
  /** Milliseconds before a proxied API call is abandoned. */
  apiTimeoutMs: number;
  /** Offer anvil's well-known test key for signing flags (local devnets only). */
  devnetSigner: boolean;
}

export const DEFAULT_API_URL = 'http://localhost:4350/graphql';

/** Reads the environment once; invalid values fail loudly at start rather than at the first request. */
export function loadConfig(env: Record<string, string | undefined> = process.env): ExplorerConfig {
  const apiUrl = env.API_URL || env.PUBLIC_API_URL || DEFAULT_API_URL;
  try {
    const u = new URL(apiUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new Error(`API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  }
  const port = Number(env.EXPLORER_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`EXPLORER_PORT is not a port: ${env.EXPLORER_PORT}`);
  const apiTimeoutMs = Number(env.EXPLORER_API_TIMEOUT_MS ?? 15000);
  return {
    apiUrl,
    port,
    host: env.EXPLORER_HOST ?? '0.0.0.0',
    ipfsGateway: (env.PUBLIC_IPFS_GATEWAY ?? 'https://ipfs.io').replace(/\/+$/, ''),
    apiTimeoutMs: Number.isFinite(apiTimeoutMs) && apiTimeoutMs > 0 ? apiTimeoutMs : 15000,
    devnetSigner: env.EXPLORER_DEVNET_SIGNER === '1' || env.EXPLORER_DEVNET_SIGNER === 'true',
  };
}
