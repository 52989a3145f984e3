/**
 * Human names of the API's MoneyCategory values (schema.graphql, docs/accounting.md): one place, so every
 * page names a figure's category the same way. Unknown values are shown as they are.
 */
const LABELS: Record<string, string> = {
  INFERENCE_FEE: 'Inference fees',
  FEE_PROTOCOL: 'Protocol fee part',
  FEE_MODEL_OWNER: 'Model owner fee part',
  FEE_PROVIDER: 'Provider fee part',
  FEE_STAKERS: 'Stakers fee part (accrued at the split)',
  CONTRIBUTOR_ESCROWED: 'Contributor escrow (held)',
  CONTRIBUTOR_RELEASED: 'Contributor rewards (released escrow)',
  ESCROW_LEFTOVER: 'Escrow leftover to treasury',
  ESCROW_FORFEITED: 'Forfeited escrow to treasury',
  STAKER_HARVESTED: 'Staker rewards harvested',
  REWARD_CLAIMED: 'Claimed',
  STAKE: 'Staked',
  UNSTAKE: 'Unstaked',
  SLASHED_STAKE: 'Slashed stake (not a reward)',
  BOND_POSTED: 'Dispute bonds posted',
  BOND_REFUNDED: 'Dispute bonds refunded',
  BOND_FORFEITED: 'Forfeited bonds (not a reward)',
};

export function categoryLabel(category: string): string {
  return LABELS[category] ?? category;
}
