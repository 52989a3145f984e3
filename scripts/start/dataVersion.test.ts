import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@ae/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDataVersion, dataVersion, writeDataVersion } from './dataVersion.js';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ae-data-version-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a DATA_DIR from another version', () => {
  it('is refused with what to do when it predates the stamp (an upgrading newcomer)', () => {
    const d = dir();
    const e = (() => {
      try {
        checkDataVersion(d);
      } catch (x) {
        return x;
      }
    })() as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toMatch(new RegExp(`^${d} was made by another version of this project`));
    expect(e.details).toContain('a version from before data-version.json');
    expect(e.details).toContain(`rm -rf ${d}`);
  });

  it('is refused when its stamp names another version, or is not JSON', () => {
    const d = dir();
    writeFileSync(join(d, 'data-version.json'), '{"version":"0123456789abcdef"}');
    expect(() => checkDataVersion(d)).toThrow(UserError);
    writeFileSync(join(d, 'data-version.json'), 'not json');
    expect(() => checkDataVersion(d)).toThrow(/was made by another version/);
  });

  it('is accepted when this version made it', () => {
    const d = dir();
    writeDataVersion(d);
    expect(() => checkDataVersion(d)).not.toThrow();
    expect(dataVersion()).toMatch(/^[0-9a-f]{16}$/);
  });
});
