/** Answers a misbehaving node gives: valid JSON, wrong content (used by the fault proxy). */

/** The same answer with one id changed (a load balancer mixing up connections). */
export function wrongId(text: string): string | undefined {
  const a = JSON.parse(text) as { id: unknown } | { id: unknown }[];
  const first = Array.isArray(a) ? a[0] : a;
  if (!first) return undefined;
  first.id = typeof first.id === 'number' ? first.id + 1_000_003 : `${String(first.id)}x`;
  return JSON.stringify(a);
}

/** The eth_getLogs answer without one log of the first block that has two or more (a block with others). */
export function withholdLog(calls: { id: unknown; method: string }[], text: string): string | undefined {
  const a = JSON.parse(text) as { id: unknown; result?: unknown }[] | { id: unknown; result?: unknown };
  for (const r of Array.isArray(a) ? a : [a]) {
    const call = calls.find((c) => c.id === r.id);
    if (call?.method !== 'eth_getLogs' || !Array.isArray(r.result)) continue;
    const logs = r.result as { blockHash: string }[];
    const i = logs.findIndex((l, j) => j > 0 && logs[j - 1].blockHash === l.blockHash);
    if (i < 0) continue;
    logs.splice(i, 1);
    return JSON.stringify(a);
  }
  return undefined;
}
