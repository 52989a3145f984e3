import { createHash } from 'node:crypto';
import { JsonRpc } from '@ae/core';
import type { Hex } from 'viem';
import type { RawLog } from './runner/blockRunner.js';
import { SCENARIO_RPC } from './runner/blockRunner.js';

export interface EventStreamDigest {
  /** sha256 over every log (address, topics, data) in chain order, then the timestamps of the hashed blocks. */
  hash: Hex;
  logs: number;
  /** Logs in blocks at or after `timestampsFrom` (the scenario's own). */
  scenarioLogs: number;
  blocks: number;
}

/**
 * Fingerprint of a chain's event stream, used to prove that the same seed plays the same scenario: every
 * log from `fromBlock` to the head, in order, plus the timestamps of blocks at or after `timestampsFrom`
 * (the scenario fixes those; the deployment's blocks before it carry wall-clock time).
 */
export async function eventStreamHash(
  rpcOrUrl: JsonRpc | string,
  opts: { fromBlock?: bigint; toBlock?: bigint; timestampsFrom?: bigint; chunk?: number } = {},
): Promise<EventStreamDigest> {
  const rpc = typeof rpcOrUrl === 'string' ? new JsonRpc(rpcOrUrl, SCENARIO_RPC) : rpcOrUrl;
  const from = opts.fromBlock ?? 0n;
  const to = opts.toBlock ?? BigInt(await rpc.call<Hex>('eth_blockNumber'));
  const tsFrom = opts.timestampsFrom ?? to + 1n;
  const chunk = BigInt(opts.chunk ?? 1); // one block per request: a large-preset block holds tens of thousands of logs
  const h = createHash('sha256');
  let logs = 0;
  let scenarioLogs = 0;
  for (let a = from; a <= to; a += chunk) {
    const b = a + chunk - 1n < to ? a + chunk - 1n : to;
    const page = await rpc.call<RawLog[]>('eth_getLogs', [
      { fromBlock: toQuantity(a), toBlock: toQuantity(b) },
    ]);
    for (const log of page) {
      h.update(
        `${log.address.toLowerCase()}|${log.topics.join(',').toLowerCase()}|${log.data.toLowerCase()}\n`,
      );
      logs++;
      if (BigInt(log.blockNumber) >= tsFrom) scenarioLogs++;
    }
  }
  const blocks: { number: bigint }[] = [];
  for (let n = tsFrom > from ? tsFrom : from; n <= to; n++) blocks.push({ number: n });
  for (let i = 0; i < blocks.length; i += 256) {
    const page = await rpc.batch<{ timestamp: Hex }>(
      blocks
        .slice(i, i + 256)
        .map((b) => ({ method: 'eth_getBlockByNumber', params: [toQuantity(b.number), false] })),
    );
    for (const b of page) h.update(`t${BigInt(b.timestamp)}\n`);
  }
  return { hash: `0x${h.digest('hex')}`, logs, scenarioLogs, blocks: Number(to - from + 1n) };
}

function toQuantity(n: bigint): Hex {
  return `0x${n.toString(16)}`;
}
