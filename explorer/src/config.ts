import { defineEnv, type Env, v } from '@ae/core';

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
  /** Offer the devnet's named explorer auditor key for flags and disputes (local devnets only). */
  devnetSigner: boolean;
  /** Serve the existing build without rebuilding it. */
  skipBuild: boolean;
  /** The chain the devnet signer's transactions go to, through the same-origin `/rpc` proxy (RPC_URL). */
  rpcUrl: string | undefined;
  /** JSON file of name tags ({ "0xaddress": "name" }) shown for known accounts. */
  nameTagsFile: string | undefined;
}

export const DEFAULT_API_URL = 'http://localhost:4350/graphql';

/** Every variable the explorer reads: parsed here and listed by `npm start -- --help`. */
export const explorerEnv = defineEnv('explorer', {
  API_URL: v.optionalUrl('the GraphQL API', DEFAULT_API_URL),
  PUBLIC_API_URL: v.optionalUrl('the GraphQL API, when API_URL is unset', DEFAULT_API_URL),
  EXPLORER_PORT: v.int('listen port', 3000, { min: 0, max: 65535 }),
  EXPLORER_HOST: v.string('listen address', '0.0.0.0'),
  PUBLIC_IPFS_GATEWAY: v.optionalUrl('where ipfs:// links point', 'https://ipfs.io'),
  EXPLORER_API_TIMEOUT_MS: v.int('API timeout', 15_000, { min: 1 }),
  EXPLORER_DEVNET_SIGNER: v.bool(
    "offer the devnet's named explorer auditor key to sign flags and disputes (local devnets only)",
    false,
  ),
  RPC_URL: v.optionalUrl("the chain the devnet signer's transactions go to (through /rpc)"),
  EXPLORER_SKIP_BUILD: v.bool('serve the existing build without rebuilding', false),
  EXPLORER_NAME_TAGS: v.optionalString(
    'JSON file of name tags for known accounts ({"0xaddress": "name"}); contracts are named from the deployment',
  ),
});

/** Reads the environment once; invalid values fail loudly at start rather than at the first request. */
export function loadConfig(env: Env = process.env): ExplorerConfig {
  const e = explorerEnv.parse(env);
  const apiUrl = e.API_URL ?? e.PUBLIC_API_URL ?? DEFAULT_API_URL;
  if (!/^https?:/.test(apiUrl))
    throw new Error(`API_URL must be an http(s) URL, got ${JSON.stringify(apiUrl)}`);
  return {
    apiUrl,
    port: e.EXPLORER_PORT,
    host: e.EXPLORER_HOST,
    ipfsGateway: (e.PUBLIC_IPFS_GATEWAY ?? 'https://ipfs.io').replace(/\/+$/, ''),
    apiTimeoutMs: e.EXPLORER_API_TIMEOUT_MS,
    devnetSigner: e.EXPLORER_DEVNET_SIGNER,
    skipBuild: e.EXPLORER_SKIP_BUILD,
    rpcUrl: e.RPC_URL,
    nameTagsFile: e.EXPLORER_NAME_TAGS,
  };
}
