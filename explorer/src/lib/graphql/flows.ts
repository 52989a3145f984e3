import { gql } from '@apollo/client';

export const TOKEN_FLOWS = gql`
  query TokenFlows($from: DateTime, $to: DateTime, $groupBy: FlowGroupBy, $limit: Int, $datanetId: ID, $modelId: ID) {
    tokenFlows(from: $from, to: $to, groupBy: $groupBy, limit: $limit, datanetId: $datanetId, modelId: $modelId) {
      nodes { id label stage entityId }
      links { source target category value amount }
      totalFees
      totalSlashed
      totalBondsForfeited
      totals { category amountWei }
    }
    datanets(orderBy: name_ASC, limit: 200) { id name }
    models(orderBy: name_ASC, limit: 200) { id name }
  }
`;
