import type { DataSource } from 'typeorm';
import { bulkWrite, type WriteProfile } from '../db/bulkWrite.js';
import type { IndexerStore as Store } from '../db/indexerStore.js';
import { CanonicalRows } from '../digest/canonicalRow.js';
import { chainDigest, type DigestAt, GENESIS_DIGEST } from '../digest/chainDigest.js';
import { BlockDigest } from '../model/generated/index.js';
import { createLogDecoder, type RawLog } from '../processor/decodeLog.js';
import type { DecodedEvent } from '../processor/eventTable.js';
import { loadShares } from './attributions.js';
import { BatchState, type EventPosition } from './batchState.js';
import { daily, global } from './derived.js';
import { flushGovernance } from './governance/governanceState.js';
import { HANDLERS } from './index.js';
import { RowMemory } from './rowMemory.js';
import type { HandlerEnv } from './types.js';

export interface BatchBlock {
  header: { height: number; hash: string; timestamp: number };
  logs: (RawLog & { logIndex: number; transactionHash: string })[];
}

export interface BatchResult {
  blocks: number;
  events: number;
  malformed: number;
  rowsWritten: number;
  /** The chained digest after this batch (height 0 and the genesis digest before any protocol event). */
  digest: DigestAt;
  stats: BatchState['stats'];
  /** Rows and ms per table written. */
  writes: WriteProfile;
  timings: { decodeMs: number; loadMs: number; applyMs: number; writeMs: number };
}

export interface Logger {
  warn(obj: unknown, msg?: string): void;
}

/** Event id: sorts by chain order (10-digit height, 6-digit log index). */
export function eventId(height: number, logIndex: number): string {
  return `${String(height).padStart(10, '0')}-${String(logIndex).padStart(6, '0')}`;
}

/**
 * Applies one batch of blocks: decode every log, load every row the events will touch with one query per
 * entity type, apply the events in chain order in memory, then write each entity type with one statement
 * (per 1,000 rows), plus one BlockDigest per block that carried events. All in the store's transaction, so
 * derived state never disagrees with the events it derives from.
 */
export class BatchHandler {
  private readonly decode: ReturnType<typeof createLogDecoder>;
  private readonly rows: CanonicalRows;
  /** What earlier batches committed, for the loads of the next (trusted only while batches follow on). */
  private readonly memory = new RowMemory();

  constructor(
    private readonly env: HandlerEnv,
    dataSource: DataSource,
    private readonly log: Logger,
    private readonly mode: 'batched' | 'row-per-event' = 'batched',
    /** Skip foreign-key triggers while writing (see skipForeignKeyChecks). */
    private readonly skipFkChecks = false,
  ) {
    this.decode = createLogDecoder(env.contracts);
    this.rows = new CanonicalRows(dataSource);
  }

  async handle(store: Store, blocks: BatchBlock[]): Promise<BatchResult> {
    const t0 = performance.now();
    if (blocks.length) this.memory.begin(blocks[0].header.height);
    const st = new BatchState(store, this.memory);
    const decoded: { block: BatchBlock; pos: EventPosition; event?: DecodedEvent; error?: string }[] = [];
    for (const block of blocks) {
      for (const log of block.logs) {
        const pos: EventPosition = {
          id: eventId(block.header.height, log.logIndex),
          blockNumber: block.header.height,
          blockHash: block.header.hash,
          timestamp: new Date(block.header.timestamp),
          txHash: log.transactionHash,
          logIndex: log.logIndex,
        };
        const r = this.decode(log);
        decoded.push(r.ok ? { block, pos, event: r.event } : { block, pos, error: r.reason });
      }
    }
    const t1 = performance.now();
    if (this.mode === 'batched') await this.prefetch(st, decoded);
    const t2 = performance.now();

    let prev = this.memory.digest() ?? (await this.previousDigest(store));
    const digests: BlockDigest[] = [];
    let writeMs = 0;
    let applyMs = 0;
    let i = 0;
    let rowsWritten = 0;
    for (const block of blocks) {
      const ta = performance.now();
      const writeBefore = writeMs;
      let events = 0;
      st.touched = new Set();
      for (; i < decoded.length && decoded[i].block === block; i++) {
        const d = decoded[i];
        events++;
        const reason = d.event ? await this.apply(st, d.pos, d.event) : d.error;
        if (reason) await this.malformed(st, d.pos, reason);
        (await daily(st, d.pos)).events++;
        (await global(st)).events++;
        if (this.mode === 'row-per-event') {
          const tw = performance.now();
          await this.write(st, []);
          writeMs += performance.now() - tw;
        }
      }
      if (events > 0) {
        const rows = this.rows.serializeSorted(st.touched);
        rowsWritten += rows.length;
        const digest = chainDigest(prev.digest, block.header.height, block.header.hash, rows);
        prev = { height: block.header.height, digest };
        digests.push(
          new BlockDigest({
            id: String(block.header.height).padStart(10, '0'),
            height: block.header.height,
            hash: block.header.hash,
            timestamp: new Date(block.header.timestamp),
            events,
            rows: rows.length,
            digest,
          }),
        );
      }
      applyMs += performance.now() - ta - (writeMs - writeBefore);
    }
    const tw = performance.now();
    await this.write(st, digests);
    writeMs += performance.now() - tw;
    const last = blocks.at(-1);
    if (last) this.remember(st, last.header.height, prev);
    return {
      blocks: blocks.length,
      events: decoded.length,
      malformed: st.malformed,
      rowsWritten,
      digest: prev,
      stats: st.stats,
      writes: st.writes,
      timings: { decodeMs: t1 - t0, loadMs: t2 - t1, applyMs, writeMs },
    };
  }

  private async apply(st: BatchState, pos: EventPosition, event: DecodedEvent): Promise<string | undefined> {
    const h = HANDLERS[event.name] as {
      apply(st: BatchState, pos: EventPosition, args: unknown, env: HandlerEnv): Promise<string | undefined>;
    };
    try {
      return await h.apply(st, pos, event.args, this.env);
    } catch (e) {
      // A handler bug or a database error must not be mistaken for bad chain data: it fails the batch
      // (which the store rolls back) so that nothing is lost.
      throw new Error(`handler ${event.name} failed at block ${pos.blockNumber} tx ${pos.txHash}`, {
        cause: e,
      });
    }
  }

  private async malformed(st: BatchState, pos: EventPosition, reason: string): Promise<void> {
    st.malformed++;
    (await global(st)).malformedEvents++;
    this.log.warn(
      { block: pos.blockNumber, tx: pos.txHash, logIndex: pos.logIndex, reason },
      'skipped malformed event',
    );
  }

  /** Round 1 from the events' arguments, round 2 from the rows round 1 loaded (a contribution's datanet...). */
  private async prefetch(
    st: BatchState,
    decoded: { event?: DecodedEvent; pos: EventPosition }[],
  ): Promise<void> {
    const settled: string[] = [];
    for (const d of decoded) {
      if (!d.event) continue;
      (HANDLERS[d.event.name] as { prefetch(st: BatchState, a: unknown): void }).prefetch(st, d.event.args);
      if (d.event.name === 'AttributionSettled') settled.push(d.event.args.attributionId.toString());
      st.daily.want(d.pos.timestamp.toISOString().slice(0, 10));
    }
    st.global.want('global');
    await st.loadAll();
    await loadShares(st, settled);
    for (const d of decoded) {
      const e = d.event;
      if (!e) continue;
      if (e.name === 'ContributionReviewed' || e.name === 'AttributionShare') {
        const c = st.contributions.peek(e.args.contributionId.toString());
        if (c) {
          st.datanets.want(c.datanet.id);
          st.accounts.want(c.contributor.id);
          if (e.name === 'ContributionReviewed')
            st.curators.want(`${c.datanet.id}-${e.args.curator.toLowerCase()}`);
        }
      } else if (e.name === 'DisputeResolved') {
        const disp = st.disputes.peek(e.args.disputeId.toString());
        if (disp) {
          st.attributions.want(disp.attribution.id);
          st.accounts.want(disp.challenger.id);
        }
      }
    }
    for (const shares of st.sharesByAttribution.values()) {
      for (const s of shares.values()) {
        st.contributions.want(s.contribution.id);
        st.datanets.want(s.datanet.id);
      }
    }
    await st.loadAll();
    for (const d of decoded) {
      if (d.event?.name !== 'DisputeResolved') continue;
      const disp = st.disputes.peek(d.event.args.disputeId.toString());
      const att = disp && st.attributions.peek(disp.attribution.id);
      if (att) st.accounts.want(att.poster.id);
    }
    await st.accounts.load(st.store);
  }

  private async write(st: BatchState, digests: BlockDigest[]): Promise<void> {
    const { store, writes: p } = st;
    const ins = st.inserts;
    if (this.skipFkChecks) await store.query('SET LOCAL session_replication_role = replica');
    // Foreign-key order: accounts ... shares, then the event rows that refer to them.
    for (const c of st.writeOrder.slice(0, 6)) await flush(store, c, p);
    await flushList(store, ins.reviews, p);
    for (const c of st.writeOrder.slice(6, 8)) await flush(store, c, p);
    await flushList(store, ins.checkpoints, p);
    await flushList(store, ins.attestations, p);
    for (const c of st.writeOrder.slice(8)) await flush(store, c, p);
    await flushList(store, ins.feeSplits, p);
    await flushList(store, ins.accruals, p);
    await flushList(store, ins.claims, p);
    await flushList(store, ins.stakeEvents, p);
    await flushList(store, ins.transfers, p);
    await flushList(store, ins.splitParameters, p);
    await flushGovernance(store, st, p);
    await bulkWrite(store, digests, 'insert', p);
  }

  /** Hands the batch's rows to the next batch (RowMemory: used only if that batch follows this one). */
  private remember(st: BatchState, lastHeight: number, digest: DigestAt): void {
    for (const c of st.writeOrder) if (c !== st.shares) this.memory.keep(c.entity, c.held());
    for (const [attributionId, shares] of st.sharesByAttribution) {
      if (st.sharesLoadedFor.has(attributionId)) this.memory.keepShareSet(attributionId, shares);
      else this.memory.addShares(attributionId, shares.values());
    }
    for (const attributionId of st.sharesLoadedFor)
      if (!st.sharesByAttribution.has(attributionId)) this.memory.keepShareSet(attributionId, new Map());
    this.memory.end(lastHeight, digest);
  }

  private async previousDigest(store: Store): Promise<DigestAt> {
    const last = await store.query<DigestAt>(
      `SELECT height, digest FROM "${store.layout(BlockDigest).table}" ORDER BY height DESC LIMIT 1`,
    );
    return last[0]
      ? { height: Number(last[0].height), digest: last[0].digest }
      : { height: 0, digest: GENESIS_DIGEST };
  }
}

type Dirty = { dirty(): { created: { id: string }[]; updated: { id: string }[] }; clearDirty(): void };

async function flush(store: Store, cache: Dirty, profile: WriteProfile): Promise<void> {
  const { created, updated } = cache.dirty();
  await bulkWrite(store, created, 'insert', profile);
  await bulkWrite(store, updated, 'update', profile);
  cache.clearDirty();
}

async function flushList<E extends { id: string }>(
  store: Store,
  list: E[],
  profile: WriteProfile,
): Promise<void> {
  await bulkWrite(store, list.splice(0), 'insert', profile);
}
