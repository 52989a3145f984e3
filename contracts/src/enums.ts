/**
 * Numeric codes that travel in events (uint8). They mirror contracts/src/protocol/ProtocolTypes.sol;
 * the contract tests check both sides agree.
 */
export const ModelKind = { BASE: 0, FINETUNE: 1, ADAPTER: 2 } as const;
export type ModelKindName = keyof typeof ModelKind;

export const RewardRole = { CONTRIBUTOR: 0, MODEL_OWNER: 1, PROVIDER: 2, STAKER: 3, PROTOCOL: 4 } as const;
export type RewardRoleName = keyof typeof RewardRole;

export const ComputeKind = { TRAIN: 0, FINETUNE: 1, INFER: 2, REPLAY: 3 } as const;
export type ComputeKindName = keyof typeof ComputeKind;

/** AttributionRegistry.getAttribution's state. */
export const AttributionState = { NONE: 0, POSTED: 1, DISPUTED: 2, SETTLED: 3, UPHELD: 4 } as const;
export type AttributionStateName = keyof typeof AttributionState;

/** DatanetRegistry.contributions(id).status. */
export const ContributionStatus = { NONE: 0, PENDING: 1, ACCEPTED: 2, REJECTED: 3 } as const;
export type ContributionStatusName = keyof typeof ContributionStatus;

/** OZ Governor.state(id) (IGovernor.ProposalState), in the contract's order: index = the uint8 it returns. */
export const ProposalState = [
  'Pending',
  'Active',
  'Canceled',
  'Defeated',
  'Succeeded',
  'Queued',
  'Expired',
  'Executed',
] as const;
export type ProposalStateName = (typeof ProposalState)[number];

/**
 * The name of a code, or undefined for a value the enum does not know (chain data is untrusted: a caller
 * decides whether an unknown code is an error).
 */
export function enumName<E extends Record<string, number>>(e: E, code: number): keyof E | undefined {
  for (const [name, value] of Object.entries(e)) if (value === code) return name as keyof E;
  return undefined;
}

/** Fixed-point scales used on chain. */
export const PPM = 1_000_000;
export const BPS = 10_000;
export const WAD = 10n ** 18n;
