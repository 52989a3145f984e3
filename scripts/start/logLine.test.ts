import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLine } from './logLine.js';

const now = new Date('2026-12-03T10:00:00.000Z');

describe('normalizeLine', () => {
  it("turns Subsquid's JSON records into one readable line", () => {
    const line = '{"level":2,"time":1796294514984,"ns":"sqd:processor","msg":"43 / 43, rate: 7 blocks/sec"}';
    const out = normalizeLine('indexer', line, 'pretty', now);
    expect(out).toMatch(/^\d\d:\d\d:\d\d 43 \/ 43, rate: 7 blocks\/sec {2}ns=sqd:processor$/);
    expect(normalizeLine('indexer', '{"level":3,"msg":"slow"}', 'pretty', now)).toBe('10:00:00 WARN slow');
  });
  it('drops a doubled service prefix and puts the time in front of plain lines', () => {
    expect(normalizeLine('api', '[api] GraphQL API at http://x', 'pretty', now)).toBe(
      '10:00:00 GraphQL API at http://x',
    );
    expect(normalizeLine('api', '10:00:01 already pretty', 'pretty', now)).toBe('10:00:01 already pretty');
  });
  it('writes every line as a record under LOG_FORMAT=json', () => {
    expect(JSON.parse(normalizeLine('devnet', 'deployed', 'json', now))).toEqual({
      time: now.toISOString(),
      level: 'info',
      msg: 'deployed',
      service: 'devnet',
    });
  });
  it('never throws and never prints JSON on a terminal, whatever the line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (l) => {
        const out = normalizeLine('x', l, 'pretty', now);
        const body = out.slice(9).trim();
        if (body.startsWith('{') && body.endsWith('}')) expect(() => JSON.parse(body)).toThrow();
      }),
    );
  });
});
