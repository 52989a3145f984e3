import type pg from 'pg';
import type PgBoss from 'pg-boss';
import type { ReplayConfig } from '../config.js';
import { Feeder } from './feeder.js';
import { type ProcessDeps, persistVerdicts, processAttributions } from './processJobs.js';
import { Progress } from './progress.js';
import { migrateReplay } from './replayMigrations.js';
import type { ReplayJob } from './replayQueue.js';

export interface WorkerOptions {
  /** Run the feeder in this process (default true; any number of feeders is safe). */
  feed?: boolean;
  /** Called after each batch with the ids completed (tests, benchmarks). */
  onBatch?: (ids: string[]) => void;
}

/**
 * One replay worker process: a feeder that enqueues new postings, `concurrency` loops that fetch batches
 * of jobs (many jobs at once, so one model's queries are replayed together), and a progress line. A job
 * is completed only after its verdict is written; a crash leaves it active until it expires and another
 * worker retries it, and the verdict upsert makes the retry harmless.
 */
export class ReplayWorker {
  readonly progress = new Progress();
  private stopped = false;
  private loops: Promise<void>[] = [];
  private timers: NodeJS.Timeout[] = [];
  private readonly feeder: Feeder;

  constructor(
    private readonly cfg: ReplayConfig,
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    private readonly deps: ProcessDeps,
    private readonly opts: WorkerOptions = {},
  ) {
    this.feeder = new Feeder(pool, boss, cfg.queueName);
  }

  async start(): Promise<void> {
    const log = this.deps.log ?? console.log;
    await migrateReplay(this.cfg.databaseUrl);
    if (this.opts.feed !== false) {
      await this.feeder.ensureCursor();
      await this.feeder.drain();
      this.every(this.cfg.feedIntervalMs, () => this.feeder.drain());
    }
    if (this.cfg.progressIntervalS > 0) {
      // one line per interval while there is work; an idle worker says so once, then stays quiet
      let idleSaid = false;
      let lastDone = -1;
      this.every(this.cfg.progressIntervalS * 1000, async () => {
        const backlog = await this.backlog();
        const idle = backlog === 0 && this.progress.done === lastDone;
        lastDone = this.progress.done;
        if (idle && idleSaid) return;
        idleSaid = idle;
        log(this.progress.line(backlog));
      });
    }
    for (let i = 0; i < Math.max(1, this.cfg.concurrency); i++) this.loops.push(this.loop());
  }

  /** Jobs waiting (created or retry), i.e. not yet taken by any worker. */
  async backlog(): Promise<number | undefined> {
    return this.boss.getQueueSize(this.cfg.queueName, { before: 'active' }).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await Promise.all(this.loops);
  }

  private every(ms: number, fn: () => Promise<unknown>): void {
    let busy = false;
    this.timers.push(
      setInterval(() => {
        if (busy || this.stopped) return;
        busy = true;
        fn()
          .catch((e) => console.error(`replay: ${(e as Error).message.split('\n')[0]}`))
          .finally(() => {
            busy = false;
          });
      }, ms),
    );
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let jobs: PgBoss.Job<ReplayJob>[] = [];
      try {
        jobs = await this.boss.fetch<ReplayJob>(this.cfg.queueName, { batchSize: this.cfg.batchSize });
      } catch (e) {
        console.error(`replay: fetch failed: ${(e as Error).message.split('\n')[0]}`);
      }
      if (jobs.length === 0) {
        await sleep(200);
        continue;
      }
      await this.handle(jobs);
    }
  }

  private async handle(jobs: PgBoss.Job<ReplayJob>[]): Promise<void> {
    // one model at a time, so a fault in one model's evidence retries only its jobs
    const byModel = new Map<string, PgBoss.Job<ReplayJob>[]>();
    for (const j of jobs) byModel.set(j.data.modelId, [...(byModel.get(j.data.modelId) ?? []), j]);
    for (const group of byModel.values()) {
      const ids = group.map((j) => j.data.attributionId);
      try {
        const results = await processAttributions(this.deps, ids);
        await persistVerdicts(this.pool, results);
        await this.boss.complete(
          this.cfg.queueName,
          group.map((j) => j.id),
        );
        for (const r of results) {
          this.progress.counts[r.verdict.verdict]++;
          if (r.verdict.disputeTxHash) this.progress.counts.disputes++;
        }
        this.opts.onBatch?.(ids);
      } catch (e) {
        this.progress.counts.failed += group.length;
        const msg = (e as Error).message.split('\n')[0];
        console.error(
          `replay: batch of ${group.length} (model ${group[0].data.modelId}) failed, will retry: ${msg}`,
        );
        await this.boss
          .fail(
            this.cfg.queueName,
            group.map((j) => j.id),
          )
          .catch(() => {});
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
