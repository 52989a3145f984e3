import { parentPort, workerData } from 'node:worker_threads';
import type { BaseError } from '@ae/core';
import type { RpcRelayOptions } from './RpcRelay.js';
import { startRpcFront } from './startRpcFront.js';
import type { FrontMessage } from './startRpcFrontThread.js';

/** The RPC front's thread (startRpcFrontThread): the front itself, its callbacks turned into messages. */
const port = parentPort;
if (!port) throw new Error('rpcFrontWorker runs as a worker thread (startRpcFrontThread)');
const post = (m: FrontMessage) => port.postMessage(m);
const o = workerData as Omit<RpcRelayOptions, 'log' | 'onFatal'>;
const front = await startRpcFront({
  ...o,
  log: { warn: (fields, msg) => post({ kind: 'warn', fields, msg }) },
  onFatal: (e: BaseError) =>
    post({ kind: 'fatal', message: e.shortMessage, code: e.code, details: e.details }),
  onAnswered: (stats) => post({ kind: 'stats', stats }),
});
port.on('message', (m: { kind: 'close' }) => {
  if (m.kind === 'close') void front.close().then(() => post({ kind: 'closed', stats: front.stats }));
});
post({ kind: 'ready', url: front.url });
