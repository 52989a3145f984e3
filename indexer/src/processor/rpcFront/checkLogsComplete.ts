import type { RpcAnswer, RpcCall } from './rpcAnswer.js';

interface Log {
  blockNumber: string;
  blockHash: string;
  logIndex: string;
  address: string;
  topics: string[];
  data: string;
  transactionHash: string;
}
interface Filter {
  address?: string | string[];
  topics?: (string | string[] | null)[];
}

/** Sends calls to the node and returns their results in order (transport faults already retried). */
export type SendCalls = (calls: { method: string; params: unknown[] }[]) => Promise<unknown[]>;

const key = (l: Log) =>
  [Number(l.logIndex), l.address.toLowerCase(), l.topics.join(','), l.data, l.transactionHash].join('|');

function matches(f: Filter, l: Log): boolean {
  const addrs = f.address === undefined ? undefined : [f.address].flat().map((a) => a.toLowerCase());
  if (addrs && !addrs.includes(l.address.toLowerCase())) return false;
  return (f.topics ?? []).every((t, i) => t === null || [t].flat().includes(l.topics[i]));
}

/**
 * The cheap completeness check of an eth_getLogs answer: for every block the answer has logs in, the block's
 * receipts (eth_getBlockReceipts, one call per block) must hold exactly the same logs matching the
 * filter (indexes, addresses, topics, data). A node that withholds or alters one log of a block with others
 * is caught; blocks without any log are checked by the processor's own logsBloom test. A node that lies in
 * its receipts the same way is not (docs/rpc-trust.md). Returns the fault found, undefined when complete.
 */
export async function checkLogsComplete(
  calls: RpcCall[],
  answers: RpcAnswer[],
  send: SendCalls,
): Promise<string | undefined> {
  for (const call of calls) {
    if (call.method !== 'eth_getLogs') continue;
    const answer = answers.find((a) => a.id === call.id);
    if (!answer || !Array.isArray(answer.result) || answer.result.length === 0) continue;
    const filter = (call.params?.[0] ?? {}) as Filter;
    const byBlock = new Map<string, Log[]>();
    for (const l of answer.result as Log[]) {
      const list = byBlock.get(l.blockHash) ?? [];
      list.push(l);
      byBlock.set(l.blockHash, list);
    }
    const blocks = [...byBlock.values()];
    // One request per block, four at a time: a block's receipts hold all its transactions (megabytes on a busy
    // chain), so a batch of a range's receipts would outlast any sane timeout.
    const receipts: unknown[] = [];
    for (let i = 0; i < blocks.length; i += 4) {
      const chunk = blocks.slice(i, i + 4);
      const got = await Promise.all(
        chunk.map((ls) => send([{ method: 'eth_getBlockReceipts', params: [ls[0].blockNumber] }])),
      );
      receipts.push(...got.map((g) => g[0]));
    }
    for (const [i, logs] of blocks.entries()) {
      const rs = receipts[i] as { blockHash?: string; logs?: Log[] }[] | null;
      const height = Number(logs[0].blockNumber);
      if (!Array.isArray(rs)) return `no receipts for block ${height}`;
      if (rs.some((r) => r.blockHash !== logs[0].blockHash))
        return `receipts of block ${height} are of another block`;
      const expected = rs
        .flatMap((r) => r.logs ?? [])
        .filter((l) => matches(filter, l))
        .map(key)
        .sort();
      const got = logs.map(key).sort();
      if (expected.length !== got.length) {
        return `block ${height}: eth_getLogs returned ${got.length} logs, its receipts hold ${expected.length}`;
      }
      const differs = got.findIndex((k, j) => k !== expected[j]);
      if (differs >= 0)
        return `block ${height}: a log differs from its receipt (${got[differs].slice(0, 80)})`;
    }
  }
  return undefined;
}
