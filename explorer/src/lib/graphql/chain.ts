import { gql } from '@apollo/client';

/** The chain lookups (answered from the node through the API). */
export const TRANSACTION = gql`
  query Transaction($hash: String!) {
    transaction(hash: $hash) {
      hash blockNumber blockHash timestamp index from to toContract method selector value nonce status
      gasUsed gasPrice fee contractCreated
      logs { logIndex address contract event signature args { name type indexed value } topics data }
    }
  }
`;

export const BLOCK = gql`
  query Block($id: String!) {
    block(id: $id) {
      number hash parentHash timestamp gasUsed gasLimit baseFeePerGas miner transactionCount
      transactions { hash index from to toContract method value status logCount }
    }
  }
`;

export const BLOCKS = gql`
  query Blocks($limit: Int, $before: Int) {
    blocks(limit: $limit, before: $before) { number hash timestamp gasUsed transactionCount miner }
  }
`;

export const ACCOUNT_ACTIVITY = gql`
  query AccountActivity($address: String!) {
    accountFlows(address: $address) { direction kind category counterparty amount count }
  }
`;

export const BALANCE_HISTORY = gql`
  query BalanceHistory($address: String!) {
    balanceHistory(address: $address, points: 60) { complete points { blockNumber timestamp balance } }
  }
`;
