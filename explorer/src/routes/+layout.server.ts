import { governanceContracts } from '$lib/server/governanceContracts.js';
import { nameTags } from '$lib/server/nameTags.js';
import { devnetSignerEnabled } from '$lib/wallet/devnetGate.js';
import { loadConfig } from '../config.js';

const config = loadConfig();

/** Only non-secret settings reach the browser (the devnet signer only when the chain is a local devnet), the
 * names of known accounts and the Governor votes and delegations go to. */
export const load = async () => ({
  ipfsGateway: config.ipfsGateway,
  devnetSigner: await devnetSignerEnabled(config),
  nameTags: nameTags(config.nameTagsFile),
  governance: governanceContracts(),
});
