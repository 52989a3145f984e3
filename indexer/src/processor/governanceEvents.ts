import type { squid } from '@ae/contracts';

/** The governance events the indexer handles, by contract (appended to HANDLED_EVENTS). */
export const GOVERNANCE_EVENTS = {
  Staking: ['DelegateChanged', 'DelegateVotesChanged', 'ParameterChanged'],
  AttributionRegistry: ['ParameterChanged', 'MethodRuleSet'],
  DatanetRegistry: ['DatanetApprovalSet'],
  ComputeRegistry: ['ProviderApprovalSet'],
  Treasury: ['GrantPaid', 'Received'],
  Timelock: ['CallScheduled', 'CallExecuted', 'Cancelled'],
  OpenGovernor: ['ProposalCreated', 'ProposalQueued', 'ProposalExecuted', 'ProposalCanceled', 'VoteCast'],
} as const;

export type GovernanceDecodedEvent =
  | { name: 'DelegateChanged'; args: squid.Staking.DelegateChangedEventArgs }
  | { name: 'DelegateVotesChanged'; args: squid.Staking.DelegateVotesChangedEventArgs }
  | { name: 'ParameterChanged'; args: squid.Staking.ParameterChangedEventArgs }
  | { name: 'MethodRuleSet'; args: squid.AttributionRegistry.MethodRuleSetEventArgs }
  | { name: 'DatanetApprovalSet'; args: squid.DatanetRegistry.DatanetApprovalSetEventArgs }
  | { name: 'ProviderApprovalSet'; args: squid.ComputeRegistry.ProviderApprovalSetEventArgs }
  | { name: 'GrantPaid'; args: squid.Treasury.GrantPaidEventArgs }
  | { name: 'Received'; args: squid.Treasury.ReceivedEventArgs }
  | { name: 'CallScheduled'; args: squid.Timelock.CallScheduledEventArgs }
  | { name: 'CallExecuted'; args: squid.Timelock.CallExecutedEventArgs }
  | { name: 'Cancelled'; args: squid.Timelock.CancelledEventArgs }
  | { name: 'ProposalCreated'; args: squid.OpenGovernor.ProposalCreatedEventArgs }
  | { name: 'ProposalQueued'; args: squid.OpenGovernor.ProposalQueuedEventArgs }
  | { name: 'ProposalExecuted'; args: squid.OpenGovernor.ProposalExecutedEventArgs }
  | { name: 'ProposalCanceled'; args: squid.OpenGovernor.ProposalCanceledEventArgs }
  | { name: 'VoteCast'; args: squid.OpenGovernor.VoteCastEventArgs };
