import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { decodeModelEvaluation } from './modelEvaluation.js';

const E = { set: `0x${'ab'.repeat(32)}`, messages: 10, accuracy: 0.9, majorityRate: 0.7, predicted: [6, 4] };

describe('decodeModelEvaluation', () => {
  it('reads the record and refuses (null) anything malformed', () => {
    expect(decodeModelEvaluation(canonicalBytes({ format: 'x', evaluation: E }))).toEqual(E);
    expect(decodeModelEvaluation(canonicalBytes({ format: 'x' }))).toBeNull();
    for (const bad of [
      { ...E, accuracy: 1.5 },
      { ...E, messages: 0 },
      { ...E, set: 'abc' },
      { ...E, predicted: [] },
      { ...E, predicted: [1, -1] },
    ])
      expect(decodeModelEvaluation(canonicalBytes({ evaluation: bad }))).toBeNull();
  });

  it('never throws on hostile bytes or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array(),
          fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify({ evaluation: v }))),
        ),
        (b) => {
          const r = decodeModelEvaluation(b);
          expect(r === null || typeof r.accuracy === 'number').toBe(true);
        },
      ),
    );
  });
});
