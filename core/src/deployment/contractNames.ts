/** The contracts that are deployed; everything else under src/ is an interface or a library. */
export const CONTRACT_NAMES = [
  'Staking',
  'RewardDistributor',
  'DatanetRegistry',
  'ModelRegistry',
  'ComputeRegistry',
  'InferenceLedger',
  'AttributionRegistry',
  'Treasury',
  'Timelock',
  'OpenGovernor',
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];
