import { UserError } from '@ae/core';

/** secp256k1's group order n; EIP-2 accepts only s <= n/2, so each signature has exactly one valid form. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const HALF_N = N / 2n;

/**
 * Refuses the malleable twin of a signature (s' = n - s with v flipped recovers the same signer): without this
 * one signed flag could be submitted as two. Also refuses a zero r or s, s >= n and a v that is neither
 * 27/28 nor 0/1. `signature` is a 65-byte 0x hex string (r ‖ s ‖ v).
 */
export function assertCanonicalSignature(signature: string): void {
  const r = BigInt(`0x${signature.slice(2, 66)}`);
  const s = BigInt(`0x${signature.slice(66, 130)}`);
  const v = Number.parseInt(signature.slice(130, 132), 16);
  if (r === 0n || s === 0n || r >= N || s >= N)
    throw new UserError('invalid signature (r or s out of range)', { code: 'UNAUTHENTICATED' });
  if (s > HALF_N)
    throw new UserError('signature has a high s value: only the low-s form is accepted (EIP-2)', {
      code: 'UNAUTHENTICATED',
    });
  if (![0, 1, 27, 28].includes(v))
    throw new UserError('invalid signature (v must be 27 or 28)', { code: 'UNAUTHENTICATED' });
}
