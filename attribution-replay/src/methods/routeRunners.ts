import type { MethodRunner, Recomputation, RunnerInput } from '../verify/replayPorts.js';

/**
 * The method registry as the replay sees it: several runners behind one MethodRunner, each call sent to
 * the runner that knows its method (the first one listed wins, so a new method is added by appending its
 * runner). `device` is the device of the runner that ran last.
 */
export function routeRunners(runners: readonly MethodRunner[]): MethodRunner {
  let last = runners[0];
  return {
    get methods() {
      return [...new Set(runners.flatMap((r) => r.methods))];
    },
    get device() {
      return last?.device ?? 'cpu';
    },
    async run(input: RunnerInput): Promise<Recomputation[]> {
      const r = runners.find((x) => x.methods.includes(input.method));
      if (!r) throw new Error(`no runner for method ${input.method}`);
      last = r;
      return r.run(input);
    },
  };
}
