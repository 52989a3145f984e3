import { createHash } from 'node:crypto';

/** A chained digest and the height of the block it was computed at (0 and GENESIS_DIGEST before any). */
export interface DigestAt {
  height: number;
  digest: string;
}

/** The digest before the first block with protocol events. */
export const GENESIS_DIGEST = `0x${'0'.repeat(64)}`;

/**
 * digest_n = sha256(digest_{n-1} || height || hash || sorted canonical rows written by block n), hex.
 * Rows are sorted so that the order in which handlers happened to write them does not matter.
 */
export function chainDigest(previous: string, height: number, blockHash: string, rows: string[]): string {
  const h = createHash('sha256');
  h.update(previous);
  h.update(`|${height}|${blockHash.toLowerCase()}|`);
  const sorted = isSorted(rows) ? rows : [...rows].sort();
  if (sorted.length) h.update(`${sorted.join('\n')}\n`);
  return `0x${h.digest('hex')}`;
}

/** Rows come sorted already (CanonicalRows.serializeSorted): one comparison each instead of a copy and a sort. */
function isSorted(rows: string[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i - 1] > rows[i]) return false;
  return true;
}
