import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Supervisor } from './supervisor.js';

/** Running (a zombie waiting for init to reap it counts as gone). */
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
/** Whether the process is still running 2 s after we asked it to stop (signals take a moment to land). */
async function alive(pid: number): Promise<boolean> {
  for (let i = 0; i < 40 && running(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return running(pid);
}

/** A dummy service: starts a grandchild (like anvil under the devnet), prints both pids, then waits. */
const DUMMY = `
const { spawn } = require('node:child_process');
const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
else process.on('SIGTERM', () => { console.log('stopping'); process.exit(0); });
console.log('pids ' + process.pid + ' ' + g.pid); // last: the test signals as soon as it reads this
setInterval(() => {}, 1000);
`;

async function startDummy(sup: Supervisor, name: string, env: NodeJS.ProcessEnv = {}) {
  const child = sup.start({
    name,
    command: process.execPath,
    args: ['-e', DUMMY],
    cwd: process.cwd(),
    env: { ...process.env, ...env },
  });
  const pids = await new Promise<number[]>((resolve) => {
    child.process.stdout?.on('data', (b: Buffer) => {
      const m = /pids (\d+) (\d+)/.exec(b.toString());
      if (m) resolve([Number(m[1]), Number(m[2])]);
    });
  });
  return { child, pids };
}

describe('Supervisor', () => {
  it('prefixes every line with the service name', async () => {
    const lines: string[] = [];
    const sup = new Supervisor({ write: (l) => lines.push(l) });
    sup.start({
      name: 'echo',
      command: process.execPath,
      args: ['-e', 'console.log("a\\nb"); console.error("c")'],
      cwd: process.cwd(),
      env: process.env,
    });
    await sup.children[0].exited;
    await new Promise((r) => setTimeout(r, 50));
    // one format for every service: the prefix, the time, the line
    expect(lines.map((l) => l.replace(/\d\d:\d\d:\d\d /, 'T ')).sort()).toEqual([
      '[echo]     T a',
      '[echo]     T b',
      '[echo]     T c',
    ]);
  });

  it('stops children and their grandchildren in reverse order on stopAll', async () => {
    const lines: string[] = [];
    const exits: string[] = [];
    const sup = new Supervisor({ write: (l) => lines.push(l), onUnexpectedExit: (n) => exits.push(n) });
    const a = await startDummy(sup, 'first');
    const b = await startDummy(sup, 'second');
    const order: string[] = [];
    void a.child.exited.then(() => order.push('first'));
    void b.child.exited.then(() => order.push('second'));
    await sup.stopAll(5_000);
    expect(order).toEqual(['second', 'first']);
    for (const pid of [...a.pids, ...b.pids]) expect(await alive(pid)).toBe(false);
    expect(lines.map((l) => l.replace(/\d\d:\d\d:\d\d /, ''))).toContain('[first]    stopping');
    expect(exits).toEqual([]); // a requested stop is not a crash
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const lines: string[] = [];
    const sup = new Supervisor({ write: (l) => lines.push(l) });
    const { child, pids } = await startDummy(sup, 'stubborn', { IGNORE_TERM: '1' });
    await sup.stopAll(300);
    expect((await child.exited).signal).toBe('SIGKILL');
    for (const pid of pids) expect(await alive(pid)).toBe(false);
    expect(lines.map((l) => l.replace(/\d\d:\d\d:\d\d /, ''))).toContain(
      '[start]    stubborn did not stop within 300 ms: SIGKILL',
    );
  });

  it('reports a child that exits on its own', async () => {
    const exits: Array<[string, number | null]> = [];
    const sup = new Supervisor({ write: () => {}, onUnexpectedExit: (n, code) => exits.push([n, code]) });
    sup.start({
      name: 'crash',
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      cwd: process.cwd(),
      env: process.env,
    });
    const ok = sup.start(
      { name: 'once', command: process.execPath, args: ['-e', ''], cwd: process.cwd(), env: process.env },
      { oneShot: true },
    );
    await Promise.all(sup.children.map((c) => c.exited));
    await ok.exited;
    await new Promise((r) => setTimeout(r, 20));
    expect(exits).toEqual([['crash', 3]]);
  });
});
