import { getHttpRpcClient, type HttpRpcClient } from 'viem/utils';
import { RetryableError, UserError } from '../errors/BaseError.js';

export interface RpcRequest {
  method: string;
  params: unknown[];
}

export interface JsonRpcOptions {
  /** Milliseconds before a request is abandoned (a RetryableError). */
  timeoutMs?: number;
  /** Largest response body accepted, bytes; false for none (the scenario reads whole blocks of receipts). */
  maxResponseBytes?: number | false;
}

/**
 * The project's one JSON-RPC helper, on viem's HTTP client: explicit ordered batches (the scenario sends
 * thousands of transactions per block in one round trip), a timeout, and errors sorted once — transport
 * faults are RetryableError, a node's JSON-RPC error is a UserError naming the method.
 */
export class JsonRpc {
  private id = 0;
  private readonly client: HttpRpcClient;

  constructor(
    readonly url: string,
    opts: JsonRpcOptions = {},
  ) {
    this.client = getHttpRpcClient(url, {
      timeout: opts.timeoutMs ?? 15_000,
      maxResponseBodySize: opts.maxResponseBytes ?? 64 * 1024 * 1024,
    });
  }

  async call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const [result] = await this.batch<T>([{ method, params }]);
    return result;
  }

  /** Sends the requests as one JSON-RPC batch and returns the results in request order. */
  async batch<T = unknown>(requests: readonly RpcRequest[]): Promise<T[]> {
    if (requests.length === 0) return [];
    const body = requests.map((r) => ({ jsonrpc: '2.0' as const, id: ++this.id, ...r }));
    let list: Array<{
      id?: unknown;
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
    }>;
    try {
      const res =
        body.length === 1
          ? [await this.client.request({ body: body[0] })]
          : await this.client.request({ body });
      list = res as typeof list;
    } catch (cause) {
      throw new RetryableError(`RPC ${this.url} failed (${requests[0].method})`, {
        cause,
        details: (cause as Error)?.message,
        meta: { method: requests[0].method },
      });
    }
    if (!Array.isArray(list)) throw new RetryableError('RPC answered a batch with a single response');
    const byId = new Map(list.map((r) => [r?.id, r]));
    return body.map((b) => {
      const r = byId.get(b.id);
      if (!r) throw new RetryableError('RPC response missing an id', { meta: { method: b.method } });
      if (r.error) {
        throw new UserError(`RPC ${b.method} failed: ${String(r.error.message).slice(0, 200)}`, {
          details: JSON.stringify(r.error.data ?? null),
          meta: { method: b.method, code: r.error.code },
        });
      }
      return r.result as T;
    });
  }
}
