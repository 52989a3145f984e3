import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRpcAnswer, type RpcCall } from './rpcAnswer.js';

const calls = (n: number): (RpcCall & { id: number })[] =>
  Array.from({ length: n }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, method: 'eth_getBlockByNumber' }));
const answers = (cs: (RpcCall & { id: number })[]) =>
  cs.map((c) => ({ jsonrpc: '2.0', id: c.id, result: { n: c.id } }));

describe('checkRpcAnswer', () => {
  it('accepts a complete answer in any order, and any cut of it is a fault', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        const cs = calls(n);
        const list = answers(cs).sort((a, b) => ((a.id * seed) % 7) - ((b.id * seed) % 7));
        const text = JSON.stringify(list);
        expect(checkRpcAnswer(cs, true, text).ok).toBe(true);
        const cut = seed % text.length;
        expect(checkRpcAnswer(cs, true, text.slice(0, cut)).ok).toBe(false);
      }),
    );
  });

  it('refuses wrong, duplicate and missing ids, and a batch answered by one object', () => {
    const cs = calls(3);
    const ok = answers(cs);
    const bad = [
      [{ ...ok[0], id: 99 }, ok[1], ok[2]],
      [ok[0], ok[0], ok[2]],
      [ok[0], ok[1]],
      [ok[0], ok[1], { jsonrpc: '2.0', id: 3 }],
    ];
    expect(
      bad.map((b) => checkRpcAnswer(cs, true, JSON.stringify(b))).map((r) => (r.ok ? 'ok' : r.fault)),
    ).toEqual(['wrongId', 'wrongId', 'missingAnswer', 'shape']);
    const one = { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batch too large' } };
    expect(checkRpcAnswer(cs, true, JSON.stringify(one))).toMatchObject({ ok: false, fault: 'shape' });
    expect(checkRpcAnswer(cs.slice(0, 1), false, JSON.stringify({ ...ok[0], id: 2 }))).toMatchObject({
      ok: false,
      fault: 'wrongId',
    });
  });

  it('passes a node error on, but retries a rate limit', () => {
    const cs = calls(1);
    const err = (code: number, message: string) =>
      JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code, message } });
    expect(checkRpcAnswer(cs, false, err(-32000, 'execution reverted')).ok).toBe(true);
    expect(checkRpcAnswer(cs, false, err(-32005, 'limit exceeded'))).toMatchObject({ fault: 'rpcBusy' });
    expect(checkRpcAnswer(cs, false, err(-32016, 'rate limit reached'))).toMatchObject({ fault: 'rpcBusy' });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), fc.boolean(), (text, batch) => {
        const r = checkRpcAnswer(calls(2), batch, text);
        if (!r.ok) expect(r.fault.length).toBeGreaterThan(0);
      }),
    );
  });
});
