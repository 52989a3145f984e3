import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withholdLog, wrongId } from './alterAnswer.js';

export type FaultKind =
  | '429'
  | 'timeout'
  | 'drop'
  | 'truncate'
  | 'staleHead'
  | 'error500'
  | 'midBody'
  | 'wrongId'
  | 'withholdLog';

/** What `at` sees of each request: its methods in order and its number (0-based, all requests counted). */
export interface FaultPoint {
  methods: string[];
  n: number;
}

export interface FaultProxyOptions {
  upstream: string;
  /** Probability that a request gets a fault (0..1). */
  rate: number;
  /** Fault kinds to draw from (default all but withholdLog). */
  kinds?: FaultKind[];
  /** Picks the fault of a request instead of the random draw (undefined: none): faults at chosen points. */
  at?: (p: FaultPoint) => FaultKind | undefined;
  seed?: number;
  /** How long a "timeout" holds the request before dropping it (default 3 s). */
  holdMs?: number;
  /** How many blocks a stale head lags (default 4). */
  staleBy?: number;
  /** Added latency per request. */
  latencyMs?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults injected so far, by kind; requests forwarded. */
  counts: Record<FaultKind | 'forwarded', number>;
  setRate(rate: number): void;
  /**
   * Head queries answer an older head (a node that fell behind) for ms, and in any case the next
   * `atLeast` head queries do, so that a test does not depend on when the processor polls.
   */
  staleHeadFor(ms: number, atLeast?: number): void;
  close(): Promise<void>;
}

type Rpc = { jsonrpc: string; id: unknown; method: string; params?: unknown[] };

/**
 * A JSON-RPC proxy in front of anvil that misbehaves like public endpoints do: 429s, requests that hang,
 * connections dropped before the answer or in the middle of its body (full Content-Length, half the body, then
 * a reset), truncated bodies, 500s, answers with the wrong id, a head that moves backwards for a moment (a
 * lagging node behind a load balancer, which is a fault, not a reorg), and eth_getLogs answers with one log of
 * a block withheld. Seeded, or placed with `at`, so a failing run repeats.
 */
export async function startFaultProxy(o: FaultProxyOptions): Promise<FaultProxy> {
  const kinds =
    o.kinds ??
    (['429', 'timeout', 'drop', 'truncate', 'staleHead', 'error500', 'midBody', 'wrongId'] as const);
  let rate = o.rate;
  let seed = o.seed ?? 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const all: FaultKind[] = [
    '429',
    'timeout',
    'drop',
    'truncate',
    'staleHead',
    'error500',
    'midBody',
    'wrongId',
  ];
  const counts = Object.fromEntries(
    [...all, 'withholdLog', 'forwarded'].map((k) => [k, 0]),
  ) as FaultProxy['counts'];
  let n = 0;
  const sockets = new Set<import('node:net').Socket>();

  const forward = async (body: string): Promise<string> => {
    const r = await fetch(o.upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    return r.text();
  };

  let staleUntil = 0;
  let staleRemaining = 0;
  let injected = 0;
  /** Answers head queries with an older head; other calls pass through. */
  const stale = async (calls: Rpc[], batch: boolean): Promise<string> => {
    const head = JSON.parse(
      await forward(JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'eth_blockNumber', params: [] })),
    ).result as string;
    const old = `0x${Math.max(0, Number.parseInt(head, 16) - (o.staleBy ?? 4)).toString(16)}`;
    const rewritten = calls.map((c) =>
      c.method === 'eth_getBlockByNumber' && (c.params?.[0] === 'latest' || c.params?.[0] === 'finalized')
        ? { ...c, params: [old, ...(c.params ?? []).slice(1)] }
        : c,
    );
    const answers = JSON.parse(await forward(JSON.stringify(rewritten))) as {
      id: unknown;
      result?: unknown;
    }[];
    const out = answers.map((a) => {
      const call = calls.find((c) => c.id === a.id);
      return call?.method === 'eth_blockNumber' ? { ...a, result: old } : a;
    });
    return JSON.stringify(batch ? out : out[0]);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string) => {
    if (o.latencyMs) await new Promise((r) => setTimeout(r, o.latencyMs));
    let parsed: Rpc | Rpc[];
    try {
      parsed = JSON.parse(raw) as Rpc | Rpc[];
    } catch {
      res.writeHead(400).end();
      return;
    }
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    const isHeadQuery = calls.some(
      (c) =>
        c.method === 'eth_blockNumber' ||
        (c.method === 'eth_getBlockByNumber' &&
          typeof c.params?.[0] === 'string' &&
          !c.params[0].startsWith('0x')),
    );
    // Kinds take turns, so every kind occurs once a few faults have been injected.
    const point = { methods: calls.map((c) => c.method), n: n++ };
    const fault = o.at ? o.at(point) : rand() < rate ? kinds[injected++ % kinds.length] : undefined;
    if (fault === '429') {
      counts['429']++;
      res.writeHead(429, { 'retry-after': '0' }).end('Too Many Requests');
      return;
    }
    if (fault === 'error500') {
      counts.error500++;
      res.writeHead(500).end('upstream exploded');
      return;
    }
    if (fault === 'drop') {
      counts.drop++;
      req.socket.destroy();
      return;
    }
    if (fault === 'timeout') {
      counts.timeout++;
      setTimeout(() => req.socket.destroy(), o.holdMs ?? 3_000);
      return;
    }
    if (isHeadQuery && (fault === 'staleHead' || Date.now() < staleUntil || staleRemaining > 0)) {
      if (staleRemaining > 0) staleRemaining--;
      counts.staleHead++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(await stale(calls, Array.isArray(parsed)));
      return;
    }
    const text = await forward(raw);
    if (fault === 'midBody' && text.length > 2) {
      counts.midBody++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)), () => setTimeout(() => req.socket.destroy(), 5));
      return;
    }
    const altered =
      fault === 'wrongId' ? wrongId(text) : fault === 'withholdLog' ? withholdLog(calls, text) : undefined;
    if (altered !== undefined && fault) {
      counts[fault]++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(altered);
      return;
    }
    if (fault === 'truncate' && text.length > 2) {
      counts.truncate++;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    counts.forwarded++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => {
      raw += c.toString();
    });
    req.on('end', () => {
      handle(req, res, raw).catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setRate: (r) => {
      rate = r;
    },
    staleHeadFor: (ms, atLeast = 1) => {
      staleUntil = Date.now() + ms;
      staleRemaining = atLeast;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
