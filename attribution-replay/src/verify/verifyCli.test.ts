import { describe, expect, it } from 'vitest';
import { parseVerifyArgs } from './verifyCli.js';

describe('verify command line', () => {
  it('takes an id, --json and --device in any order', () => {
    expect(parseVerifyArgs(['42'])).toEqual({ attributionId: '42', json: false, device: undefined });
    expect(parseVerifyArgs(['--json', '007', '--device', 'auto'])).toEqual({
      attributionId: '7',
      json: true,
      device: 'auto',
    });
    expect(parseVerifyArgs(['--device=cuda', '1']).device).toBe('cuda');
  });

  it('refuses what is not a decimal id, unknown options and devices, and a second id', () => {
    for (const bad of [
      [],
      ['x1'],
      ['-1'],
      ['1', '2'],
      ['1', '--gpu'],
      ['1', '--device', 'tpu'],
      ['1e3'],
      ['0x10'],
    ])
      expect(() => parseVerifyArgs(bad), JSON.stringify(bad)).toThrow();
  });
});
