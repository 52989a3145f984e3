import { devnetSignerEnabled } from '$lib/wallet/devnetGate.js';
import { loadConfig } from '../../config.js';
import type { RequestHandler } from './$types';

const config = loadConfig();
const MAX_BODY = 64 * 1024;
const MAX_BATCH = 20;
/** What a wallet needs to read the registry and send a signed transaction; nothing that changes the node. */
const ALLOWED = new Set([
  'eth_chainId',
  'net_version',
  'eth_blockNumber',
  'eth_getBlockByNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
  'eth_feeHistory',
  'eth_getTransactionCount',
  'eth_getBalance',
  'eth_sendRawTransaction',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
]);

const reply = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const rpcError = (id: unknown, message: string, code = -32601) => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: { code, message },
});

/**
 * Same-origin JSON-RPC for the explorer's devnet signer (EXPLORER_DEVNET_SIGNER, RPC_URL answering as a local
 * anvil devnet): keeps the CSP at connect-src 'self'. Only reads and eth_sendRawTransaction pass (transactions are
 * signed in the browser; anvil_* and every other method are refused); elsewhere it does not exist.
 */
export const POST: RequestHandler = async ({ request }) => {
  if (!config.rpcUrl || !(await devnetSignerEnabled(config))) return reply({ error: 'not found' }, 404);
  const text = await request.text();
  if (text.length > MAX_BODY) return reply(rpcError(null, 'request too large', -32600), 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return reply(rpcError(null, 'parse error', -32700), 400);
  }
  const calls = Array.isArray(body) ? body : [body];
  if (calls.length === 0 || calls.length > MAX_BATCH)
    return reply(rpcError(null, 'bad batch size', -32600), 400);
  for (const c of calls) {
    const m = (c as { method?: unknown })?.method;
    if (typeof m !== 'string' || !ALLOWED.has(m))
      return reply(
        rpcError(
          (c as { id?: unknown })?.id,
          `method not allowed through the explorer: ${String(m).slice(0, 40)}`,
        ),
      );
  }
  try {
    const res = await fetch(config.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
      signal: AbortSignal.timeout(config.apiTimeoutMs),
    });
    return new Response(await res.text(), {
      status: res.status,
      headers: { 'content-type': 'application/json' },
    });
  } catch {
    return reply(rpcError(null, 'the chain is unreachable', -32603), 503);
  }
};
