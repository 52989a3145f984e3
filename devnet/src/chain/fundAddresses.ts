import { isLocalDevnet } from '@ae/contracts/devnet';
import { type Address, createPublicClient, http } from 'viem';

/**
 * Tops every address up to at least `amount` with anvil_setBalance (no transaction, no event). Returns
 * false, changing nothing, when the node is not anvil: a real chain's balances are not ours to set.
 */
export async function fundAddresses(
  rpcUrl: string,
  addresses: readonly Address[],
  amount: bigint,
): Promise<boolean> {
  if (!(await isLocalDevnet(rpcUrl))) return false;
  const client = createPublicClient({ transport: http(rpcUrl) });
  for (const address of addresses) {
    if ((await client.getBalance({ address })) >= amount) continue;
    await client.request({
      method: 'anvil_setBalance' as never,
      params: [address, `0x${amount.toString(16)}`] as never,
    });
  }
  return true;
}
