/** One JSON-RPC call as the processor sent it. */
export interface RpcCall {
  jsonrpc?: string;
  id: string | number;
  method: string;
  params?: unknown[];
}

/** One answer of the node, checked: its id is one of the calls' ids, and it has a result or an error. */
export interface RpcAnswer {
  jsonrpc: '2.0';
  id: string | number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export type CheckedAnswer =
  | { ok: true; answers: RpcAnswer[] }
  | { ok: false; fault: string; detail?: string };

/** JSON-RPC errors that say "later", not "no": rate limits and overload behind a load balancer. */
function isTransientError(e: { code?: unknown; message?: unknown }): boolean {
  return (
    e.code === -32005 || /rate.?limit|too many requests|overload|try again/i.test(String(e.message ?? ''))
  );
}

/**
 * Checks a node's whole answer to the calls before the processor sees it: parsable JSON (a truncated or cut
 * body is not), a batch for a batch and an object for a single call, exactly one answer per id and no strange
 * ids, each with a result or an error object. A transient JSON-RPC error (rate limit) is a fault too. Anything
 * that fails is retried by the front, so the processor only ever gets complete answers to what it asked.
 */
export function checkRpcAnswer(calls: RpcCall[], isBatch: boolean, text: string): CheckedAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, fault: 'badJson', detail: `${text.length} bytes that do not parse` };
  }
  if (isBatch !== Array.isArray(parsed)) {
    // Some nodes answer a batch with one error object (rate limited, batch too large): retry it as it is.
    return { ok: false, fault: 'shape', detail: isBatch ? 'a batch answered by one object' : 'an array' };
  }
  const list = (isBatch ? parsed : [parsed]) as unknown[];
  const want = new Map(calls.map((c) => [c.id, c]));
  const seen = new Set<unknown>();
  for (const a of list) {
    if (!a || typeof a !== 'object')
      return { ok: false, fault: 'shape', detail: 'an answer is not an object' };
    const r = a as Partial<RpcAnswer>;
    if (!want.has(r.id as string | number) || seen.has(r.id)) {
      return { ok: false, fault: 'wrongId', detail: `answer id ${JSON.stringify(r.id)}` };
    }
    seen.add(r.id);
    const hasResult = 'result' in r;
    const err = r.error;
    if (hasResult === Boolean(err)) return { ok: false, fault: 'shape', detail: 'neither result nor error' };
    if (err && (typeof err !== 'object' || typeof err.code !== 'number')) {
      return { ok: false, fault: 'shape', detail: 'malformed error object' };
    }
    if (err && isTransientError(err)) return { ok: false, fault: 'rpcBusy', detail: String(err.message) };
  }
  if (seen.size !== want.size) {
    return { ok: false, fault: 'missingAnswer', detail: `${want.size - seen.size} of ${want.size} missing` };
  }
  return { ok: true, answers: list as RpcAnswer[] };
}
