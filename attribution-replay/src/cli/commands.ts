/** A subcommand: takes its own arguments, returns the process exit code. */
export type CommandRun = (argv: readonly string[]) => Promise<number>;

export interface CommandEntry {
  summary: string;
  /** Loaded on use, so `score` never pays for the worker's database and chain dependencies. */
  load: () => Promise<CommandRun>;
}

/**
 * The CLI's subcommands. To add one, add an entry here: `attribution-replay <name> ...` dispatches to it
 * and `attribution-replay --help` lists it.
 */
export const COMMANDS: Record<string, CommandEntry> = {
  score: {
    summary:
      'score with any registered PoA method, no chain needed (a replay bundle, or exported embeddings)',
    load: async () => (await import('./scoreCommand.js')).scoreCommand,
  },
  verify: {
    summary: 'replay one posted attribution and print its verdict',
    load: async () => (await import('../verify/verifyCli.js')).verifyCommand,
  },
  arbiter: {
    summary: 'run the devnet arbiter: rule on open disputes by its own canonical replay (local devnets only)',
    load: async () => (await import('../dispute/arbiterCli.js')).arbiterCommand,
  },
  worker: {
    summary: 'run the replay worker service',
    load: async () => (await import('../worker/workerCli.js')).workerCommand,
  },
};
