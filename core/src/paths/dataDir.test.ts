import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDataDir, resolvePath } from './dataDir.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('resolveDataDir', () => {
  it('defaults to <repo>/.data and resolves relative paths against the directory npm was run in', () => {
    expect(resolveDataDir({})).toBe(join(ROOT, '.data'));
    expect(resolveDataDir({ DATA_DIR: 'd', INIT_CWD: '/home/me' })).toBe('/home/me/d');
    expect(resolveDataDir({ DATA_DIR: '/abs', INIT_CWD: '/home/me' })).toBe('/abs');
    expect(resolvePath('x/deployment.json', 'fb', { INIT_CWD: '/w' })).toBe('/w/x/deployment.json');
    expect(resolvePath(undefined, 'fb', {})).toBe('fb');
  });
});
