import { type FlagDomain, flagTypedData } from '@ae/api/flag';
import { type Address, createWalletClient, custom, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { getClient } from '../graphql/client.js';
import { FLAG_ATTRIBUTION, FLAG_DOMAIN } from '../graphql/flag.js';

export type SignMode = 'injected' | 'devnet';

/** Anvil's first well-known test key: public knowledge, usable only where the explorer is told it runs a devnet. */
const ANVIL_KEY_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcaf784d7bf4f2ff80';
/** Deadlines sit inside the API's bounded window. */
const DEADLINE_S = 10 * 60;

function randomNonce(): bigint {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return (BigInt(b[0]) << 21n) ^ BigInt(b[1]);
}

/**
 * Signs FlagAttribution (EIP-712, typed data built by @ae/api's own module so the explorer and the verifier
 * can never disagree) in the domain the API announces, then sends it through the flagAttribution mutation.
 */
export async function signAndFlag(
  mode: SignMode,
  attributionId: string,
  reason: string,
  devnetAllowed = false,
): Promise<{ auditor: string; id: string }> {
  if (!/^\d+$/.test(attributionId)) throw new Error('The attribution id is a number');
  if (!reason) throw new Error('Say why you flag it');
  const client = getClient();
  const d = await client.query<{ flagDomain: FlagDomain }>({ query: FLAG_DOMAIN });
  if (d.error || !d.data) throw new Error('The API did not return the signing domain');
  const domain = d.data.flagDomain;
  const deadline = BigInt(Math.floor(Date.now() / 1000) + DEADLINE_S);
  const nonce = randomNonce();
  let auditor: Address;
  let signature: Hex;
  const typed = (a: Address) => flagTypedData(domain, { attributionId, reason, auditor: a, deadline, nonce });
  if (mode === 'devnet') {
    if (!devnetAllowed)
      throw new Error('The devnet key is only available when the explorer runs against a devnet');
    const account = privateKeyToAccount(ANVIL_KEY_0);
    auditor = account.address;
    signature = await account.signTypedData(typed(auditor));
  } else {
    if (!window.ethereum) throw new Error('No browser wallet found (window.ethereum)');
    const wallet = createWalletClient({ transport: custom(window.ethereum) });
    const [addr] = await wallet.requestAddresses();
    if (!addr) throw new Error('The wallet gave no account');
    auditor = addr;
    signature = await wallet.signTypedData({ account: addr, ...typed(addr) });
  }
  const res = await client.mutate<{ flagAttribution: { id: string; auditor: string } }>({
    mutation: FLAG_ATTRIBUTION,
    variables: {
      attributionId,
      reason,
      auditor,
      deadline: deadline.toString(),
      nonce: nonce.toString(),
      signature,
    },
  });
  if (res.error) throw new Error(res.error.message);
  return res.data!.flagAttribution;
}
