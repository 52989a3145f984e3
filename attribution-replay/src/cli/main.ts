import { COMMANDS } from './commands.js';

function usage(): string {
  const names = Object.keys(COMMANDS);
  const w = Math.max(...names.map((n) => n.length));
  return [
    'usage: attribution-replay <command> [options]',
    '',
    ...names.map((n) => `  ${n.padEnd(w)}  ${COMMANDS[n].summary}`),
  ].join('\n');
}

/** Dispatches `attribution-replay <command> ...` to the registered subcommand; returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 64 : 0;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    process.stderr.write(`unknown command ${JSON.stringify(name).slice(0, 60)}\n${usage()}\n`);
    return 64;
  }
  return (await entry.load())(rest);
}
