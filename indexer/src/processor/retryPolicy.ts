import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RpcClientProto {
  isConnectionError(err: Error): boolean;
}

let installed = false;

/**
 * Widens what squid's RPC client retries (with its backoff schedule) to every transport fault seen from
 * endpoints behind load balancers: a truncated or non-JSON body (RpcProtocolError 1008) and HTTP 500s. By
 * default it retries 429/502/503/504, timeouts and dropped connections, but gives up on these two, which
 * would stop the indexer on one bad response. Protocol errors with a valid JSON body are still not retried.
 */
export function installRetryPolicy(): void {
  if (installed) return;
  installed = true;
  // The instance evm-processor uses (resolved from its own location, in case of nested copies).
  const rpcPath = require.resolve('@subsquid/rpc-client', {
    paths: [require.resolve('@subsquid/evm-processor')],
  });
  const { RpcClient, RpcProtocolError } = require(rpcPath) as {
    RpcClient: { prototype: RpcClientProto };
    RpcProtocolError: new (...a: unknown[]) => Error & { code: number };
  };
  const original = RpcClient.prototype.isConnectionError;
  RpcClient.prototype.isConnectionError = function (this: RpcClientProto, err: Error): boolean {
    if (original.call(this, err)) return true;
    if (err instanceof RpcProtocolError && err.code === 1008) return true;
    const status = (err as { response?: { status?: number } }).response?.status;
    return err.name === 'HttpError' && status === 500;
  };
}
