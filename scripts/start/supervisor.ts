import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { LogFormat } from '@ae/core';
import { normalizeLine } from './logLine.js';

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisedChild {
  name: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SupervisorOptions {
  color?: boolean;
  /** pretty: `[name]     HH:MM:SS message  k=v` per line; json: one record per line with its service. */
  format?: LogFormat;
  /** Where prefixed lines go (stdout by default). */
  write?: (line: string) => void;
  /** Called when a child exits while the supervisor is not stopping: the launcher decides what to do. */
  onUnexpectedExit?: (name: string, code: number | null, signal: NodeJS.Signals | null) => void;
}

/**
 * Runs the services as children, each in its own process group, so that a stop reaches the whole tree of a
 * service (a shell, npm, anvil under the devnet) and so that a terminal's Ctrl-C reaches only the launcher,
 * which then stops the children in reverse start order: the indexer stops before the chain, Postgres last.
 */
export class Supervisor {
  readonly children: SupervisedChild[] = [];
  private stopping = false;
  private colorIndex = 0;
  private readonly write: (line: string) => void;

  constructor(private readonly opts: SupervisorOptions = {}) {
    this.write = opts.write ?? ((l) => process.stdout.write(`${l}\n`));
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Starts a child whose output lines are prefixed with its name; a oneShot child may exit on its own. */
  start(spec: ChildSpec, opts: { oneShot?: boolean } = {}): SupervisedChild {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = this.prefix(spec.name);
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', (l) => this.emit(spec.name, prefix, l));
    }
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('error', (e) => {
        this.write(`${prefix} cannot start ${spec.command}: ${e.message}`);
        resolve({ code: 127, signal: null });
      });
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const entry = { name: spec.name, process: child, exited };
    this.children.push(entry);
    void exited.then(({ code, signal }) => {
      if (!this.stopping && !(opts.oneShot && code === 0))
        this.opts.onUnexpectedExit?.(spec.name, code, signal);
    });
    return entry;
  }

  /** Lines of the launcher itself, in the same format. */
  log(name: string, line: string): void {
    this.emit(name, this.prefix(name, true), line);
  }

  private emit(name: string, prefix: string, line: string): void {
    const format = this.opts.format ?? 'pretty';
    const text = normalizeLine(name, line, format);
    this.write(format === 'json' ? text : `${prefix} ${text}`);
  }

  /**
   * Stops every child, last started first: SIGTERM to it, SIGKILL to its process group after `timeoutMs`
   * if it is still there, SIGTERM to what is left of its group once it exited. Resolves when all exited.
   */
  async stopAll(timeoutMs: number): Promise<void> {
    this.stopping = true;
    for (const child of [...this.children].reverse())
      await stopChild(child, timeoutMs, (l) => this.log('start', l));
  }

  private prefix(name: string, bold = false): string {
    const label = `[${name}]`.padEnd(10);
    if (!this.opts.color) return label;
    const color = bold ? 1 : COLORS[this.colorIndex++ % COLORS.length];
    return `\x1b[${color}m${label}\x1b[0m`;
  }
}

async function stopChild(child: SupervisedChild, timeoutMs: number, log: (l: string) => void): Promise<void> {
  const p = child.process;
  if (p.exitCode !== null || p.signalCode !== null || p.pid === undefined) return;
  const pid = p.pid;
  // The leader first, so that it stops its own children in order (the devnet ends its live loop, then
  // anvil, which saves the chain); whatever of its group is left gets the signal after it.
  p.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log(`${child.name} did not stop within ${timeoutMs} ms: SIGKILL`);
      signalGroup(pid, 'SIGKILL');
      resolve();
    }, timeoutMs);
  });
  await Promise.race([child.exited, killed]);
  clearTimeout(timer);
  await child.exited;
  signalGroup(pid, 'SIGTERM');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}
