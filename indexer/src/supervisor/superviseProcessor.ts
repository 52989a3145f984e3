import { type ChildProcess, fork } from 'node:child_process';
import { constants } from 'node:os';

/** Exit code of a processor that asks its supervisor for a fresh start (a same-height reorg was rolled back). */
export const RESTART_EXIT_CODE = 75;

const CHILD_FLAG = 'AE_INDEXER_SUPERVISED';

/** True in the processor process that superviseProcessor started. */
export function isSupervisedChild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[CHILD_FLAG] === '1';
}

/**
 * Runs `entry` (the indexer's main module) as a child process and starts it again when it exits with
 * RESTART_EXIT_CODE; any other exit ends the supervisor with that code, or with the one `explain` gives for a
 * failure (the project's deep-reorg stop, when the processor died of a chain that is gone). Why a process: the Subsquid
 * processor cannot be stopped or rewound through its API (it polls the head's number and ends the process on
 * any error), so starting it again from the rolled-back state is the one public way to make it fetch a block
 * that replaced one at the same height. SIGTERM/SIGINT are passed on; if the supervisor itself dies, the
 * child's IPC channel closes and it exits (see exitWithSupervisor).
 */
export function superviseProcessor(
  entry: string,
  log: (msg: string) => void,
  explain: (code: number) => Promise<number> = async (code) => code,
): Promise<number> {
  return new Promise((resolve) => {
    let child: ChildProcess | undefined;
    let stopping = false;
    const forward = (sig: NodeJS.Signals) => {
      stopping = true;
      child?.kill(sig);
    };
    process.on('SIGTERM', forward);
    process.on('SIGINT', forward);
    const start = () => {
      child = fork(entry, process.argv.slice(2), {
        execArgv: process.execArgv,
        env: { ...process.env, [CHILD_FLAG]: '1' },
        stdio: 'inherit',
      });
      child.once('exit', (code, signal) => {
        if (code === RESTART_EXIT_CODE && !stopping) {
          log('restarting the processor from the rolled-back state');
          start();
          return;
        }
        process.off('SIGTERM', forward);
        process.off('SIGINT', forward);
        const exit = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
        if (exit === 0 || stopping || signal) resolve(exit);
        else void explain(exit).then(resolve, () => resolve(exit));
      });
    };
    start();
  });
}

/** In the child: end at once when the supervisor is gone, so no orphan keeps writing to the database. */
export function exitWithSupervisor(): void {
  if (process.send) process.on('disconnect', () => process.exit(1));
}
