import { readFileSync } from 'node:fs';
import pg from 'pg';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/**
 * CPU time of a process tree from /proc: the largest utime + stime seen for each process of the tree, summed
 * (children's time is read from the children themselves, so a child that exits between two samples loses at
 * most one interval). Linux only; elsewhere it reads 0.
 */
export class CpuSampler {
  private readonly seen = new Map<number, number>();

  sample(pid: number): void {
    const own = ownCpuMs(pid);
    if (own === undefined) return;
    this.seen.set(pid, Math.max(this.seen.get(pid) ?? 0, own));
    for (const c of childrenOf(pid)) this.sample(c);
  }

  totalMs(): number {
    let sum = 0;
    for (const v of this.seen.values()) sum += v;
    return sum;
  }
}

function ownCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces) start at state: utime and stime are 14 and 15
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU time of the Postgres backends serving one database (same machine): their pids from pg_stat_activity,
 * each sampled like a process. A backend that closes between two polls loses at most one interval.
 */
export class DatabaseCpu {
  private readonly cpu = new CpuSampler();
  private readonly client: pg.Client;
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(
    adminUrl: string,
    private readonly database: string,
  ) {
    this.client = new pg.Client({ connectionString: adminUrl });
  }

  async start(intervalMs = 200): Promise<void> {
    await this.client.connect();
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const r = await this.client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1',
        [this.database],
      );
      for (const { pid } of r.rows) this.cpu.sample(pid);
    } catch {
      // the database is being dropped, or the admin connection is gone: keep what was sampled
    } finally {
      this.busy = false;
    }
  }

  /** Stops polling (after one last poll) and returns the CPU ms sampled. */
  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.poll();
    await this.client.end().catch(() => {});
    return this.cpu.totalMs();
  }
}

/** Starts sampling the backends of the database at `url` (connecting to the server's `postgres` database). */
export async function databaseCpu(url: string): Promise<DatabaseCpu> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const d = new DatabaseCpu(admin.toString(), name);
  await d.start();
  return d;
}
