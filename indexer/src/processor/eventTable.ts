import { squid } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import { GOVERNANCE_EVENTS, type GovernanceDecodedEvent } from './governanceEvents.js';

/** The events the indexer handles, by contract: everything else a contract emits (roles, parameters) is ignored. */
export const HANDLED_EVENTS = {
  Staking: ['Staked', 'UnstakeRequested', 'Unstaked', 'Slashed', ...GOVERNANCE_EVENTS.Staking],
  DatanetRegistry: [
    'DatanetCreated',
    'CuratorAdded',
    'ContributionSubmitted',
    'ContributionReviewed',
    'DatanetVersionPublished',
  ],
  ModelRegistry: ['ModelRegistered', 'ModelTrainedOn', 'CheckpointPosted', 'ModelPublished'],
  InferenceLedger: ['InferenceRecorded'],
  AttributionRegistry: [
    'AttributionPosted',
    'AttributionShare',
    'AttributionDisputed',
    'DisputeResolved',
    'AttributionSettled',
    ...GOVERNANCE_EVENTS.AttributionRegistry,
  ],
  RewardDistributor: ['FeeSplit', 'RewardAccrued', 'RewardClaimed', 'SplitParametersChanged'],
  ComputeRegistry: ['ProviderRegistered', 'ComputeAttested'],
  Treasury: GOVERNANCE_EVENTS.Treasury,
  Timelock: GOVERNANCE_EVENTS.Timelock,
  OpenGovernor: GOVERNANCE_EVENTS.OpenGovernor,
} as const satisfies Record<ContractName, readonly string[]>;

/** A decoded protocol event: its name and its arguments as the generated decoder returns them. */
export type DecodedEvent =
  | { name: 'Staked'; args: squid.Staking.StakedEventArgs }
  | { name: 'UnstakeRequested'; args: squid.Staking.UnstakeRequestedEventArgs }
  | { name: 'Unstaked'; args: squid.Staking.UnstakedEventArgs }
  | { name: 'Slashed'; args: squid.Staking.SlashedEventArgs }
  | { name: 'DatanetCreated'; args: squid.DatanetRegistry.DatanetCreatedEventArgs }
  | { name: 'CuratorAdded'; args: squid.DatanetRegistry.CuratorAddedEventArgs }
  | { name: 'ContributionSubmitted'; args: squid.DatanetRegistry.ContributionSubmittedEventArgs }
  | { name: 'ContributionReviewed'; args: squid.DatanetRegistry.ContributionReviewedEventArgs }
  | { name: 'DatanetVersionPublished'; args: squid.DatanetRegistry.DatanetVersionPublishedEventArgs }
  | { name: 'ModelRegistered'; args: squid.ModelRegistry.ModelRegisteredEventArgs }
  | { name: 'ModelTrainedOn'; args: squid.ModelRegistry.ModelTrainedOnEventArgs }
  | { name: 'CheckpointPosted'; args: squid.ModelRegistry.CheckpointPostedEventArgs }
  | { name: 'ModelPublished'; args: squid.ModelRegistry.ModelPublishedEventArgs }
  | { name: 'InferenceRecorded'; args: squid.InferenceLedger.InferenceRecordedEventArgs }
  | { name: 'AttributionPosted'; args: squid.AttributionRegistry.AttributionPostedEventArgs }
  | { name: 'AttributionShare'; args: squid.AttributionRegistry.AttributionShareEventArgs }
  | { name: 'AttributionDisputed'; args: squid.AttributionRegistry.AttributionDisputedEventArgs }
  | { name: 'DisputeResolved'; args: squid.AttributionRegistry.DisputeResolvedEventArgs }
  | { name: 'AttributionSettled'; args: squid.AttributionRegistry.AttributionSettledEventArgs }
  | { name: 'FeeSplit'; args: squid.RewardDistributor.FeeSplitEventArgs }
  | { name: 'RewardAccrued'; args: squid.RewardDistributor.RewardAccruedEventArgs }
  | { name: 'RewardClaimed'; args: squid.RewardDistributor.RewardClaimedEventArgs }
  | { name: 'SplitParametersChanged'; args: squid.RewardDistributor.SplitParametersChangedEventArgs }
  | { name: 'ProviderRegistered'; args: squid.ComputeRegistry.ProviderRegisteredEventArgs }
  | { name: 'ComputeAttested'; args: squid.ComputeRegistry.ComputeAttestedEventArgs }
  | GovernanceDecodedEvent;

export type EventName = DecodedEvent['name'];
export type EventArgs<N extends EventName> = Extract<DecodedEvent, { name: N }>['args'];

interface Decoder {
  name: EventName;
  decode(log: { topics: string[]; data: string }): unknown;
}

/** topic0 -> decoder, per contract; topics of two contracts may coincide, so the address picks the table. */
export function decoderTable(): Record<ContractName, Map<string, Decoder>> {
  const out = {} as Record<ContractName, Map<string, Decoder>>;
  for (const [contract, names] of Object.entries(HANDLED_EVENTS) as [ContractName, readonly string[]][]) {
    const events = squid[contract].events as unknown as Record<
      string,
      { topic: string; decode(log: { topics: string[]; data: string }): unknown }
    >;
    const m = new Map<string, Decoder>();
    for (const name of names) {
      const ev = events[name];
      m.set(ev.topic, { name: name as EventName, decode: (log) => ev.decode(log) });
    }
    out[contract] = m;
  }
  return out;
}

/** Topics to request per contract (the processor asks the RPC only for these). */
export function topicsOf(contract: ContractName): string[] {
  const events = squid[contract].events as unknown as Record<string, { topic: string }>;
  return HANDLED_EVENTS[contract].map((n) => events[n].topic);
}
