import { Worker } from 'node:worker_threads';
import { BaseError, type ErrorCode } from '@ae/core';
import type { RelayStats, RpcRelayOptions } from './RpcRelay.js';
import type { RpcFront } from './startRpcFront.js';

/** What the front's thread tells the indexer (rpcFrontWorker.ts). */
export type FrontMessage =
  | { kind: 'ready'; url: string }
  | { kind: 'warn'; fields: object; msg: string }
  | { kind: 'fatal'; message: string; code: ErrorCode; details?: string }
  | { kind: 'stats'; stats: RelayStats }
  | { kind: 'closed'; stats: RelayStats };

/**
 * The RPC front (startRpcFront) on a thread of its own. Reading, parsing and checking every answer of the node
 * (and, with RPC_CHECK_LOGS, fetching and comparing receipts) then runs on another core than the processor
 * and the handlers, which had to share one thread with it. Same options and front as startRpcFront; its
 * warnings and its fatal error reach `o.log` and `o.onFatal` on this thread. A thread that dies stops the
 * indexer (the processor would otherwise wait on a front that no longer answers).
 */
export function startRpcFrontThread(o: RpcRelayOptions): Promise<RpcFront> {
  const { log, onFatal, ...data } = o;
  const worker = workerOf(data);
  const stats: RelayStats = { requests: 0, retries: 0, faults: {}, logChecks: 0 };
  let closed: (() => void) | undefined;
  return new Promise<RpcFront>((resolve, reject) => {
    let ready = false;
    worker.on('message', (m: FrontMessage) => {
      if (m.kind === 'ready') {
        ready = true;
        worker.unref();
        resolve({
          url: m.url,
          stats,
          close: () =>
            new Promise<void>((r) => {
              closed = r;
              worker.postMessage({ kind: 'close' });
            }),
        });
      } else if (m.kind === 'warn') log?.warn(m.fields, m.msg);
      else if (m.kind === 'fatal') onFatal(new BaseError(m.message, { code: m.code, details: m.details }));
      else {
        Object.assign(stats, m.stats);
        if (m.kind === 'closed') void worker.terminate().then(() => closed?.());
      }
    });
    worker.on('error', (e) => {
      if (!ready) return reject(e);
      // As if the front had thrown on this thread: the process ends and the supervisor reports it.
      setImmediate(() => {
        throw new Error('the RPC front thread failed', { cause: e });
      });
    });
  });
}

/** The compiled worker, or under tsx (tests, `start:dev`) the source with tsx's loader registered in it. */
function workerOf(data: object): Worker {
  const ts = import.meta.url.endsWith('.ts');
  const url = new URL(`./rpcFrontWorker.${ts ? 'ts' : 'js'}`, import.meta.url);
  if (!ts) return new Worker(url, { workerData: data });
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}
