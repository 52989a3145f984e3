import { type FlagDomain, flagTypedData } from '@ae/core/flag';
import { getClient } from '../graphql/client.js';
import { FLAG_ATTRIBUTION, FLAG_DOMAIN } from '../graphql/flag.js';
import { getSigner, type SignMode } from './signer.js';

export type { SignMode } from './signer.js';

/** Deadlines sit inside the API's bounded window. */
const DEADLINE_S = 10 * 60;

function randomNonce(): bigint {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return (BigInt(b[0]) << 21n) ^ BigInt(b[1]);
}

/** The EIP-712 domain (chain, registry) the API verifies flags in; also names the chain and registry to dispute on. */
export async function flagDomain(): Promise<FlagDomain> {
  const d = await getClient().query<{ flagDomain: FlagDomain }>({ query: FLAG_DOMAIN });
  if (d.error || !d.data) throw new Error('The API did not return the signing domain');
  return d.data.flagDomain;
}

/**
 * Signs FlagAttribution (EIP-712, typed data built by @ae/api's own module so the explorer and the verifier
 * can never disagree) in the domain the API announces, then sends it through the flagAttribution mutation.
 * A signer's second flag on the same attribution replaces the first.
 */
export async function signAndFlag(
  mode: SignMode,
  attributionId: string,
  reason: string,
  devnetAllowed = false,
): Promise<{ auditor: string; id: string }> {
  if (!/^\d+$/.test(attributionId)) throw new Error('The attribution id is a number');
  if (!reason) throw new Error('Say why you flag it');
  const domain = await flagDomain();
  const signer = await getSigner(mode, domain, devnetAllowed);
  const deadline = BigInt(Math.floor(Date.now() / 1000) + DEADLINE_S);
  const nonce = randomNonce();
  const auditor = signer.address;
  const signature = await signer.wallet.signTypedData({
    account: signer.wallet.account,
    ...flagTypedData(domain, { attributionId, reason, auditor, deadline, nonce }),
  });
  const res = await getClient().mutate<{ flagAttribution: { id: string; auditor: string } }>({
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
