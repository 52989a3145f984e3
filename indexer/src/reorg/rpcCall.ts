/**
 * One JSON-RPC call straight to the node, for the guards that must see the node as it is (not through the RPC
 * front's retries): the result (null included), or undefined for any fault or error. A flaky node only delays a
 * verdict; it never makes one.
 */
export async function rpcCall<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T | undefined> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { id?: unknown; result?: T; error?: unknown };
    return body.id === 1 && !body.error && 'result' in body ? body.result : undefined;
  } catch {
    return undefined;
  }
}
