import { BaseError } from '@ae/core';
import { checkLogsComplete } from './checkLogsComplete.js';
import { type CheckedAnswer, checkRpcAnswer, type RpcCall } from './rpcAnswer.js';

export interface RpcRelayOptions {
  upstream: string;
  /** One attempt's budget, headers and whole body included (a hang is a fault after this). */
  attemptTimeoutMs: number;
  /** Check each eth_getLogs answer against the blocks' receipts (checkLogsComplete). */
  checkLogs: boolean;
  /** Attempts before logs that keep disagreeing with receipts stop the indexer (default 6). */
  integrityAttempts?: number;
  log?: { warn(fields: object, msg: string): void };
  /** Called once when the node keeps answering inconsistently: the supervisor stops the indexer. */
  onFatal(error: BaseError): void;
}

export interface RelayStats {
  requests: number;
  retries: number;
  faults: Record<string, number>;
  logChecks: number;
}

const backoff = (attempt: number) => Math.min(2_000, 25 * 2 ** attempt);
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Forwards the processor's JSON-RPC requests to the node and returns only complete, well-formed answers to
 * them: any transport fault (a reset before or in the middle of the body, a hang, a truncated body, 429/5xx, a
 * wrong or missing id, a rate-limit error) is retried with backoff and counted, never passed on. Built on
 * fetch, so the processor's own HTTP client is used as it is (no patched internals).
 */
export class RpcRelay {
  readonly stats: RelayStats = { requests: 0, retries: 0, faults: {}, logChecks: 0 };
  private nextId = 1;
  private fatal = false;

  constructor(private readonly o: RpcRelayOptions) {}

  /** The answer text for one request body; throws only when aborted or after a fatal inconsistency. */
  async relay(body: string, signal: AbortSignal): Promise<string> {
    const parsed = JSON.parse(body) as RpcCall | RpcCall[];
    const isBatch = Array.isArray(parsed);
    const calls = isBatch ? parsed : [parsed];
    this.stats.requests++;
    let integrity = 0;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted || this.fatal) throw new Error('request abandoned');
      const got = await this.exchange(body, calls, isBatch, signal);
      let fault = got.ok ? undefined : `${got.fault}: ${got.detail ?? ''}`;
      if (got.ok && this.o.checkLogs && calls.some((c) => c.method === 'eth_getLogs')) {
        this.stats.logChecks++;
        // Receipts that cannot be had are a transport fault (retried without end), not evidence of withholding.
        const incomplete = await checkLogsComplete(calls, got.answers, (c) => this.send(c, signal)).then(
          (x) => x && `incompleteLogs: ${x}`,
          (e: Error) => `receiptsUnavailable: ${e.message}`,
        );
        if (incomplete) {
          fault = incomplete;
          if (incomplete.startsWith('incompleteLogs') && ++integrity >= (this.o.integrityAttempts ?? 6)) {
            this.stop(incomplete.slice('incompleteLogs: '.length), attempt + 1);
          }
        }
      }
      if (!fault && got.ok) return got.text;
      this.count(fault ?? 'unknown', calls[0].method, attempt);
      await sleep(backoff(attempt), signal);
    }
  }

  /** Calls of the relay's own (receipts), in order, with the same retries; throws after 10 attempts. */
  private async send(list: { method: string; params: unknown[] }[], signal: AbortSignal): Promise<unknown[]> {
    const calls = list.map((c) => ({ jsonrpc: '2.0', id: this.nextId++, ...c }));
    for (let attempt = 0; attempt < 10 && !signal.aborted; attempt++) {
      const got = await this.exchange(JSON.stringify(calls), calls, true, signal);
      if (got.ok) {
        const byId = new Map(got.answers.map((a) => [a.id, a]));
        if (got.answers.every((a) => !a.error)) return calls.map((c) => byId.get(c.id)?.result);
      }
      this.count(got.ok ? 'rpcError' : got.fault, list[0]?.method ?? '', attempt);
      await sleep(backoff(attempt), signal);
    }
    throw new Error(`${list[0]?.method} kept failing`);
  }

  private async exchange(
    body: string,
    calls: RpcCall[],
    isBatch: boolean,
    signal: AbortSignal,
  ): Promise<(CheckedAnswer & { ok: true; text: string }) | (CheckedAnswer & { ok: false })> {
    let status: number;
    let text: string;
    try {
      const res = await fetch(this.o.upstream, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.o.attemptTimeoutMs)]),
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
      return { ok: false, fault: timedOut ? 'timeout' : 'transport', detail: err.cause?.code ?? err.message };
    }
    if (status === 429 || status === 408 || status >= 500) return { ok: false, fault: `http${status}` };
    const checked = checkRpcAnswer(calls, isBatch, text);
    if (!checked.ok && status !== 200) return { ok: false, fault: `http${status}`, detail: checked.fault };
    return checked.ok ? { ...checked, text } : checked;
  }

  private count(fault: string, method: string, attempt: number): void {
    const kind = fault.split(':')[0];
    this.stats.retries++;
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
    this.o.log?.warn(
      { fault, method, attempt: attempt + 1, retries: this.stats.retries, faults: this.stats.faults },
      'RPC fault, retrying',
    );
  }

  private stop(reason: string, attempts: number): void {
    if (this.fatal) return;
    this.fatal = true;
    this.o.onFatal(
      new BaseError(`the RPC node keeps answering incomplete logs after ${attempts} attempts: ${reason}`, {
        code: 'INTEGRITY',
        details: 'no partial block is indexed; check the node, or point RPC_URL at another one',
      }),
    );
  }
}
