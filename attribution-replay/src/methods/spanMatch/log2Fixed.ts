/** Fractional bits of the fixed-point logarithm in span-match@1 scores. */
export const LOG2_FRACTION_BITS = 16;
const P = 62n; // working precision of the mantissa

/**
 * floor-like log2(n / d) in fixed point with LOG2_FRACTION_BITS fractional bits, for n ≥ d ≥ 1, by integer
 * arithmetic only (bigint), so every machine gets the same bits: the integer part k is the largest with
 * d·2^k ≤ n; the mantissa y = n / (d·2^k) ∈ [1, 2) is held as floor(y·2^62); each fractional bit comes
 * from squaring y (truncated to 62 bits) and halving it when it reaches 2. Exactly this algorithm is
 * the definition (SPAN_MATCH.md); it is within 2^-16 of the real log2 from below.
 */
export function log2Fixed(n: number | bigint, d: number | bigint): bigint {
  const N = BigInt(n);
  const D = BigInt(d);
  if (D < 1n || N < D) throw new RangeError(`log2Fixed needs n ≥ d ≥ 1 (got ${N}, ${D})`);
  let k = 0n;
  while (D << (k + 1n) <= N) k++;
  let y = (N << P) / (D << k); // in [2^62, 2^63)
  let result = k << BigInt(LOG2_FRACTION_BITS);
  const two = 2n << P;
  for (let b = LOG2_FRACTION_BITS - 1; b >= 0; b--) {
    y = (y * y) >> P;
    if (y >= two) {
      y >>= 1n;
      result |= 1n << BigInt(b);
    }
  }
  return result;
}
