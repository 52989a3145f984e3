import {
  Attribution,
  AttributionShare,
  AttributionStatus,
  Dispute,
  DisputeStatus,
  TransferKind,
} from '../model/generated/index.js';
import type { BatchState } from './batchState.js';
import { account, addr, daily, global, updateReputation } from './derived.js';
import { noteCause } from './moneyContext.js';
import { transfer } from './staking.js';
import { type PartialHandlers, sid } from './types.js';

const PPM = 1_000_000n;

export const attributionHandlers: PartialHandlers<
  'AttributionPosted' | 'AttributionShare' | 'AttributionDisputed' | 'DisputeResolved' | 'AttributionSettled'
> = {
  AttributionPosted: {
    prefetch(st, a) {
      st.inferences.want(sid(a.inferenceId));
      st.attributions.want(sid(a.attributionId));
      st.accounts.want(addr(a.poster));
    },
    async apply(st, pos, a) {
      const id = sid(a.attributionId);
      const inference = await st.inferences.get(st.store, sid(a.inferenceId));
      if (!inference) return `unknown inference ${a.inferenceId}`;
      if (await st.attributions.get(st.store, id)) return `attribution ${id} posted twice`;
      const poster = await account(st, a.poster, pos);
      poster.isPoster = true;
      poster.attributionsPosted++;
      // A new attribution has no stored shares: every share it gets, this process sees created.
      st.sharesLoadedFor.add(id);
      st.created(
        st.attributions,
        new Attribution({
          id,
          index: a.attributionId,
          inference,
          model: { id: inference.model.id } as Attribution['model'],
          poster,
          method: a.method,
          paramsHash: a.paramsHash,
          resultHash: a.resultHash,
          resultURI: a.resultURI,
          status: AttributionStatus.POSTED,
          shareCount: 0,
          totalWeightPpm: 0,
          settled: false,
          settledPaid: null,
          settledAmount: null,
          settledAt: null,
          disputeCount: 0,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      (await daily(st, pos)).attributions++;
      (await global(st)).attributions++;
      return undefined;
    },
  },
  AttributionShare: {
    prefetch(st, a) {
      st.attributions.want(sid(a.attributionId));
      st.contributions.want(sid(a.contributionId));
      st.shares.want(`${sid(a.attributionId)}-${sid(a.contributionId)}`);
    },
    async apply(st, pos, a) {
      const attribution = await st.attributions.get(st.store, sid(a.attributionId));
      const c = await st.contributions.get(st.store, sid(a.contributionId));
      if (!attribution || !c)
        return `unknown attribution ${a.attributionId} or contribution ${a.contributionId}`;
      const id = `${attribution.id}-${c.id}`;
      if (await st.shares.get(st.store, id)) return `share ${id} posted twice`;
      const datanet = await st.datanets.get(st.store, c.datanet.id);
      const contributor = await st.accounts.get(st.store, c.contributor.id);
      if (!datanet || !contributor) return `contribution ${c.id} refers to missing rows`;
      const w = BigInt(a.weightPpm);
      const share = st.created(
        st.shares,
        new AttributionShare({
          id,
          attribution,
          contribution: c,
          datanet,
          contributor,
          rank: attribution.shareCount,
          weightPpm: a.weightPpm,
          score: a.score,
          reward: null,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          logIndex: pos.logIndex,
        }),
      );
      indexShare(st, share);
      attribution.shareCount++;
      attribution.totalWeightPpm += a.weightPpm;
      st.changed(st.attributions, attribution);
      c.attributionShareCount++;
      c.totalWeightPpm += w;
      st.changed(st.contributions, c);
      datanet.attributionShareCount++;
      datanet.influencePpm += w;
      st.changed(st.datanets, datanet);
      contributor.attributionShareCount++;
      contributor.attributionWeightPpm += w;
      updateReputation(contributor);
      st.changed(st.accounts, contributor);
      return undefined;
    },
  },
  AttributionDisputed: {
    prefetch(st, a) {
      st.attributions.want(sid(a.attributionId));
      st.disputes.want(sid(a.disputeId));
      st.accounts.want(addr(a.challenger));
    },
    async apply(st, pos, a, env) {
      const attribution = await st.attributions.get(st.store, sid(a.attributionId));
      if (!attribution) return `unknown attribution ${a.attributionId}`;
      const id = sid(a.disputeId);
      if (await st.disputes.get(st.store, id)) return `dispute ${id} opened twice`;
      const challenger = await account(st, a.challenger, pos);
      challenger.disputesOpened++;
      attribution.status = AttributionStatus.DISPUTED;
      attribution.disputeCount++;
      st.changed(st.attributions, attribution);
      st.created(
        st.disputes,
        new Dispute({
          id,
          attribution,
          challenger,
          evidenceHash: a.evidenceHash,
          bond: a.bond,
          status: DisputeStatus.OPEN,
          upheld: null,
          slashed: null,
          openedBlock: pos.blockNumber,
          openedAt: pos.timestamp,
          txHash: pos.txHash,
          resolvedAt: null,
          resolvedTxHash: null,
        }),
      );
      if (a.bond > 0n)
        transfer(st, pos, TransferKind.DISPUTE_BOND, a.challenger, env.contracts.AttributionRegistry, a.bond);
      const day = await daily(st, pos);
      day.disputes++;
      day.bondsPosted += a.bond;
      const g = await global(st);
      g.disputes++;
      g.totalBondsPosted += a.bond;
      return undefined;
    },
  },
  DisputeResolved: {
    prefetch: (st, a) => st.disputes.want(sid(a.disputeId)),
    async apply(st, pos, a, env) {
      const d = await st.disputes.get(st.store, sid(a.disputeId));
      if (!d) return `unknown dispute ${a.disputeId}`;
      const attribution = await st.attributions.get(st.store, d.attribution.id);
      if (!attribution) return `dispute ${d.id} refers to a missing attribution`;
      if (d.status !== DisputeStatus.OPEN) return `dispute ${d.id} resolved twice`;
      const challenger = await account(st, d.challenger.id, pos);
      const poster = await account(st, attribution.poster.id, pos);
      d.status = a.upheld ? DisputeStatus.UPHELD : DisputeStatus.REJECTED;
      d.upheld = a.upheld;
      d.slashed = a.slashed;
      d.resolvedAt = pos.timestamp;
      d.resolvedTxHash = pos.txHash;
      st.changed(st.disputes, d);
      attribution.status = a.upheld ? AttributionStatus.UPHELD : AttributionStatus.POSTED;
      st.changed(st.attributions, attribution);
      // the next protocol credit of this transaction: the forfeited escrow (upheld) or the forfeited bond
      noteCause(st, pos, a.upheld ? 'ESCROW_FORFEITED' : 'BOND_FORFEITED');
      const day = await daily(st, pos);
      const g = await global(st);
      if (a.upheld) {
        day.bondsRefunded += d.bond;
        g.totalBondsRefunded += d.bond;
      } else {
        day.bondsForfeited += d.bond;
        g.totalBondsForfeited += d.bond;
      }
      if (a.upheld) {
        challenger.disputesWon++;
        poster.postingsUpheldAgainst++;
        updateReputation(poster);
        if (d.bond > 0n)
          transfer(
            st,
            pos,
            TransferKind.BOND_REFUND,
            env.contracts.AttributionRegistry,
            challenger.id,
            d.bond,
          );
      } else {
        challenger.disputesLost++;
        if (d.bond > 0n) {
          transfer(
            st,
            pos,
            TransferKind.BOND_FORFEIT,
            env.contracts.AttributionRegistry,
            env.contracts.RewardDistributor,
            d.bond,
          );
        }
      }
      updateReputation(challenger);
      return undefined;
    },
  },
  AttributionSettled: {
    prefetch: (st, a) => st.attributions.want(sid(a.attributionId)),
    async apply(st, pos, a) {
      const attribution = await st.attributions.get(st.store, sid(a.attributionId));
      if (!attribution) return `unknown attribution ${a.attributionId}`;
      if (attribution.settled) return `attribution ${attribution.id} settled twice`;
      noteCause(st, pos, 'SETTLED');
      attribution.settled = true;
      attribution.settledPaid = a.paid;
      attribution.settledAmount = a.amount;
      attribution.settledAt = pos.timestamp;
      if (a.paid) attribution.status = AttributionStatus.SETTLED;
      st.changed(st.attributions, attribution);
      if (!a.paid) return undefined;
      // RewardDistributor.releaseEscrow pays each share amount * weightPpm / 1e6 (the rest to the protocol).
      for (const share of await sharesOf(st, attribution.id)) {
        const reward = (a.amount * BigInt(share.weightPpm)) / PPM;
        share.reward = reward;
        st.changed(st.shares, share);
        const c = await st.contributions.get(st.store, share.contribution.id);
        const datanet = await st.datanets.get(st.store, share.datanet.id);
        if (c) {
          c.totalRewards += reward;
          st.changed(st.contributions, c);
        }
        if (datanet) {
          datanet.totalRewards += reward;
          st.changed(st.datanets, datanet);
        }
      }
      return undefined;
    },
  },
};

/** Shares of an attribution: those the batch created, plus the stored ones (loaded in bulk by the prefetch). */
async function sharesOf(st: BatchState, attributionId: string): Promise<AttributionShare[]> {
  if (!st.sharesLoadedFor.has(attributionId)) await loadShares(st, [attributionId]);
  return [...(st.sharesByAttribution.get(attributionId)?.values() ?? [])].sort((x, y) => x.rank - y.rank);
}

/** One query for the stored shares of many attributions (the prefetch of AttributionSettled). */
export async function loadShares(st: BatchState, attributionIds: string[]): Promise<void> {
  const ids: string[] = [];
  for (const id of attributionIds) {
    if (st.sharesLoadedFor.has(id)) continue;
    const known = st.memory?.shareSet(id);
    if (!known) {
      ids.push(id);
      continue;
    }
    for (const share of known.values()) indexShare(st, st.shares.adopt(share));
    st.sharesLoadedFor.add(id);
  }
  if (ids.length === 0) return;
  for (const share of await st.shares.loadBy(st.store, 'attribution', ids)) indexShare(st, share);
  for (const id of ids) st.sharesLoadedFor.add(id);
}

function indexShare(st: BatchState, share: AttributionShare): void {
  let m = st.sharesByAttribution.get(share.attribution.id);
  if (!m) {
    m = new Map();
    st.sharesByAttribution.set(share.attribution.id, m);
  }
  m.set(share.id, share);
}
