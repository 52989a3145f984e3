import { UserError } from '@ae/core/errors';
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
 * to that chain when it is on another), or on a devnet one of the devnet's named accounts (the explorer
 * auditor unless `devnetAccount` names another by its label, e.g. `users[1]`), whose key is derived from the
 * devnet mnemonic by the one module of named accounts (@ae/contracts/devnet) (never typed here). Loaded on
 * use, so pages that never sign carry no key derivation. A caller's mistake (no wallet, wrong chain, a
 * refused request) is a UserError.
 */
export async function getSigner(
  mode: SignMode,
  domain: Pick<FlagDomain, 'chainId'>,
  devnetAllowed: boolean,
  devnetAccount?: string,
): Promise<Signer> {
  const chain = {
    id: domain.chainId,
    name: `chain ${domain.chainId}`,
    nativeCurrency: { name: 'OPEN', symbol: 'OPEN', decimals: 18 },
    rpcUrls: { default: { http: [RPC_PATH] } },
  } as const satisfies Chain;
  if (mode === 'devnet') {
    if (!devnetAllowed)
      throw new UserError('The devnet key is only available when the explorer runs against a devnet', {
        code: 'FORBIDDEN',
      });
    const { devnetAuditor } = await import('@ae/contracts/devnet');
    const account = devnetAccount
      ? (await import('./devnetAccounts.js')).devnetAccountByLabel(devnetAccount)
      : devnetAuditor('explorer');
    const transport = http(RPC_PATH, { retryCount: 0 });
    return {
      address: account.address,
      wallet: createWalletClient({ account, chain, transport }),
      reads: createPublicClient({ chain, transport, pollingInterval: 500 }) as PublicClient,
    };
  }
  const eth = (window as { ethereum?: EIP1193Provider }).ethereum;
  if (!eth)
    throw new UserError('No browser wallet found (window.ethereum): install or unlock one, then try again');
  const transport = custom(eth);
  const wallet = createWalletClient({ chain, transport });
  let address: Address | undefined;
  try {
    [address] = await wallet.requestAddresses();
  } catch (cause) {
    throw new UserError('The wallet did not share an account (the request was refused)', { cause });
  }
  if (!address) throw new UserError('The wallet gave no account');
  const onChain = await wallet.getChainId();
  if (onChain !== domain.chainId) {
    try {
      await wallet.switchChain({ id: domain.chainId });
    } catch (cause) {
      throw new UserError(
        `Wrong chain: your wallet is on chain ${onChain}; switch it to chain ${domain.chainId}, the chain this explorer indexes`,
        { cause },
      );
    }
  }
  return {
    address,
    wallet: createWalletClient({ account: address, chain, transport }),
    reads: createPublicClient({ chain, transport, pollingInterval: 1000 }) as PublicClient,
  };
}
