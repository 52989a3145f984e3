import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type RelayStats, RpcRelay, type RpcRelayOptions } from './RpcRelay.js';

export interface RpcFront {
  /** Where the processor sends its requests (127.0.0.1, a free port). */
  url: string;
  stats: RelayStats;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The RPC front: a local HTTP JSON-RPC endpoint the processor is pointed at instead of the node. Each request
 * is relayed by RpcRelay, which reads the node's whole answer, checks it (and the logs against receipts) and
 * retries every transport fault, so the processor only ever sees complete, good answers and never dies of a
 * connection dropped mid-body. Only the processor talks to it: it listens on the loopback interface.
 */
export async function startRpcFront(
  o: RpcRelayOptions & {
    /** Before each request is answered (or given up): when the stats may have changed. */
    onAnswered?(stats: RelayStats): void;
  },
): Promise<RpcFront> {
  const relay = new RpcRelay(o);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    void (async () => {
      const body = await readBody(req);
      try {
        JSON.parse(body);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('not JSON');
        return;
      }
      const text = await relay.relay(body, abort.signal).finally(() => o.onAnswered?.(relay.stats));
      res.writeHead(200, { 'content-type': 'application/json' }).end(text);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(503, { 'retry-after': '1' }).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: relay.stats,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
