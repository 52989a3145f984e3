import { gql } from '@apollo/client';

/** Connection queries behind the DataTables: variables are always (where, orderBy, first, after). */

export const DATANETS_CONN = gql`
  query DatanetsConn($where: DatanetWhereInput, $orderBy: [DatanetOrderByInput!]!, $first: Int, $after: String) {
    datanetsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name metadataURI curated contributionCount trainedModelCount influencePpm totalRewards createdAt owner { id } } }
    }
  }
`;

export const MODELS_CONN = gql`
  query ModelsConn($where: ModelWhereInput, $orderBy: [ModelOrderByInput!]!, $first: Int, $after: String) {
    modelsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind published feePerInference inferenceCount totalFees registeredAt owner { id } baseModel { id name } } }
    }
  }
`;

export const CONTRIBUTIONS_CONN = gql`
  query ContributionsConn($where: ContributionWhereInput, $orderBy: [ContributionOrderByInput!]!, $first: Int, $after: String) {
    contributionsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id contentHash size license status submittedAt attributionShareCount totalWeightPpm totalRewards datanet { id name } contributor { id } } }
    }
  }
`;

export const INFERENCES_CONN = gql`
  query InferencesConn($where: InferenceWhereInput, $orderBy: [InferenceOrderByInput!]!, $first: Int, $after: String) {
    inferencesConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id fee timestamp blockNumber txHash model { id name } user { id } provider { id } } }
    }
  }
`;

export const SHARES_CONN = gql`
  query SharesConn($where: AttributionShareWhereInput, $orderBy: [AttributionShareOrderByInput!]!, $first: Int, $after: String) {
    attributionSharesConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id rank weightPpm score reward timestamp attribution { id status inference { id } model { id name } } contribution { id } contributor { id } datanet { id name } } }
    }
  }
`;

export const REWARDS_CONN = gql`
  query RewardsConn($where: RewardAccrualWhereInput, $orderBy: [RewardAccrualOrderByInput!]!, $first: Int, $after: String) {
    rewardAccrualsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id role category amount timestamp txHash account { id } inference { id } } }
    }
  }
`;

export const TRANSFERS_CONN = gql`
  query TransfersConn($where: TokenTransferWhereInput, $orderBy: [TokenTransferOrderByInput!]!, $first: Int, $after: String) {
    tokenTransfersConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind category from to amount timestamp txHash inference { id } } }
    }
  }
`;

export const ATTRIBUTIONS_CONN = gql`
  query AttributionsConn($where: AttributionWhereInput, $orderBy: [AttributionOrderByInput!]!, $first: Int, $after: String) {
    attributionsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id method status shareCount timestamp inference { id } model { id name } poster { id } } }
    }
  }
`;

export const DISPUTES_CONN = gql`
  query DisputesConn($where: DisputeWhereInput, $orderBy: [DisputeOrderByInput!]!, $first: Int, $after: String) {
    disputesConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status bond upheld slashed openedAt challenger { id } attribution { id inference { id } } } }
    }
  }
`;

export const VERDICTS_CONN = gql`
  query VerdictsConn($where: AttributionVerdictWhereInput, $orderBy: [AttributionVerdictOrderByInput!]!, $first: Int, $after: String) {
    attributionVerdictsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id attributionId method verdict maxDeviationPpm reason replayedAt } }
    }
  }
`;

export const ACCOUNTS_CONN = gql`
  query AccountsConn($where: AccountWhereInput, $orderBy: [AccountOrderByInput!]!, $first: Int, $after: String) {
    accountsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id totalEarned stake contributionCount inferenceCount reputation lastActiveAt
        isContributor isCurator isModelOwner isProvider isPoster isStaker isInferenceUser } }
    }
  }
`;

export const ATTRIBUTIONS_LIST = gql`
  query AttributionsList($where: AttributionWhereInput, $orderBy: [AttributionOrderByInput!]!, $first: Int, $after: String) {
    attributionsConnection(where: $where, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id method status shareCount timestamp txHash inference { id } model { id name } poster { id } } }
    }
  }
`;
