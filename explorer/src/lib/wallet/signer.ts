import type { FlagDomain } from '@ae/core/flag';
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  custom,
  type EIP1193Provider,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';

export type SignMode = 'injected' | 'devnet';

/** Who signs: the address, a wallet client bound to it on the flag domain's chain, and a client for reads. */
export interface Signer {
  address: Address;
  wallet: WalletClient<Transport, Chain, Account>;
  reads: PublicClient;
}

/** The same-origin JSON-RPC proxy the devnet signer talks to (routes/rpc/+server.ts). */
export const RPC_PATH = '/rpc';

/**
 * A signer for the chain the API announces (its flag domain): an injected EIP-1193 wallet (asked to switch
 * to that chain when it is on another), or on a devnet the devnet's named explorer auditor, whose key is
 * derived from the devnet mnemonic by the one module of named accounts (@ae/contracts/devnet) (never typed here). Loaded on use, so pages
 * that never sign carry no key derivation.
 */
export async function getSigner(mode: SignMode, domain: FlagDomain, devnetAllowed: boolean): Promise<Signer> {
  const chain = {
    id: domain.chainId,
    name: `chain ${domain.chainId}`,
    nativeCurrency: { name: 'OPEN', symbol: 'OPEN', decimals: 18 },
    rpcUrls: { default: { http: [RPC_PATH] } },
  } as const satisfies Chain;
  if (mode === 'devnet') {
    if (!devnetAllowed)
      throw new Error('The devnet key is only available when the explorer runs against a devnet');
    const { devnetAuditor } = await import('@ae/contracts/devnet');
    const account = devnetAuditor('explorer');
    const transport = http(RPC_PATH, { retryCount: 0 });
    return {
      address: account.address,
      wallet: createWalletClient({ account, chain, transport }),
      reads: createPublicClient({ chain, transport, pollingInterval: 500 }) as PublicClient,
    };
  }
  const eth = (window as { ethereum?: EIP1193Provider }).ethereum;
  if (!eth) throw new Error('No browser wallet found (window.ethereum)');
  const transport = custom(eth);
  const wallet = createWalletClient({ chain, transport });
  const [address] = await wallet.requestAddresses();
  if (!address) throw new Error('The wallet gave no account');
  if ((await wallet.getChainId()) !== domain.chainId) {
    try {
      await wallet.switchChain({ id: domain.chainId });
    } catch {
      throw new Error(`Switch your wallet to chain ${domain.chainId}, the chain this explorer indexes`);
    }
  }
  return {
    address,
    wallet: createWalletClient({ account: address, chain, transport }),
    reads: createPublicClient({ chain, transport, pollingInterval: 1000 }) as PublicClient,
  };
}
