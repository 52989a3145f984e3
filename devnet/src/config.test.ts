import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 8545, instant mining and <repo>/.data', () => {
    const c = loadConfig({});
    expect(c.rpcPort).toBe(8545);
    expect(c.blockTime).toBeUndefined();
    expect(c.rpcUrl).toBeUndefined();
    expect(c.deploymentFile).toBe(`${c.dataDir}/deployment.json`);
    expect(c.dataDir).toMatch(/\/\.data$/);
  });

  it('resolves relative paths against the directory npm was run in', () => {
    const c = loadConfig({ INIT_CWD: '/srv/app', DATA_DIR: 'state', RPC_PORT: '9000', BLOCK_TIME: '2' });
    expect(c).toMatchObject({
      dataDir: '/srv/app/state',
      deploymentFile: '/srv/app/state/deployment.json',
      rpcPort: 9000,
      blockTime: 2,
    });
  });

  it('rejects malformed numbers', () => {
    expect(() => loadConfig({ RPC_PORT: '85x' })).toThrow(/RPC_PORT/);
    expect(() => loadConfig({ BLOCK_TIME: '0' })).toThrow(/BLOCK_TIME/);
  });
});
