import { UserError } from '@ae/core';
import type { ApiContext } from '../server/context.js';
import { chainRpc, knownDeployment } from './chainRpc.js';
import { contractAt, decodeCall, decodeProtocolLog } from './protocolAbis.js';
import { dec, isoTime, num, type RpcBlock, type RpcReceipt, type RpcTransaction } from './rpcTypes.js';

const HASH = /^0x[0-9a-f]{64}$/;

/** A 32-byte hash from a client, any case, with or without 0x; anything else is the caller's mistake. */
export function parseHash(text: string, what = 'transaction hash'): string {
  const t = text.trim().toLowerCase();
  const h = t.startsWith('0x') ? t : `0x${t}`;
  if (!HASH.test(h)) throw new UserError(`not a ${what}: expected 32 bytes of hex (0x + 64 digits)`);
  return h;
}

/** A block height from a client: a decimal or 0x-hex integer, never negative. */
export function parseHeight(text: string): bigint {
  const t = text.trim();
  if (!/^(\d{1,20}|0x[0-9a-fA-F]{1,16})$/.test(t)) throw new UserError('not a block number');
  return BigInt(t);
}

/**
 * One transaction as the chain has it: the transaction, its receipt and its block's time, with every log decoded
 * by the protocol's ABIs (logs no ABI explains keep their raw topics and data). Null when the node does not
 * know the hash.
 */
export async function transaction(ctx: ApiContext, hashText: string) {
  const hash = parseHash(hashText);
  const rpc = chainRpc(ctx);
  const [tx, receipt] = await rpc.batch<RpcTransaction | RpcReceipt | null>([
    { method: 'eth_getTransactionByHash', params: [hash] },
    { method: 'eth_getTransactionReceipt', params: [hash] },
  ]);
  const t = tx as RpcTransaction | null;
  if (!t) return null;
  const r = receipt as RpcReceipt | null;
  const block = t.blockNumber
    ? await rpc.call<RpcBlock | null>('eth_getBlockByNumber', [t.blockNumber, false])
    : null;
  const deployment = knownDeployment(ctx);
  const gasUsed = r ? BigInt(r.gasUsed) : null;
  const price = r?.effectiveGasPrice ? BigInt(r.effectiveGasPrice) : null;
  return {
    hash: t.hash.toLowerCase(),
    blockNumber: t.blockNumber ? num(t.blockNumber) : null,
    blockHash: r?.blockHash.toLowerCase() ?? null,
    timestamp: block ? isoTime(block.timestamp) : null,
    index: t.transactionIndex ? num(t.transactionIndex) : null,
    from: t.from.toLowerCase(),
    to: t.to?.toLowerCase() ?? null,
    toContract: t.to ? contractAt(deployment, t.to) : null,
    method: decodeCall(deployment, t.to, t.input),
    selector: t.input.length >= 10 ? t.input.slice(0, 10).toLowerCase() : null,
    value: dec(t.value),
    nonce: num(t.nonce),
    status: r ? (BigInt(r.status) === 1n ? 'SUCCESS' : 'REVERTED') : 'PENDING',
    gasUsed: gasUsed?.toString() ?? null,
    gasPrice: price?.toString() ?? null,
    fee: gasUsed !== null && price !== null ? (gasUsed * price).toString() : null,
    contractCreated: r?.contractAddress?.toLowerCase() ?? null,
    logs: (r?.logs ?? []).map((l) => {
      const d = decodeProtocolLog(deployment, l);
      return {
        logIndex: num(l.logIndex),
        address: l.address.toLowerCase(),
        ...d,
        topics: l.topics.map((x) => x.toLowerCase()),
        data: l.data.toLowerCase(),
      };
    }),
  };
}

function blockSummary(b: RpcBlock) {
  return {
    number: num(b.number),
    hash: b.hash.toLowerCase(),
    parentHash: b.parentHash.toLowerCase(),
    timestamp: isoTime(b.timestamp),
    gasUsed: dec(b.gasUsed) as string,
    gasLimit: dec(b.gasLimit) as string,
    baseFeePerGas: dec(b.baseFeePerGas),
    miner: b.miner.toLowerCase(),
    transactionCount: b.transactions.length,
  };
}

/**
 * One block by height or hash with its transactions (from, to, value, status, the function called and how many
 * logs each emitted), read from the node: one call for the block, one for all its receipts.
 */
export async function block(ctx: ApiContext, id: string) {
  const rpc = chainRpc(ctx);
  const t = id.trim();
  const byHash = /^(0x)?[0-9a-fA-F]{64}$/.test(t);
  const b = byHash
    ? await rpc.call<RpcBlock | null>('eth_getBlockByHash', [parseHash(t, 'block hash'), true])
    : await rpc.call<RpcBlock | null>('eth_getBlockByNumber', [`0x${parseHeight(t).toString(16)}`, true]);
  if (!b) return null;
  const receipts =
    b.transactions.length === 0
      ? []
      : ((await rpc.call<RpcReceipt[] | null>('eth_getBlockReceipts', [b.number])) ?? []);
  const byTx = new Map(receipts.map((r) => [r.transactionHash.toLowerCase(), r]));
  const deployment = knownDeployment(ctx);
  return {
    ...blockSummary(b),
    transactions: (b.transactions as RpcTransaction[]).map((tx) => {
      const r = byTx.get(tx.hash.toLowerCase());
      return {
        hash: tx.hash.toLowerCase(),
        index: tx.transactionIndex ? num(tx.transactionIndex) : 0,
        from: tx.from.toLowerCase(),
        to: tx.to?.toLowerCase() ?? null,
        toContract: tx.to ? contractAt(deployment, tx.to) : null,
        method: decodeCall(deployment, tx.to, tx.input),
        value: dec(tx.value),
        status: r ? (BigInt(r.status) === 1n ? 'SUCCESS' : 'REVERTED') : 'PENDING',
        logCount: r?.logs.length ?? 0,
      };
    }),
  };
}

/** The latest blocks (or those below `before`), newest first: one batch for up to 50 headers. */
export async function blocks(ctx: ApiContext, limit: number, before?: number | null) {
  const rpc = chainRpc(ctx);
  const head = before ?? num(await rpc.call<string>('eth_blockNumber')) + 1;
  const heights: number[] = [];
  for (let h = head - 1; h >= 0 && heights.length < limit; h--) heights.push(h);
  const list = await rpc.batch<RpcBlock | null>(
    heights.map((h) => ({ method: 'eth_getBlockByNumber', params: [`0x${h.toString(16)}`, false] })),
  );
  return list.filter((b): b is RpcBlock => b !== null).map(blockSummary);
}
