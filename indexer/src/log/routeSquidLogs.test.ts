import type { Logger } from '@ae/core';
import { createLogger as squidLogger } from '@subsquid/logger';
import { describe, expect, it } from 'vitest';
import { routeSquidLogs } from './routeSquidLogs.js';

describe('routeSquidLogs', () => {
  it("sends Subsquid's records through the project's logger, level, message and fields kept", () => {
    const got: [string, string, Record<string, unknown>][] = [];
    const rec =
      (level: string) =>
      (msg: string, fields: Record<string, unknown> = {}) =>
        got.push([level, msg, fields]);
    const log = {
      debug: rec('debug'),
      info: rec('info'),
      warn: rec('warn'),
      error: rec('error'),
      fatal: rec('fatal'),
    } as unknown as Logger;
    routeSquidLogs(log);
    const sqd = squidLogger('sqd:processor');
    sqd.info({ blocks: 43 }, '43 / 43, rate: 7 blocks/sec');
    sqd.warn(new Error('rpc slow'));
    expect(got[0]).toEqual(['info', '43 / 43, rate: 7 blocks/sec', { ns: 'sqd:processor', blocks: 43 }]);
    expect(got[1][0]).toBe('warn');
    expect(got[1][2].err).toBe('rpc slow');
  });
});
