import {
  Contribution,
  ContributionReview,
  ContributionStatus,
  Curator,
  Datanet,
  DatanetVersion,
} from '../model/generated/index.js';
import { account, addr, daily, global, updateReputation } from './derived.js';
import { type PartialHandlers, sid } from './types.js';

export const datanetHandlers: PartialHandlers<
  | 'DatanetCreated'
  | 'CuratorAdded'
  | 'ContributionSubmitted'
  | 'ContributionReviewed'
  | 'DatanetVersionPublished'
> = {
  DatanetCreated: {
    prefetch(st, a) {
      st.accounts.want(addr(a.owner));
      st.datanets.want(sid(a.datanetId));
    },
    async apply(st, pos, a) {
      const id = sid(a.datanetId);
      if (await st.datanets.get(st.store, id)) return `datanet ${id} created twice`;
      const owner = await account(st, a.owner, pos);
      owner.datanetCount++;
      st.created(
        st.datanets,
        new Datanet({
          id,
          owner,
          name: a.name,
          metadataURI: a.metadataURI,
          curated: a.curated,
          approved: false,
          minStake: a.minStake,
          createdBlock: pos.blockNumber,
          createdAt: pos.timestamp,
          txHash: pos.txHash,
          contributionCount: 0,
          acceptedCount: 0,
          rejectedCount: 0,
          versionCount: 0,
          curatorCount: 0,
          trainedModelCount: 0,
          attributionShareCount: 0,
          influencePpm: 0n,
          totalRewards: 0n,
        }),
      );
      (await daily(st, pos)).newDatanets++;
      (await global(st)).datanets++;
      return undefined;
    },
  },
  CuratorAdded: {
    prefetch(st, a) {
      st.datanets.want(sid(a.datanetId));
      st.accounts.want(addr(a.curator));
      st.curators.want(`${sid(a.datanetId)}-${addr(a.curator)}`);
    },
    async apply(st, pos, a) {
      const datanet = await st.datanets.get(st.store, sid(a.datanetId));
      if (!datanet) return `unknown datanet ${a.datanetId}`;
      const id = `${datanet.id}-${addr(a.curator)}`;
      if (await st.curators.get(st.store, id)) return `curator ${id} added twice`;
      const acc = await account(st, a.curator, pos);
      acc.isCurator = true;
      datanet.curatorCount++;
      st.changed(st.datanets, datanet);
      st.created(
        st.curators,
        new Curator({
          id,
          datanet,
          account: acc,
          reviewCount: 0,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      return undefined;
    },
  },
  ContributionSubmitted: {
    prefetch(st, a) {
      st.datanets.want(sid(a.datanetId));
      st.accounts.want(addr(a.contributor));
      st.contributions.want(sid(a.contributionId));
    },
    async apply(st, pos, a) {
      const id = sid(a.contributionId);
      const datanet = await st.datanets.get(st.store, sid(a.datanetId));
      if (!datanet) return `unknown datanet ${a.datanetId}`;
      if (await st.contributions.get(st.store, id)) return `contribution ${id} submitted twice`;
      const accepted = !datanet.curated;
      const contributor = await account(st, a.contributor, pos);
      contributor.isContributor = true;
      contributor.contributionCount++;
      datanet.contributionCount++;
      if (accepted) {
        contributor.acceptedContributionCount++;
        datanet.acceptedCount++;
        updateReputation(contributor);
      }
      st.changed(st.datanets, datanet);
      st.created(
        st.contributions,
        new Contribution({
          id,
          index: a.contributionId,
          datanet,
          contributor,
          contentHash: a.contentHash,
          size: a.size,
          license: a.license,
          status: accepted ? ContributionStatus.ACCEPTED : ContributionStatus.PENDING,
          submittedBlock: pos.blockNumber,
          submittedAt: pos.timestamp,
          txHash: pos.txHash,
          reviewedAt: null,
          attributionShareCount: 0,
          totalWeightPpm: 0n,
          totalRewards: 0n,
        }),
      );
      (await daily(st, pos)).newContributions++;
      (await global(st)).contributions++;
      return undefined;
    },
  },
  ContributionReviewed: {
    prefetch(st, a) {
      st.contributions.want(sid(a.contributionId));
      st.accounts.want(addr(a.curator));
    },
    async apply(st, pos, a) {
      const c = await st.contributions.get(st.store, sid(a.contributionId));
      if (!c) return `unknown contribution ${a.contributionId}`;
      const datanet = await st.datanets.get(st.store, c.datanet.id);
      const contributor = await st.accounts.get(st.store, c.contributor.id);
      if (!datanet || !contributor) return `contribution ${c.id} refers to missing rows`;
      if (c.status !== ContributionStatus.PENDING) return `contribution ${c.id} reviewed twice`;
      const curatorRow = await st.curators.get(st.store, `${datanet.id}-${addr(a.curator)}`);
      const curator = await account(st, a.curator, pos);
      await account(st, contributor.id, pos);
      c.status = a.accepted ? ContributionStatus.ACCEPTED : ContributionStatus.REJECTED;
      c.reviewedAt = pos.timestamp;
      st.changed(st.contributions, c);
      if (a.accepted) {
        datanet.acceptedCount++;
        contributor.acceptedContributionCount++;
      } else {
        datanet.rejectedCount++;
        contributor.rejectedContributionCount++;
      }
      updateReputation(contributor);
      st.changed(st.datanets, datanet);
      if (curatorRow) {
        curatorRow.reviewCount++;
        st.changed(st.curators, curatorRow);
      }
      st.inserted(
        st.inserts.reviews,
        new ContributionReview({
          id: pos.id,
          contribution: c,
          curator,
          accepted: a.accepted,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
  DatanetVersionPublished: {
    prefetch(st, a) {
      st.datanets.want(sid(a.datanetId));
      st.versions.want(`${sid(a.datanetId)}-${a.version}`);
    },
    async apply(st, pos, a) {
      const datanet = await st.datanets.get(st.store, sid(a.datanetId));
      if (!datanet) return `unknown datanet ${a.datanetId}`;
      const id = `${datanet.id}-${a.version}`;
      if (await st.versions.get(st.store, id)) return `datanet version ${id} published twice`;
      datanet.versionCount++;
      st.changed(st.datanets, datanet);
      st.created(
        st.versions,
        new DatanetVersion({
          id,
          datanet,
          version: a.version,
          merkleRoot: a.merkleRoot,
          contributionCount: a.contributionCount,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      return undefined;
    },
  },
};
