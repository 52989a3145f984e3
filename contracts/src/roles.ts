import { keccak256, toHex, zeroHash } from 'viem';

/** AccessControl role ids (keccak256 of the role's name, as the contracts define them). */
export const AccessRole = {
  DEFAULT_ADMIN: zeroHash,
  SLASHER: keccak256(toHex('SLASHER_ROLE')),
  DISTRIBUTOR: keccak256(toHex('DISTRIBUTOR_ROLE')),
  LEDGER: keccak256(toHex('LEDGER_ROLE')),
  SETTLER: keccak256(toHex('SETTLER_ROLE')),
  DEPOSITOR: keccak256(toHex('DEPOSITOR_ROLE')),
  POSTER: keccak256(toHex('POSTER_ROLE')),
  ARBITER: keccak256(toHex('ARBITER_ROLE')),
} as const;
