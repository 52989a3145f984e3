import { RetryableError, UserError } from '@ae/contracts';

export interface RpcRequest {
  method: string;
  params: unknown[];
}

/**
 * A minimal JSON-RPC client with real batching: the scenario sends thousands of raw transactions and
 * receipt reads per block, and one HTTP round trip per batch (in order) is what keeps the large preset
 * tractable. Errors name the method and keep the node's message.
 */
export class Rpc {
  private id = 0;

  constructor(readonly url: string) {}

  async call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const [result] = await this.batch<T>([{ method, params }]);
    return result;
  }

  /** Sends the requests as one JSON-RPC batch and returns the results in request order. */
  async batch<T = unknown>(requests: readonly RpcRequest[]): Promise<T[]> {
    if (requests.length === 0) return [];
    const body = requests.map((r) => ({ jsonrpc: '2.0', id: ++this.id, method: r.method, params: r.params }));
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body.length === 1 ? body[0] : body),
      });
    } catch (cause) {
      throw new RetryableError(`RPC ${this.url} unreachable`, {
        cause,
        meta: { method: requests[0].method },
      });
    }
    if (!res.ok) throw new RetryableError(`RPC HTTP ${res.status}`, { meta: { method: requests[0].method } });
    const json = (await res.json()) as RpcResponse | RpcResponse[];
    const list = Array.isArray(json) ? json : [json];
    const byId = new Map(list.map((r) => [r.id, r]));
    return body.map((b) => {
      const r = byId.get(b.id);
      if (!r) throw new RetryableError('RPC response missing an id', { meta: { method: b.method } });
      if (r.error) {
        throw new UserError(`RPC ${b.method} failed: ${r.error.message}`, {
          details: JSON.stringify(r.error.data ?? null),
          meta: { method: b.method, code: r.error.code },
        });
      }
      return r.result as T;
    });
  }
}

interface RpcResponse {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}
