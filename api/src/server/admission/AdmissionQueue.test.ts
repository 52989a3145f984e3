import { BaseError } from '@ae/core';
import { describe, expect, it } from 'vitest';
import { AdmissionQueue } from './AdmissionQueue.js';

/** A job that runs until released, recording when it started. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => {
    release = r;
  });
  return { release, done };
}

const opts = { concurrency: 2, maxQueued: 100, maxQueuedPerClient: 50, maxWaitMs: 60_000 };

describe('AdmissionQueue', () => {
  it('runs at most `concurrency` at once and starts the rest as slots free up', async () => {
    const q = new AdmissionQueue(opts);
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      q.run('a', async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1]);
    expect(q.stats()).toEqual({ running: 2, queued: 4 });
    gates[0].release();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.release();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(q.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('serves clients in turn: a flood from one client does not starve another', async () => {
    const q = new AdmissionQueue({ ...opts, concurrency: 1 });
    const order: string[] = [];
    const first = gate();
    const blocker = q.run('flood', () => first.done);
    const jobs = [
      ...Array.from({ length: 5 }, (_, i) => q.run('flood', async () => order.push(`flood${i}`))),
      q.run('other', async () => order.push('other')),
    ];
    first.release();
    await Promise.all([blocker, ...jobs]);
    // the other client waited behind at most one of the flood's queries, not all five
    expect(order.indexOf('other')).toBeLessThanOrEqual(1);
  });

  it('refuses as OVERLOADED when the line is full, per client and in total, and after too long a wait', async () => {
    const q = new AdmissionQueue({ concurrency: 1, maxQueued: 3, maxQueuedPerClient: 2, maxWaitMs: 50 });
    const g = gate();
    const running = q.run('a', () => g.done);
    const waiting = [q.run('a', async () => 1), q.run('a', async () => 2)];
    await expect(q.run('a', async () => 3)).rejects.toMatchObject({ code: 'OVERLOADED' });
    const b = q.run('b', async () => 4);
    await expect(q.run('c', async () => 5)).rejects.toMatchObject({ code: 'OVERLOADED' });
    // nothing frees the slot: the waiters time out, refused as retryable
    for (const w of [...waiting, b]) {
      const e = await w.catch((x) => x);
      expect(e).toBeInstanceOf(BaseError);
      expect(e).toMatchObject({ code: 'OVERLOADED', retryable: true });
    }
    g.release();
    await running;
    expect(q.stats()).toEqual({ running: 0, queued: 0 });
  });

  it('takes a waiter out of line when its client hangs up', async () => {
    const q = new AdmissionQueue({ ...opts, concurrency: 1 });
    const g = gate();
    const running = q.run('a', () => g.done);
    const abort = new AbortController();
    const waiting = q.run('a', async () => 'never', abort.signal);
    expect(q.stats().queued).toBe(1);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'OVERLOADED' });
    expect(q.stats().queued).toBe(0);
    g.release();
    await running;
  });
});
