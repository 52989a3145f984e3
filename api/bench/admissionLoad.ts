import { createServer, type Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ApiInstance } from '../src/index.js';
import { pct } from './percentile.js';

export interface LoadQuery {
  query: string;
  variables?: Record<string, unknown>;
}

export interface AdmissionResult {
  name: string;
  idleP50: number;
  idleP95: number;
  loadedP50: number;
  loadedP95: number;
  loadedMax: number;
  cheapErrors: number;
  cheapSamples: number;
  heavyOk: number;
  heavyShed: number;
  heavyErrors: number;
  /** The event loop's p99 delay under load (ms): how long the heavy work held the thread at a stretch. */
  loopDelayP99: number;
}

async function listen(api: ApiInstance): Promise<{ server: Server; url: string }> {
  const server = createServer(api);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` };
}

/** One cheap request, timed end to end over HTTP; false when it failed. */
async function timed(url: string, q: LoadQuery, out: number[]): Promise<boolean> {
  const t = performance.now();
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(q),
  }).catch(() => null);
  const ok = r?.ok === true && !((await r.json()) as { errors?: unknown }).errors;
  out.push(performance.now() - t);
  return ok;
}

/**
 * A cheap query's latency alone, then while `clients` connections send heavy queries back to back (each waits
 * for its answer before sending the next, as 200 users clicking through lineage graphs would): p95 of both and
 * what happened to the heavy queries (answered, shed as OVERLOADED, failed).
 */
export async function admissionLoad(opts: {
  name: string;
  api: ApiInstance;
  cheap: LoadQuery;
  heavy: LoadQuery[];
  clients: number;
  seconds: number;
}): Promise<AdmissionResult> {
  const { server, url } = await listen(opts.api);
  try {
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) await timed(url, opts.cheap, []);
    for (let i = 0; i < 200; i++) await timed(url, opts.cheap, idle);
    let heavyOk = 0;
    let heavyShed = 0;
    const load = autocannon({
      url,
      method: 'POST',
      connections: opts.clients,
      duration: opts.seconds,
      timeout: 120,
      headers: { 'content-type': 'application/json' },
      requests: opts.heavy.map((q) => ({ method: 'POST', body: JSON.stringify(q) })),
    });
    load.on('response', (_client: unknown, status: number) => {
      if (status === 200) heavyOk++;
      else if (status === 503) heavyShed++;
    });
    // let the 200 clients pile up, then sample the cheap query for the rest of the run
    await new Promise((r) => setTimeout(r, 2000));
    const loaded: number[] = [];
    let cheapErrors = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const until = Date.now() + (opts.seconds - 3) * 1000;
    while (Date.now() < until) if (!(await timed(url, opts.cheap, loaded))) cheapErrors++;
    loop.disable();
    const result = await load;
    return {
      name: opts.name,
      idleP50: pct(idle, 50),
      idleP95: pct(idle, 95),
      loadedP50: pct(loaded, 50),
      loadedP95: pct(loaded, 95),
      loadedMax: Math.max(...loaded),
      cheapErrors,
      cheapSamples: loaded.length,
      heavyOk,
      heavyShed,
      heavyErrors: result.errors + result.timeouts,
      loopDelayP99: loop.percentile(99) / 1e6,
    };
  } finally {
    server.closeIdleConnections();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}
