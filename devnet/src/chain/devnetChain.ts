import { type Chain, defineChain } from 'viem';
import { OPENLEDGER_CHAIN_ID } from './startAnvil.js';

/** A viem chain for the local devnet: OpenLedger's id and native OPEN, served by our anvil. */
export function devnetChain(rpcUrl: string, chainId = OPENLEDGER_CHAIN_ID): Chain {
  return defineChain({
    id: chainId,
    name: 'OpenLedger devnet',
    nativeCurrency: { name: 'OPEN', symbol: 'OPEN', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}
