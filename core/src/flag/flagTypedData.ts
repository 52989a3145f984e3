/**
 * The EIP-712 message an auditor signs to flag an attribution. The explorer signs and the API verifies
 * with this very module (`@ae/core/flag`), so that the two can never drift apart. No runtime
 * dependencies: safe to bundle in a browser.
 */
export const flagTypes = {
  FlagAttribution: [
    { name: 'attributionId', type: 'uint256' },
    { name: 'reason', type: 'string' },
    { name: 'auditor', type: 'address' },
    { name: 'deadline', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
  ],
} as const;

export const flagPrimaryType = 'FlagAttribution' as const;

export const FLAG_DOMAIN_NAME = 'AttributionExplorer';
export const FLAG_DOMAIN_VERSION = '1';

export interface FlagDomain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: `0x${string}`;
}

/** The domain: bound to the chain and to the deployment's AttributionRegistry, so a flag cannot be replayed elsewhere. */
export function buildFlagDomain(chainId: number, attributionRegistry: `0x${string}`): FlagDomain {
  return {
    name: FLAG_DOMAIN_NAME,
    version: FLAG_DOMAIN_VERSION,
    chainId,
    verifyingContract: attributionRegistry,
  };
}

export interface FlagInput {
  attributionId: string | bigint;
  reason: string;
  auditor: `0x${string}`;
  deadline: string | bigint;
  nonce: string | bigint;
}

/** The message object for signTypedData / verifyTypedData (uint256 fields as bigint). */
export function flagMessage(f: FlagInput) {
  return {
    attributionId: BigInt(f.attributionId),
    reason: f.reason,
    auditor: f.auditor,
    deadline: BigInt(f.deadline),
    nonce: BigInt(f.nonce),
  };
}

/** Everything signTypedData needs, in one object. */
export function flagTypedData(domain: FlagDomain, f: FlagInput) {
  return { domain, types: flagTypes, primaryType: flagPrimaryType, message: flagMessage(f) };
}
