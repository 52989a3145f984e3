import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { freePort } from '@ae/devnet';

const require = createRequire(import.meta.url);

/**
 * @subsquid/graphql-server (pinned in api/package.json) needs graphql 15, and every package of its closure must
 * load the same copy of it. In this workspace graphql 16 is at the root and npm nests one graphql 15 under the
 * server and another under @subsquid/openreader: two module instances, and the server refuses to start
 * ("Cannot use GraphQLObjectType from another module or realm"). The tree below has the layout a squid's own
 * install has: the root node_modules mirrored with symlinks, one graphql (the server's 15) at its top and no
 * nested copy. Node runs the server with --preserve-symlinks, so modules are found through the mirror while
 * every byte of code is the installed package's.
 */
function mirrorInstall(dir: string): void {
  const serverPkg = require.resolve('@subsquid/graphql-server/package.json');
  const graphql15 = dirname(createRequire(serverPkg).resolve('graphql/package.json'));
  const root = dirname(dirname(dirname(serverPkg)));
  const hasModules = (p: string) => {
    try {
      return lstatSync(join(p, 'node_modules')).isDirectory();
    } catch {
      return false;
    }
  };
  const mirrorModules = (src: string, dst: string, top: boolean) => {
    mkdirSync(dst, { recursive: true });
    for (const name of readdirSync(src)) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) mirrorModules(join(src, name), join(dst, name), top);
      else if (name === 'graphql') {
        if (top) symlinkSync(realpathSync(graphql15), join(dst, name));
      } else mirrorPackage(join(src, name), join(dst, name));
    }
  };
  const mirrorPackage = (src: string, dst: string) => {
    const real = realpathSync(src);
    if (!hasModules(real)) return symlinkSync(real, dst);
    mkdirSync(dst);
    for (const e of readdirSync(real)) {
      if (e === 'node_modules') mirrorModules(join(real, e), join(dst, e), false);
      else symlinkSync(join(real, e), join(dst, e));
    }
  };
  mirrorModules(root, join(dir, 'node_modules'), true);
}

export interface ReferenceServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real OpenReader server (squid-graphql-server) over `databaseUrl` and the data model's
 * `schemaFiles`, as a squid runs it (DB_* variables, GQL_PORT, the files in a `schema/` folder of its working
 * directory, which OpenReader reads as one model), and waits until it answers.
 */
export async function startReferenceServer(
  databaseUrl: string,
  schemaFiles: string[],
): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ae-openreader-'));
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    mirrorInstall(dir);
    mkdirSync(join(dir, 'schema'));
    for (const [i, f] of schemaFiles.entries()) {
      copyFileSync(f, join(dir, 'schema', `${i}-${basename(dirname(f))}.graphql`));
    }
    const db = new URL(databaseUrl);
    const port = await freePort();
    let log = '';
    child = spawn(
      process.execPath,
      ['--preserve-symlinks', '--preserve-symlinks-main', 'node_modules/@subsquid/graphql-server/bin/run.js'],
      {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          DB_HOST: db.hostname,
          DB_PORT: db.port || '5432',
          DB_NAME: db.pathname.slice(1),
          DB_USER: decodeURIComponent(db.username),
          DB_PASS: decodeURIComponent(db.password),
          GQL_PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const append = (d: Buffer) => {
      log = (log + d.toString()).slice(-4000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    const url = `http://127.0.0.1:${port}/graphql`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`squid-graphql-server exited: ${log.slice(-2000)}`);
      const ok = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { url, stop };
      if (Date.now() > deadline) throw new Error(`squid-graphql-server did not answer: ${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stop();
    throw e;
  }
}
