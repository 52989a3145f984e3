import { concatHex, type Hex, keccak256 } from 'viem';

/**
 * The one Merkle tree of the project: a datanet version commits to its accepted contributions with
 * `merkleRoot` over leaves `keccak256(contentHash)` in contribution-id order, pairs hashed sorted
 * (OpenZeppelin MerkleProof's commutative keccak), an odd node carried up unchanged. Anyone holding the
 * contents can rebuild the root or prove one contribution's membership. Empty set → zero hash.
 */
export function merkleLeaf(contentHash: Hex): Hex {
  return keccak256(contentHash);
}

export function merkleRoot(contentHashes: readonly Hex[]): Hex {
  if (contentHashes.length === 0) return `0x${'0'.repeat(64)}`;
  let level = contentHashes.map(merkleLeaf);
  while (level.length > 1) level = nextLevel(level);
  return level[0];
}

/** Sibling path for leaf `index`; verify with {@link verifyMerkleProof} or OpenZeppelin's MerkleProof. */
export function merkleProof(contentHashes: readonly Hex[], index: number): Hex[] {
  if (index < 0 || index >= contentHashes.length) throw new RangeError(`leaf ${index} out of range`);
  const proof: Hex[] = [];
  let level = contentHashes.map(merkleLeaf);
  let i = index;
  while (level.length > 1) {
    const sibling = i ^ 1;
    if (sibling < level.length) proof.push(level[sibling]);
    level = nextLevel(level);
    i >>= 1;
  }
  return proof;
}

export function verifyMerkleProof(root: Hex, contentHash: Hex, proof: readonly Hex[]): boolean {
  let node = merkleLeaf(contentHash);
  for (const p of proof) node = hashPair(node, p);
  return node.toLowerCase() === root.toLowerCase();
}

function nextLevel(level: Hex[]): Hex[] {
  const out: Hex[] = [];
  for (let i = 0; i < level.length; i += 2)
    out.push(i + 1 < level.length ? hashPair(level[i], level[i + 1]) : level[i]);
  return out;
}

function hashPair(a: Hex, b: Hex): Hex {
  return BigInt(a) < BigInt(b) ? keccak256(concatHex([a, b])) : keccak256(concatHex([b, a]));
}
