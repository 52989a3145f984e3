import type { DigestAt } from '../digest/chainDigest.js';
import type { AttributionShare } from '../model/generated/index.js';
import type { Entity, EntityClass } from './entityCache.js';

/** Rows (and attributions' share sets, counted by share) kept across batches before the oldest are forgotten. */
const DEFAULT_CAP = 400_000;

/**
 * The rows earlier batches of this process committed, kept for the next batches so that their loads need not
 * read back what the indexer itself just wrote (a large backfill spent a tenth of its time doing so). It is
 * only trusted while batches follow one another: `begin` forgets everything unless the batch starts at the
 * height after the last one that `end` saw completed; a batch retried after a failed commit, a rollback of
 * unfinalized blocks or a handler error all start elsewhere, so rows a failed batch mutated are never reused.
 * The indexer is the only writer of these tables. Bounded: the least recently used rows go first.
 *
 * Attribution shares are kept only in their attribution's complete share set (not by id), so one object per
 * share is ever remembered, and a set is remembered only while every share of it is known.
 */
export class RowMemory {
  private readonly rows = new Map<EntityClass<Entity>, Map<string, Entity>>();
  private readonly shareSets = new Map<string, Map<string, AttributionShare>>();
  private shareCount = 0;
  private next = Number.NaN;
  /** The chained digest the last completed batch ended with (the next batch continues from it). */
  private lastDigest?: DigestAt;

  constructor(private readonly cap = DEFAULT_CAP) {}

  /** At the start of a batch: keeps what is remembered only if the batch continues the last one completed. */
  begin(firstHeight: number): void {
    if (firstHeight !== this.next) this.clear();
    this.next = Number.NaN; // until end(): a batch that throws leaves nothing to trust
  }

  /** After a batch's rows are written: they and its digest become what the next batch, if it follows, starts from. */
  end(lastHeight: number, digest?: DigestAt): void {
    this.next = lastHeight + 1;
    this.lastDigest = digest;
  }

  /** The digest the batch this one follows ended with, if it is known. */
  digest(): DigestAt | undefined {
    return this.lastDigest;
  }

  clear(): void {
    this.lastDigest = undefined;
    this.rows.clear();
    this.shareSets.clear();
    this.shareCount = 0;
  }

  /** The remembered rows of one entity type (empty for AttributionShare: see shareSet). */
  of<E extends Entity>(cls: EntityClass<E>): Map<string, E> {
    let m = this.rows.get(cls as EntityClass<Entity>);
    if (!m) {
      m = new Map();
      this.rows.set(cls as EntityClass<Entity>, m);
    }
    return m as Map<string, E>;
  }

  /** Remembers rows as committed (most recently used last), forgetting the oldest beyond the cap. */
  keep<E extends Entity>(cls: EntityClass<E>, rows: Iterable<E>): void {
    const m = this.of(cls);
    for (const r of rows) {
      m.delete(r.id);
      m.set(r.id, r);
    }
    for (const id of m.keys()) {
      if (m.size <= this.cap) break;
      m.delete(id);
    }
  }

  /** Every share of an attribution, when all of them are known. */
  shareSet(attributionId: string): Map<string, AttributionShare> | undefined {
    return this.shareSets.get(attributionId);
  }

  /** Remembers an attribution's complete share set (replacing the one kept), within the cap. */
  keepShareSet(attributionId: string, shares: Map<string, AttributionShare>): void {
    this.shareCount -= this.shareSets.get(attributionId)?.size ?? 0;
    this.shareSets.delete(attributionId);
    this.shareSets.set(attributionId, shares);
    this.shareCount += shares.size;
    this.evictShares();
  }

  /** Adds shares created by a batch to a set that is remembered (one not remembered stays unknown). */
  addShares(attributionId: string, shares: Iterable<AttributionShare>): void {
    const set = this.shareSets.get(attributionId);
    if (!set) return;
    for (const s of shares) {
      if (!set.has(s.id)) this.shareCount++;
      set.set(s.id, s);
    }
    this.evictShares();
  }

  /** Forgets the oldest share sets while more shares than the cap are remembered. */
  private evictShares(): void {
    for (const [id, set] of this.shareSets) {
      if (this.shareCount <= this.cap) break;
      this.shareSets.delete(id);
      this.shareCount -= set.size;
    }
  }
}
