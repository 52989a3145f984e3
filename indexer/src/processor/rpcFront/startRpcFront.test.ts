import type { BaseError } from '@ae/core';
import { type Anvil, startAnvil } from '@ae/devnet';
import {
  activityRound,
  type FaultKind,
  type FaultProxy,
  ProtocolDriver,
  setupActivity,
  startFaultProxy,
} from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcRelayOptions } from './RpcRelay.js';
import { type RpcFront, startRpcFront } from './startRpcFront.js';
import { startRpcFrontThread } from './startRpcFrontThread.js';

let anvil: Anvil;
let proxy: FaultProxy;
let next: FaultKind | undefined;
let always: FaultKind | undefined;
let body: string;

const post = async (url: string) => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: r.status, text: await r.text() };
};

beforeAll(async () => {
  anvil = await startAnvil();
  const d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  await activityRound(d, await setupActivity(d), { n: 3, settle: false });
  const head = `0x${(await d.blockNumber()).toString(16)}`;
  body = JSON.stringify([
    { jsonrpc: '2.0', id: 7, method: 'eth_getBlockByNumber', params: [head, false] },
    { jsonrpc: '2.0', id: 8, method: 'eth_getLogs', params: [{ fromBlock: '0x0', toBlock: head }] },
  ]);
  proxy = await startFaultProxy({
    upstream: anvil.rpcUrl,
    rate: 0,
    holdMs: 2_000,
    at: (p) => {
      const k = always && p.methods.includes('eth_getLogs') ? always : next;
      next = undefined;
      return k;
    },
  });
}, 300_000);

afterAll(async () => {
  await proxy?.close();
  await anvil?.stop();
});

// The indexer runs the front on a thread of its own; the same front in process is what the thread runs.
describe.each([
  ['in process', startRpcFront],
  ['on its own thread', startRpcFrontThread],
] as const)('the RPC front %s', (_, start: (o: RpcRelayOptions) => Promise<RpcFront>) => {
  let front: RpcFront;
  const fatal: BaseError[] = [];
  beforeAll(async () => {
    front = await start({
      upstream: proxy.url,
      attemptTimeoutMs: 500,
      checkLogs: true,
      integrityAttempts: 3,
      onFatal: (e) => fatal.push(e),
    });
  });
  afterAll(() => front?.close());

  it('answers exactly what the node answers through every transport fault, and counts each', async () => {
    const clean = await post(anvil.rpcUrl);
    const faults: Record<string, string> = {
      '429': 'http429',
      error500: 'http500',
      drop: 'transport',
      midBody: 'transport',
      truncate: 'badJson',
      timeout: 'timeout',
      wrongId: 'wrongId',
      withholdLog: 'incompleteLogs',
    };
    for (const [kind, fault] of Object.entries(faults)) {
      const before = front.stats.faults[fault] ?? 0;
      next = kind as FaultKind;
      const got = await post(front.url);
      expect(got, kind).toEqual({ status: 200, text: clean.text });
      await expect.poll(() => front.stats.faults[fault], { message: kind }).toBe(before + 1);
      expect(proxy.counts[kind as FaultKind], kind).toBeGreaterThan(0);
    }
    expect(front.stats.logChecks).toBeGreaterThanOrEqual(Object.keys(faults).length);
    expect(fatal).toEqual([]);
  }, 120_000);

  it('stops loudly when the node keeps withholding a log, and never answers the partial logs', async () => {
    always = 'withholdLog';
    try {
      const got = await post(front.url);
      expect(got.status).toBe(503);
    } finally {
      always = undefined;
    }
    await expect.poll(() => fatal.length).toBe(1);
    expect(fatal[0].code).toBe('INTEGRITY');
    expect(fatal[0].shortMessage).toMatch(/eth_getLogs returned \d+ logs, its receipts hold \d+/);
  }, 60_000);
});
