import { PROPOSAL } from '$lib/governance/queries.js';
import { notFound, query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{
    governanceProposalOverview: Record<string, any> | null;
    governanceVotes: Record<string, any>[];
    parameterChanges: Record<string, any>[];
    treasuryGrants: Record<string, any>[];
  }>(fetch, PROPOSAL, { id: params.id });
  if (!d.governanceProposalOverview) notFound('proposal', params.id);
  return {
    proposal: d.governanceProposalOverview,
    votes: d.governanceVotes,
    changes: d.parameterChanges,
    grants: d.treasuryGrants,
  };
};
