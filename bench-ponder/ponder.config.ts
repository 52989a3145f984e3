import { readFileSync } from 'node:fs';
import { createConfig } from 'ponder';

/**
 * The chain of the indexer's benchmark: PONDER_BENCH_DEPLOYMENT (the deployment file the bench keeps),
 * PONDER_RPC_URL (its anvil), PONDER_END_BLOCK (the head), DATABASE_URL (a fresh database per run). ABIs are the
 * contracts workspace's generated artifacts.
 */
const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`bench-ponder needs ${name}`);
  return v;
};
const deployment = JSON.parse(readFileSync(env('PONDER_BENCH_DEPLOYMENT'), 'utf8')) as {
  chainId: number;
  startBlock: number;
  contracts: Record<string, `0x${string}`>;
};
const abi = (name: string) =>
  JSON.parse(readFileSync(new URL(`../contracts/generated/${name}.json`, import.meta.url), 'utf8')).abi;
const range = { startBlock: deployment.startBlock, endBlock: Number(env('PONDER_END_BLOCK')) };
const contract = (name: string) => ({
  chain: 'anvil' as const,
  abi: abi(name),
  address: deployment.contracts[name],
  ...range,
});

export default createConfig({
  database: { kind: 'postgres', connectionString: env('DATABASE_URL') },
  chains: { anvil: { id: deployment.chainId, rpc: env('PONDER_RPC_URL'), disableCache: true } },
  contracts: {
    ModelRegistry: contract('ModelRegistry'),
    DatanetRegistry: contract('DatanetRegistry'),
    InferenceLedger: contract('InferenceLedger'),
    RewardDistributor: contract('RewardDistributor'),
    AttributionRegistry: contract('AttributionRegistry'),
  },
});
