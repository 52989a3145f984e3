import { RetryableError } from '@ae/core';

export interface AdmissionOptions {
  /** Heavy operations executing at once; the rest wait in line. */
  concurrency: number;
  /** Heavy operations waiting, all clients together, before new ones are refused. */
  maxQueued: number;
  /** Heavy operations one client may have waiting. */
  maxQueuedPerClient: number;
  /** Longest wait in line before a heavy operation is refused as busy. */
  maxWaitMs: number;
}

interface Waiter {
  start(): void;
  fail(e: Error): void;
}

/**
 * Admission control for heavy operations: at most `concurrency` run at once, the others wait in one line per
 * client served round-robin, so one client's flood delays that client and not everyone; a full line or a long
 * wait is refused as OVERLOADED (retryable, HTTP 503). Cheap operations never enter: they keep the database connections
 * and the event loop that heavy ones would otherwise take.
 */
export class AdmissionQueue {
  private running = 0;
  private queued = 0;
  private readonly lines = new Map<string, Waiter[]>();

  constructor(private readonly o: AdmissionOptions) {}

  /** Heavy operations running and waiting now. */
  stats() {
    return { running: this.running, queued: this.queued };
  }

  /** Runs `fn` when a slot is free; `signal` (the client hanging up) takes it out of the line. */
  async run<T>(client: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.running < this.o.concurrency && this.queued === 0) this.running++;
    else await this.wait(client, signal);
    try {
      return await fn();
    } finally {
      this.running--;
      this.next();
    }
  }

  private wait(client: string, signal?: AbortSignal): Promise<void> {
    const line = this.lines.get(client) ?? [];
    if (this.queued >= this.o.maxQueued || line.length >= this.o.maxQueuedPerClient) {
      return Promise.reject(busy('too many heavy queries waiting'));
    }
    return new Promise<void>((resolve, reject) => {
      const leave = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const l = this.lines.get(client);
        const i = l ? l.indexOf(w) : -1;
        if (l && i >= 0) {
          l.splice(i, 1);
          this.queued--;
          if (l.length === 0) this.lines.delete(client);
        }
      };
      const w: Waiter = {
        start: () => {
          leave();
          this.running++;
          resolve();
        },
        fail: (e) => {
          leave();
          reject(e);
        },
      };
      const onAbort = () => w.fail(busy('request aborted while waiting'));
      const timer = setTimeout(() => w.fail(busy('heavy query waited too long')), this.o.maxWaitMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      line.push(w);
      this.lines.set(client, line);
      this.queued++;
    });
  }

  /** Starts the next waiter, taking clients in turn (the first line moves to the back after each start). */
  private next() {
    while (this.running < this.o.concurrency && this.queued > 0) {
      const [client, line] = this.lines.entries().next().value as [string, Waiter[]];
      this.lines.delete(client);
      this.lines.set(client, line);
      line[0].start();
    }
  }
}

function busy(why: string): RetryableError {
  return new RetryableError(`server busy: ${why}; retry later`, { code: 'OVERLOADED' });
}
