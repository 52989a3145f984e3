import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerSpan, answerSegments } from './answerSegments.js';

const span = (charStart: number, charEnd: number): AnswerSpan => ({
  charStart,
  charEnd,
  text: '',
  count: 1,
  score: '1',
  contributionIds: ['1'],
});

describe('answerSegments', () => {
  it('cuts at span boundaries and lists the spans over each piece, overlaps included', () => {
    const s = answerSegments('abcdefgh', [span(1, 4), span(3, 6)]);
    expect(s.map((x) => [x.text, x.spans.length])).toEqual([
      ['a', 0],
      ['bc', 1],
      ['d', 2],
      ['ef', 1],
      ['gh', 0],
    ]);
    expect(answerSegments('', [span(0, 3)])).toEqual([]);
  });

  it('always concatenates back to the text, whatever the (hostile) offsets', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 })), {
          maxLength: 6,
        }),
        (text, pairs) => {
          const segs = answerSegments(
            text,
            pairs.map(([a, b]) => span(a, b)),
          );
          expect(segs.map((x) => x.text).join('')).toBe(text);
          for (const x of segs) for (const s of x.spans) expect(s.charStart <= x.start).toBe(true);
        },
      ),
    );
  });
});
