import { gql } from '@apollo/client';

/** Detail queries of the entity pages (OpenReader `xById`). */

export const DATANET = gql`
  query Datanet($id: String!, $approval: String!) {
    approvals: parameterChanges(where: { parameter_eq: $approval }, orderBy: [blockNumber_DESC, id_DESC], limit: 1) {
      value timestamp proposal { id title }
    }
    datanetById(id: $id) {
      id name metadataURI curated approved minStake createdAt createdBlock txHash
      owner { id }
      contributionCount acceptedCount rejectedCount versionCount curatorCount trainedModelCount
      attributionShareCount influencePpm totalRewards
      versions(orderBy: version_DESC, limit: 20) { id version merkleRoot contributionCount timestamp txHash }
      trainedModels(limit: 50) { id version model { id name kind } }
    }
  }
`;

export const MODEL = gql`
  query Model($id: String!) {
    modelById(id: $id) {
      id name kind kindCode artifactHash artifactURI trainingConfigHash published feePerInference publishedAt
      registeredAt registeredBlock txHash checkpointCount inferenceCount totalFees
      owner { id }
      baseModel { id name kind baseModel { id name kind } }
      trainedOn(limit: 50) { id version datanet { id name } }
      derivedModels(orderBy: index_ASC, limit: 200) { id name kind inferenceCount }
      checkpoints(orderBy: step_ASC, limit: 50) { id step checkpointHash learningRate timestamp }
    }
  }
`;

export const INFERENCE = gql`
  query Inference($id: String!, $iid: String!) {
    inferenceById(id: $id) {
      id inputHash outputHash fee timestamp blockNumber txHash
      model { id name kind owner { id } }
      user { id }
      provider { id endpointURI }
      feeSplits { protocol modelOwner provider stakers contributors }
    }
    attributions(where: { inference: { id_eq: $iid } }, limit: 1) {
      id method paramsHash resultHash resultURI status shareCount totalWeightPpm settled settledPaid settledAmount
      timestamp txHash
      poster { id }
      shares(orderBy: rank_ASC, limit: 64) { id rank weightPpm score reward contribution { id } contributor { id } datanet { id name } }
      disputes { id status challenger { id } bond upheld slashed openedAt evidenceHash }
    }
  }
`;

export const VERDICTS = gql`
  query Verdicts($attributionId: String!) {
    attributionVerdicts(where: { attributionId_eq: $attributionId }, orderBy: replayedAt_DESC) {
      id method verdict maxDeviationPpm overCredited underCredited recomputed reason evidenceHash device disputeTxHash replayedAt chainTime chainHeight
    }
  }
`;

export const CONTRIBUTION = gql`
  query Contribution($id: String!) {
    contributionById(id: $id) {
      id index contentHash size license status submittedAt submittedBlock txHash reviewedAt
      attributionShareCount totalWeightPpm totalRewards
      datanet { id name versionCount trainedModels(limit: 100) { id version model { id name kind derivedModels(limit: 50) { id name kind } } } }
      contributor { id }
      reviews { id accepted timestamp curator { id } }
    }
  }
`;

export const ACCOUNT = gql`
  query Account($id: String!) {
    accountById(id: $id) {
      id firstSeenAt lastActiveAt
      isContributor isCurator isModelOwner isProvider isPoster isStaker isInferenceUser
      totalEarned earnedAsContributor earnedAsModelOwner earnedAsProvider earnedAsStaker earnedAsProtocol
      totalClaimed pendingRewards stake pendingUnstake totalSlashed feesPaid
      receivedSlashedStake receivedForfeitedBonds totalCredited stakerRewardsUnharvested
      inferenceCount datanetCount contributionCount acceptedContributionCount modelCount
      attributionShareCount attributionWeightPpm attributionsPosted disputesOpened disputesWon disputesLost reputation
    }
  }
`;

export const HOME = gql`
  query Home {
    networkTotals {
      accounts datanets contributions models inferences attributions disputes openDisputes
      totalFees totalRewardsAccrued totalStaked totalSlashed verified mismatched unverifiable flags
      escrowHeld totalBondsForfeited totalStakerRewards totalRewardsClaimed
    }
    inferencesDaily: timeSeries(metric: INFERENCES) { t value }
    feesDaily: timeSeries(metric: FEES) { t value }
    rewardsDaily: timeSeries(metric: REWARDS) { t value }
    contributionsDaily: timeSeries(metric: NEW_CONTRIBUTIONS) { t value }
    disputes(orderBy: openedAt_DESC, limit: 5) {
      id status bond openedAt challenger { id } attribution { id inference { id } }
    }
    topContributors(limit: 5, orderBy: REWARDS) { rank rewards weightPpm shareCount contributionCount account { id } }
    topDatanets(limit: 5, orderBy: INFLUENCE) { rank influencePpm rewards shareCount contributionCount datanet { id name } }
  }
`;

export const RECONCILIATION = gql`
  query Reconciliation {
    reconciliation { contract address holds chainBalanceWei indexedBalanceWei differenceWei atBlock }
  }
`;

export const RECENT = gql`
  query Recent {
    inferences(orderBy: blockNumber_DESC, limit: 8) {
      id fee timestamp model { id name } user { id }
    }
    contributions(orderBy: submittedBlock_DESC, limit: 8) {
      id status submittedAt datanet { id name } contributor { id }
    }
  }
`;
