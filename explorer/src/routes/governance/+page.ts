import { PROPOSALS } from '$lib/governance/queries.js';
import { query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const d = await query<{
    governanceProposalOverviews: Record<string, any>[];
    governanceAccounts: Record<string, any>[];
  }>(fetch, PROPOSALS, {});
  return { proposals: d.governanceProposalOverviews, delegates: d.governanceAccounts };
};
