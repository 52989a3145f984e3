import { readFileSync } from 'node:fs';

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
