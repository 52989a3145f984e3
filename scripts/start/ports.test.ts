import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './config.js';
import { checkPorts, portInUse } from './ports.js';

function listen(port = 0): Promise<Server> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}
const portOf = (s: Server) => (s.address() as { port: number }).port;
async function freePort(): Promise<number> {
  const s = await listen();
  const p = portOf(s);
  await new Promise((r) => s.close(r));
  return p;
}

describe('port checks', () => {
  let taken: Server;
  beforeAll(async () => {
    taken = await listen();
  });
  afterAll(() => new Promise((r) => taken.close(r)));

  it('sees a port that something listens on, even on 127.0.0.1 only', async () => {
    expect(await portInUse(portOf(taken))).toBe(true);
    expect(await portInUse(await freePort())).toBe(false);
  });

  it('names the port, the service and the variable to change', async () => {
    const port = portOf(taken);
    await expect(checkPorts([{ port, variable: 'API_PORT', what: 'the GraphQL API' }])).rejects.toThrow(
      `port ${port} is already in use (the GraphQL API): stop what listens there or set API_PORT to another port`,
    );
  });

  it('refuses two services on one port', async () => {
    const port = await freePort();
    await expect(
      checkPorts([
        { port, variable: 'API_PORT', what: 'the GraphQL API' },
        { port, variable: 'EXPLORER_PORT', what: 'the explorer' },
      ]),
    ).rejects.toThrow(`API_PORT and EXPLORER_PORT both name port ${port}`);
  });

  it('npm start prints one line, not a stack trace, and starts nothing', async () => {
    const port = portOf(taken);
    const dataDir = join(REPO_ROOT, '.scratch', `ports-test-${process.pid}`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'start.ts')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        API_PORT: String(port),
        EXPLORER_PORT: String(await freePort()),
        RPC_PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `npm start: port ${port} is already in use (the GraphQL API): stop what listens there or set API_PORT to another port`,
    );
    expect(r.stdout).not.toContain('[devnet]');
  });
});
