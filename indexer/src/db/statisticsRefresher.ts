import pg from 'pg';

/** Events indexed since the last refresh above which a refresh is worth it (a backfill, not a few blocks). */
const THRESHOLD = 100_000;

/**
 * Refreshes Postgres' planner statistics (ANALYZE) when a large backfill reaches the head. Autovacuum
 * analyzes late and in steps during a bulk load, and until it catches up the API's plans are built for tables
 * a fraction of their size: measured on the large scenario, a lineage query went from 20 ms to 100 ms because
 * of it. Runs on its own connection beside the processor (ANALYZE blocks no writes); failures only warn.
 */
export class StatisticsRefresher {
  private events = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: { info(o: unknown, m: string): void; warn(o: unknown, m: string): void },
  ) {}

  /** Counts a batch; at the head, after a backfill, starts a refresh in the background. */
  record(events: number, atHead: boolean): void {
    this.events += events;
    if (atHead) void this.refresh();
  }

  /** Refreshes now if a backfill is pending (before a planned exit), and waits for any refresh running. */
  async refresh(): Promise<void> {
    if (!this.running && this.events >= THRESHOLD) {
      const events = this.events;
      this.events = 0;
      this.running = this.analyze(events).finally(() => {
        this.running = undefined;
      });
    }
    await this.running;
  }

  private async analyze(events: number): Promise<void> {
    const c = new pg.Client({ connectionString: this.databaseUrl });
    const t0 = performance.now();
    try {
      await c.connect();
      await c.query('ANALYZE');
      this.log.info(
        { events, ms: Math.round(performance.now() - t0) },
        'refreshed planner statistics after a backfill',
      );
    } catch (e) {
      this.log.warn({ err: String(e) }, 'could not refresh planner statistics (autovacuum will)');
    } finally {
      await c.end().catch(() => {});
    }
  }
}
