import type { Page } from 'playwright-core';
import { type Chain, createWalletClient, type Hex, http, type LocalAccount } from 'viem';

/** What the fake wallet answers, changeable while the page is open (the wrong-chain case). */
export interface InjectedWallet {
  account: LocalAccount;
  /** The chain id the wallet says it is on; a switch request is refused (as a person who says no would). */
  chainId: number;
  /** Every EIP-1193 method the page called, in order. */
  calls: string[];
}

/**
 * An EIP-1193 `window.ethereum` in the page, as a browser wallet extension injects it: accounts and chain id
 * from the wallet, eth_sendTransaction signed in the test process by the account's own key (derived from its
 * source, never typed), every read forwarded to the chain. Goes through a Playwright binding, so the page's
 * CSP (connect-src 'self') holds as it does for a real extension.
 */
export async function injectWallet(page: Page, rpcUrl: string, w: InjectedWallet): Promise<void> {
  const forward = async (method: string, params: unknown[]) => {
    const r = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    const j = (await r.json()) as { result?: unknown; error?: { code: number; message: string } };
    return j.error ? { __error: j.error } : j.result;
  };
  await page.exposeFunction('__aeWallet', async (method: string, params: unknown[]) => {
    w.calls.push(method);
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [w.account.address];
      case 'eth_chainId':
        return `0x${w.chainId.toString(16)}`;
      case 'wallet_switchEthereumChain':
        return { __error: { code: 4001, message: 'User rejected the request.' } };
      case 'eth_sendTransaction': {
        const tx = params[0] as { to: Hex; data?: Hex; value?: Hex; gas?: Hex };
        const chain = {
          id: w.chainId,
          name: 'wallet',
          nativeCurrency: { name: 'OPEN', symbol: 'OPEN', decimals: 18 },
          rpcUrls: { default: { http: [rpcUrl] } },
        } as const satisfies Chain;
        const client = createWalletClient({ account: w.account, chain, transport: http(rpcUrl) });
        try {
          return await client.sendTransaction({
            to: tx.to,
            data: tx.data,
            value: tx.value ? BigInt(tx.value) : undefined,
            gas: tx.gas ? BigInt(tx.gas) : undefined,
          });
        } catch (e) {
          return { __error: { code: -32603, message: (e as Error).message.split('\n')[0] } };
        }
      }
      default:
        return forward(method, params);
    }
  });
  await page.addInitScript(() => {
    const call = (window as unknown as { __aeWallet: (m: string, p: unknown[]) => Promise<unknown> })
      .__aeWallet;
    (window as unknown as { ethereum: unknown }).ethereum = {
      isMetaMask: false,
      async request({ method, params }: { method: string; params?: unknown[] }) {
        const r = (await call(method, params ?? [])) as
          | { __error?: { code: number; message: string } }
          | unknown;
        const err = (r as { __error?: { code: number; message: string } } | null)?.__error;
        if (err) throw Object.assign(new Error(err.message), { code: err.code });
        return r;
      },
      on() {},
      removeListener() {},
    };
  });
}
