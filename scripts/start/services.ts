import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { UserError } from '@ae/core';
import { REPO_ROOT } from './config.js';
import type { ChildSpec } from './supervisor.js';

/** How a service is started: an npm script of its workspace. */
export interface ServiceEntry {
  name: string;
  workspace: string;
  script: string;
  args?: string[];
}

/** The services `npm start` runs, in start order (they stop in reverse). Compose runs the same entries. */
export const SERVICES = {
  devnet: { name: 'devnet', workspace: 'devnet', script: 'devnet' },
  migrate: { name: 'migrate', workspace: 'indexer', script: 'migrate' },
  indexer: { name: 'indexer', workspace: 'indexer', script: 'start' },
  api: { name: 'api', workspace: 'api', script: 'start' },
  replay: { name: 'replay', workspace: 'attribution-replay', script: 'start' },
  /** Local devnets only: rules on disputes by its own canonical replay (the named arbiter account). */
  arbiter: { name: 'arbiter', workspace: 'attribution-replay', script: 'arbiter' },
  explorer: { name: 'explorer', workspace: 'explorer', script: 'start' },
} satisfies Record<string, ServiceEntry>;

/** The scripts of a workspace's package.json. */
export function workspaceScripts(workspace: string, root = REPO_ROOT): Record<string, string> {
  const file = join(root, workspace, 'package.json');
  if (!existsSync(file)) throw new UserError(`workspace ${workspace} has no package.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
}

/**
 * The command line of a service, read from its workspace at start time (so that a changed npm script is
 * what runs). An npm script runs the way npm would run it, through `sh -c` with the workspace as cwd and
 * node_modules/.bin on PATH, but with `exec` so that no npm or shell process sits between us and the service.
 */
export function serviceCommand(
  entry: ServiceEntry,
  extraArgs: string[],
  env: NodeJS.ProcessEnv,
  root = REPO_ROOT,
): ChildSpec {
  const cwd = join(root, entry.workspace);
  const args = [...(entry.args ?? []), ...extraArgs];
  const path = [join(cwd, 'node_modules', '.bin'), join(root, 'node_modules', '.bin'), env.PATH ?? ''].join(
    delimiter,
  );
  const childEnv = { ...env, PATH: path, INIT_CWD: cwd };
  const script = workspaceScripts(entry.workspace, root)[entry.script];
  if (!script)
    throw new UserError(
      `workspace ${entry.workspace} has no "${entry.script}" script: cannot start the ${entry.name}`,
    );
  const line = ['exec', script, ...args.map(shellQuote)].join(' ');
  return { name: entry.name, command: '/bin/sh', args: ['-c', line], cwd, env: childEnv };
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
