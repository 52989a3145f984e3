import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors/BaseError.js';
import { defineEnv } from './envSchema.js';
import { v } from './envVar.js';

const schema = defineEnv('demo', {
  PORT: v.port('port of the demo', 4350),
  LIVE: v.bool('keep going', true),
  MODE: v.oneOf('how', ['a', 'b'] as const, 'a'),
  KEY: v.hex('a key', 32),
  WEI: v.wei('an amount'),
  DIR: v.path('a folder', '$DATA_DIR/x'),
});

describe('defineEnv', () => {
  it('parses defaults, values and paths relative to INIT_CWD', () => {
    expect(schema.parse({})).toEqual({
      PORT: 4350,
      LIVE: true,
      MODE: 'a',
      KEY: undefined,
      WEI: undefined,
      DIR: undefined,
    });
    const c = schema.parse({ PORT: '80', LIVE: 'off', MODE: 'b', WEI: '10', DIR: 'd', INIT_CWD: '/r' });
    expect(c).toMatchObject({ PORT: 80, LIVE: false, MODE: 'b', WEI: 10n, DIR: '/r/d' });
  });

  it('names the variable and what it expects in a UserError', () => {
    expect(() => schema.parse({ PORT: '70000' })).toThrow(UserError);
    expect(() => schema.parse({ PORT: '70000' })).toThrow(/^PORT must be an integer in \[1, 65535\]/);
    expect(() => schema.parse({ MODE: 'c' })).toThrow(/MODE must be a, b/);
    expect(() => schema.parse({ KEY: '0x12' })).toThrow(/KEY must be 0x and 64 hex digits/);
  });

  it('never throws anything but a UserError, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('PORT', 'LIVE', 'MODE', 'KEY', 'WEI', 'DIR'), (raw, name) => {
        try {
          schema.parse({ [name]: raw });
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
        }
      }),
    );
  });

  it('prints one help line per variable with its default', () => {
    const help = schema.help();
    expect(help).toHaveLength(6);
    expect(help[0]).toMatch(/^ {2}PORT +port of the demo \(default 4350\)$/);
    expect(help.at(-1)).toContain('(default $DATA_DIR/x)');
  });
});
