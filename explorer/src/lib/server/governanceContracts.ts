import { loadDeployment } from '@ae/core';
import type { GovernanceContracts } from '$lib/governance/governanceTx.js';

/**
 * Where the browser sends votes and delegations: the Governor of the deployment this explorer serves and its
 * chain id (public facts; the Staking contract is read from the Governor's token()). Null when no deployment
 * is known: the pages then show the data without the forms. Server only.
 */
export function governanceContracts(env: NodeJS.ProcessEnv = process.env): GovernanceContracts | null {
  try {
    const d = loadDeployment(env);
    return d ? { chainId: d.chainId, governor: d.contracts.OpenGovernor } : null;
  } catch {
    return null;
  }
}
