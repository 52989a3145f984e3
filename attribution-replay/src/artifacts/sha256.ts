import { createHash } from 'node:crypto';

/** 0x-prefixed lowercase hex, the form of a bytes32 on chain. */
export type Bytes32Hex = `0x${string}`;

/** sha256 of the bytes as a bytes32 hex: the content address of an artifact. */
export function sha256Hex(bytes: Uint8Array | string): Bytes32Hex {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`;
}

/** True for a 0x-prefixed 32-byte hex string (either case). */
export function isBytes32Hex(s: unknown): s is Bytes32Hex {
  return typeof s === 'string' && /^0x[0-9a-fA-F]{64}$/.test(s);
}
