import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BaseError } from '@ae/core';
import type { ApiLimits } from '../../config.js';
import type { ServiceOptions } from '../services.js';

/** What a heavy worker is started with (plain data: it crosses the thread boundary). */
export interface HeavyWorkerData {
  databaseUrl: string;
  poolSize: number;
  limits: ApiLimits;
  suggestions: boolean;
  schemaSdl?: string;
  services: Pick<ServiceOptions, 'rpcUrl' | 'chainId' | 'attributionRegistry' | 'artifactsDir'>;
}

export interface HeavyJob {
  id: number;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string | null;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  ready: boolean;
  /** Settles when the thread is up, or when it failed to start. */
  started: Promise<void>;
}

const here = fileURLToPath(import.meta.url);
// from the sources, a boot file registers tsx in the thread; a build runs the .js next to this file
const entry = new URL(here.endsWith('.ts') ? './heavyWorkerBoot.mjs' : './heavyWorker.js', import.meta.url);

/**
 * A fixed set of worker threads for heavy operations (as many as may run at once; admission control decides
 * which run). A worker that dies fails its job as INTERNAL and is replaced.
 */
export class HeavyWorkers {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (body: Uint8Array<ArrayBuffer>) => void; reject: (e: Error) => void; slot: Slot }
  >();
  private nextId = 1;
  private jobs = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly data: HeavyWorkerData,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(entry, { workerData: this.data });
    let started: () => void = () => {};
    const promise = new Promise<void>((r) => {
      started = r;
    });
    const slot: Slot = { worker, busy: false, ready: false, started: promise };
    worker.once('exit', () => started());
    slot.worker.on('message', (m: { id?: number; body?: Uint8Array<ArrayBuffer>; ready?: boolean }) => {
      if (m.ready) {
        slot.ready = true;
        started();
        return;
      }
      const p = this.pending.get(m.id as number);
      this.pending.delete(m.id as number);
      slot.busy = false;
      p?.resolve(m.body as Uint8Array<ArrayBuffer>);
    });
    slot.worker.on('error', (e) => console.error('[api] heavy worker failed', e));
    slot.worker.on('exit', () => {
      for (const [id, p] of this.pending) {
        if (p.slot !== slot) continue;
        this.pending.delete(id);
        p.reject(new BaseError('internal error', { code: 'INTERNAL', details: 'heavy worker exited' }));
      }
      // a thread that never started would fail again: no respawn loop, jobs then run on the main thread
      if (this.closed || !slot.ready) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
    });
    return slot;
  }

  /**
   * Executes `job` on an idle worker and returns the response body (JSON as UTF-8); undefined when no worker is up
   * (still starting, or failed to start), for the caller to run the job itself.
   */
  run(job: Omit<HeavyJob, 'id'>): Promise<Uint8Array<ArrayBuffer>> | undefined {
    const slot = this.slots.find((s) => !s.busy && s.ready);
    if (!slot) return undefined;
    slot.busy = true;
    this.jobs++;
    const id = this.nextId++;
    return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ ...job, id });
    });
  }

  /** Settles when every thread has started (or failed to: its jobs then run on the main thread). */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.started));
  }

  /** Lets running jobs finish (up to `graceMs`), then stops the threads. */
  async close(graceMs = 10_000): Promise<void> {
    this.closed = true;
    const deadline = Date.now() + graceMs;
    while (this.pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  get threads(): number {
    return this.size;
  }

  /** Threads up and jobs they were given so far. */
  stats() {
    return { up: this.slots.filter((s) => s.ready).length, jobs: this.jobs };
  }
}
