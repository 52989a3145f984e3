/** The JSON-RPC shapes the chain lookups read (hex quantities as the node sends them). */
export interface RpcLog {
  address: string;
  topics: string[];
  data: string;
  logIndex: string;
  transactionIndex: string;
}

export interface RpcReceipt {
  transactionHash: string;
  blockNumber: string;
  blockHash: string;
  status: string;
  gasUsed: string;
  effectiveGasPrice?: string;
  contractAddress: string | null;
  logs: RpcLog[];
}

export interface RpcTransaction {
  hash: string;
  blockNumber: string | null;
  from: string;
  to: string | null;
  value: string;
  input: string;
  nonce: string;
  transactionIndex: string | null;
}

export interface RpcBlock {
  number: string;
  hash: string;
  parentHash: string;
  timestamp: string;
  gasUsed: string;
  gasLimit: string;
  miner: string;
  baseFeePerGas?: string;
  transactions: (string | RpcTransaction)[];
}

/** A hex quantity as a decimal string (exact for any size). */
export const dec = (hex: string | null | undefined): string | null =>
  hex === null || hex === undefined ? null : BigInt(hex).toString();

/** A hex quantity as a number (block heights, indexes: always far below 2^53). */
export const num = (hex: string): number => Number(BigInt(hex));

/** A block's unix-seconds timestamp as ISO 8601 (the chain's clock). */
export const isoTime = (hex: string): string => new Date(Number(BigInt(hex)) * 1000).toISOString();
