/** The contracts that are deployed; everything else under src/ is an interface or a library. */
export const CONTRACT_NAMES = [
  'Staking',
  'RewardDistributor',
  'DatanetRegistry',
  'ModelRegistry',
  'ComputeRegistry',
  'InferenceLedger',
  'AttributionRegistry',
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];
