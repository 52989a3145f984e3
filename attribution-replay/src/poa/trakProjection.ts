import { createHash } from 'node:crypto';

/**
 * trak@1's random projection, specified so any implementation regenerates it bit for bit (METHODS.md):
 * a Rademacher matrix S_m ∈ {−1, +1}^{p×k} per checkpoint m (0-based in step order), the projection being
 * S_m/√k. Entry (r, c) is bit b = r·k + c of the stream SHA-256(`trak@1:<seed>:<m>:<j>`) for j = 0, 1, …
 * (UTF-8, decimal integers, 32 bytes = 256 bits per block, bytes in order, most significant bit first):
 * bit 1 → +1, bit 0 → −1. Integers only, so no float rounding can differ between machines.
 */
export function projectionSigns(seed: number, checkpoint: number, p: number, k: number): Float64Array {
  const n = p * k;
  const out = new Float64Array(n);
  const blocks = Math.ceil(n / 256);
  for (let j = 0; j < blocks; j++) {
    const h = createHash('sha256').update(`trak@1:${seed}:${checkpoint}:${j}`).digest();
    const base = j * 256;
    const end = Math.min(256, n - base);
    for (let t = 0; t < end; t++) out[base + t] = (h[t >> 3] >> (7 - (t & 7))) & 1 ? 1 : -1;
  }
  return out;
}
