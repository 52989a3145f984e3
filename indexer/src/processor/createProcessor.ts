import { CONTRACT_NAMES } from '@ae/core';
import { EvmBatchProcessor } from '@subsquid/evm-processor';
import type { IndexerConfig } from '../config.js';
import { topicsOf } from './eventTable.js';

export const FIELDS = {
  block: { timestamp: true, hash: true, parentHash: true },
  log: { transactionHash: true, topics: true, data: true, address: true, logIndex: true },
} as const;

/**
 * The Subsquid processor: logs of the seven protocol contracts (only the handled topics) from any EVM RPC,
 * with the finality depth the operator chose; blocks above it are "hot" and rolled back on reorgs. It reads
 * from `rpcUrl`, the RPC front, which owns the per-attempt timeout and the retries: the processor's own
 * timeout is only a backstop (the front abandons a request when the processor gives up on it).
 */
export function createProcessor(cfg: IndexerConfig, rpcUrl: string) {
  const p = new EvmBatchProcessor()
    .setRpcEndpoint({
      url: rpcUrl,
      rateLimit: cfg.rpcRateLimit,
      maxBatchCallSize: cfg.rpcMaxBatchCallSize,
      requestTimeout: Math.max(60_000, cfg.rpcRequestTimeoutMs * 4),
      capacity: 5,
    })
    .setRpcDataIngestionSettings({ headPollInterval: cfg.headPollIntervalMs })
    .setFinalityConfirmation(cfg.finalityConfirmations)
    .setBlockRange({ from: cfg.deployment.startBlock, to: cfg.stopAtHeight })
    .setFields(FIELDS);
  for (const name of CONTRACT_NAMES) {
    p.addLog({ address: [cfg.deployment.contracts[name]], topic0: topicsOf(name) });
  }
  return p;
}
