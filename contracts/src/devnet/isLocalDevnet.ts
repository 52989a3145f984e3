/**
 * Whether the node at rpcUrl is a local anvil devnet (its client version says so). Things that only make
 * sense on a devnet — setting balances, signing with the public mnemonic's named accounts, the devnet arbiter
 * — ask this first, so pointed at a real chain they refuse instead of acting. Imports nothing but fetch.
 */
export async function isLocalDevnet(rpcUrl: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'web3_clientVersion', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await res.json()) as { result?: unknown };
    return typeof body.result === 'string' && body.result.toLowerCase().includes('anvil');
  } catch {
    return false;
  }
}
