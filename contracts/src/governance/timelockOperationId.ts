import { encodeAbiParameters, type Hex, keccak256, toHex } from 'viem';

/**
 * The Timelock operation id of a proposal queued by OpenGovernor (GovernorTimelockControl): hashOperationBatch
 * of its calls with no predecessor and the Governor's salt, bytes20(governor) XOR keccak256(description).
 * The indexer links CallScheduled to ProposalCreated with it, without a chain read.
 */
export function timelockOperationId(
  governor: string,
  targets: readonly string[],
  values: readonly bigint[],
  calldatas: readonly string[],
  description: string,
): Hex {
  const salt = (BigInt(governor) << 96n) ^ BigInt(keccak256(toHex(description)));
  return keccak256(
    encodeAbiParameters(
      [
        { type: 'address[]' },
        { type: 'uint256[]' },
        { type: 'bytes[]' },
        { type: 'bytes32' },
        { type: 'bytes32' },
      ],
      [
        targets as Hex[],
        [...values],
        calldatas as Hex[],
        `0x${'0'.repeat(64)}`,
        `0x${salt.toString(16).padStart(64, '0')}`,
      ],
    ),
  );
}
