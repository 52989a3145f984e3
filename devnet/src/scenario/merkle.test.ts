import fc from 'fast-check';
import { type Hex, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { merkleLeaf, merkleProof, merkleRoot, verifyMerkleProof } from './merkle.js';

const hashes = fc
  .array(fc.integer(), { minLength: 1, maxLength: 40 })
  .map((xs) => xs.map((x, i) => keccak256(toHex(`${x}:${i}`))));

describe('merkle', () => {
  it('a single leaf is its own root and the empty set is zero', () => {
    const h = keccak256(toHex('a'));
    expect(merkleRoot([h])).toBe(merkleLeaf(h));
    expect(merkleRoot([])).toBe(`0x${'0'.repeat(64)}`);
  });

  it('every leaf proves membership and a foreign hash does not', () => {
    fc.assert(
      fc.property(hashes, (hs) => {
        const root = merkleRoot(hs);
        for (const [i, h] of hs.entries()) expect(verifyMerkleProof(root, h, merkleProof(hs, i))).toBe(true);
        const foreign = keccak256(toHex('not a member')) as Hex;
        expect(verifyMerkleProof(root, foreign, merkleProof(hs, 0))).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('the root depends on every leaf', () => {
    fc.assert(
      fc.property(
        hashes.filter((h) => h.length >= 2),
        (hs) => {
          const changed = hs.slice();
          changed[changed.length - 1] = keccak256(toHex('x'));
          expect(merkleRoot(changed)).not.toBe(merkleRoot(hs));
        },
      ),
      { numRuns: 50 },
    );
  });
});
