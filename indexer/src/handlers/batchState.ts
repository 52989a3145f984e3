import type { WriteProfile } from '../db/bulkWrite.js';
import type { IndexerStore as Store } from '../db/indexerStore.js';
import {
  Account,
  Attribution,
  AttributionShare,
  type Checkpoint,
  type ComputeAttestation,
  ComputeProvider,
  Contribution,
  type ContributionReview,
  Curator,
  DailyStat,
  Datanet,
  DatanetVersion,
  Dispute,
  type FeeSplit,
  GlobalStat,
  Inference,
  Model,
  ModelTrainedOn,
  type RewardAccrual,
  type RewardClaim,
  type SplitParameters,
  type StakeEvent,
  type TokenTransfer,
} from '../model/generated/index.js';
import { type CacheStats, type Entity, EntityCache, type EntityClass } from './entityCache.js';
import type { RowMemory } from './rowMemory.js';

/** Where an event happened; event entities copy these fields. */
export interface EventPosition {
  id: string;
  blockNumber: number;
  blockHash: string;
  timestamp: Date;
  txHash: string;
  logIndex: number;
}

/**
 * Everything one batch reads and writes. Mutable entities live in caches (loaded in bulk, written with one
 * upsert per type); event entities are only ever inserted, collected in lists. `touched` records, per block,
 * every row the block wrote, for the state digest.
 */
export class BatchState {
  readonly stats: CacheStats = { bulkQueries: 0, bulkRows: 0, singleLookups: 0 };
  /** Rows and ms per table written by this batch. */
  readonly writes: WriteProfile = {};
  readonly accounts = this.cache(Account);
  readonly datanets = this.cache(Datanet);
  readonly versions = this.cache(DatanetVersion);
  readonly curators = this.cache(Curator);
  readonly contributions = this.cache(Contribution);
  readonly models = this.cache(Model);
  readonly trainedOn = this.cache(ModelTrainedOn);
  readonly providers = this.cache(ComputeProvider);
  readonly inferences = this.cache(Inference);
  readonly attributions = this.cache(Attribution);
  readonly shares = this.cache(AttributionShare);
  readonly disputes = this.cache(Dispute);
  readonly daily = this.cache(DailyStat);
  readonly global = this.cache(GlobalStat);

  /** Mutable entity caches in foreign-key order: a row is written after the rows it refers to. */
  readonly writeOrder: EntityCache<Entity>[] = [
    this.accounts,
    this.datanets,
    this.versions,
    this.curators,
    this.contributions,
    this.models,
    this.trainedOn,
    this.providers,
    this.inferences,
    this.attributions,
    this.shares,
    this.disputes,
    this.daily,
    this.global,
  ] as EntityCache<Entity>[];

  /** Insert-only event entities, in foreign-key order. */
  readonly inserts = {
    reviews: [] as ContributionReview[],
    checkpoints: [] as Checkpoint[],
    attestations: [] as ComputeAttestation[],
    feeSplits: [] as FeeSplit[],
    accruals: [] as RewardAccrual[],
    claims: [] as RewardClaim[],
    stakeEvents: [] as StakeEvent[],
    transfers: [] as TokenTransfer[],
    splitParameters: [] as SplitParameters[],
  };

  /** Rows written by the current block, for the digest (one object per row: caches never hold two). */
  touched = new Set<Entity>();
  malformed = 0;
  /** Attributions whose stored shares are in the shares cache already. */
  readonly sharesLoadedFor = new Set<string>();
  readonly sharesByAttribution = new Map<string, Map<string, AttributionShare>>();

  constructor(
    readonly store: Store,
    /** What earlier batches committed (kept by the BatchHandler); none for a batch on its own. */
    readonly memory?: RowMemory,
  ) {}

  touch<E extends Entity>(row: E): E {
    this.touched.add(row);
    return row;
  }

  /** Marks a cached row changed (written at the end of the batch) and touched by the current block. */
  changed<E extends Entity>(cache: EntityCache<E>, row: E): E {
    cache.markDirty(row);
    return this.touch(row);
  }

  created<E extends Entity>(cache: EntityCache<E>, row: E): E {
    cache.add(row);
    return this.touch(row);
  }

  inserted<E extends Entity>(list: E[], row: E): E {
    list.push(row);
    return this.touch(row);
  }

  async loadAll(): Promise<void> {
    for (const c of this.writeOrder) await c.load(this.store);
  }

  private cache<E extends Entity>(cls: EntityClass<E>): EntityCache<E> {
    // Shares are remembered only within their attribution's share set (RowMemory), never by id.
    const remembered = (cls as unknown) === AttributionShare ? undefined : () => this.memory?.of(cls);
    return new EntityCache(cls, this.stats, remembered);
  }
}
