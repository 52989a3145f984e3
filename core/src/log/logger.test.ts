import { describe, expect, it } from 'vitest';
import { formatRecord, logFormat } from './logger.js';

describe('logger', () => {
  const at = new Date('2026-12-03T10:11:12.000Z');

  it('prints one readable line per event on a terminal', () => {
    const line = formatRecord('pretty', 'info', 'indexed', { blocks: 3, head: 'a b', big: 10n ** 30n }, at);
    expect(line).toBe('10:11:12 indexed  blocks=3 head="a b" big=1000000000000000000000000000000');
    expect(formatRecord('pretty', 'warn', 'slow', {}, at)).toBe('10:11:12 WARN slow');
  });

  it('prints one JSON object per line otherwise', () => {
    const rec = JSON.parse(formatRecord('json', 'error', 'failed', { err: new Error('boom'), n: 1n }, at));
    expect(rec).toEqual({
      time: at.toISOString(),
      level: 'error',
      msg: 'failed',
      err: { message: 'boom', name: 'Error' },
      n: '1',
    });
  });

  it('chooses the format from LOG_FORMAT, else from the terminal', () => {
    expect(logFormat({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({}, false)).toBe('json');
  });
});
