import { squid } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import { AbiEvent } from '@subsquid/evm-abi';
import { string as abiString, type Codec, type Src } from '@subsquid/evm-codec';
import { storableText } from '../chainStrings/storableText.js';
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
    ...GOVERNANCE_EVENTS.DatanetRegistry,
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
  ComputeRegistry: ['ProviderRegistered', 'ComputeAttested', ...GOVERNANCE_EVENTS.ComputeRegistry],
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

type AbiEventLike = AbiEvent<Record<string, Codec<unknown> & { indexed?: boolean }>>;

/** Reads an ABI string as its raw bytes (the encoding of string and bytes is the same) and stores it as text. */
const storableString: Codec<string> = { ...abiString, decode: (src: Src) => storableText(src.bytes()) };

/**
 * The event's decoder with every non-indexed string argument decoded through storableText: the one place
 * where chain strings enter the index, so no handler sees NUL, invalid UTF-8 or lone surrogates.
 */
function withStorableStrings(ev: AbiEventLike): AbiEventLike {
  const params = Object.fromEntries(
    Object.entries(ev.params).map(([k, p]) => [
      k,
      p.baseType === 'string' && !p.indexed ? storableString : p,
    ]),
  );
  return new AbiEvent(ev.topic, ev.signature, params as never) as unknown as AbiEventLike;
}

/** topic0 -> decoder, per contract; topics of two contracts may coincide, so the address picks the table. */
export function decoderTable(): Record<ContractName, Map<string, Decoder>> {
  const out = {} as Record<ContractName, Map<string, Decoder>>;
  for (const [contract, names] of Object.entries(HANDLED_EVENTS) as [ContractName, readonly string[]][]) {
    const events = squid[contract].events as unknown as Record<string, AbiEventLike>;
    const m = new Map<string, Decoder>();
    for (const name of names) {
      const ev = withStorableStrings(events[name]);
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
