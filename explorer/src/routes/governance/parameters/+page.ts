import { PARAMETERS } from '$lib/governance/queries.js';
import { query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const d = await query<{ parameterChanges: Record<string, any>[]; treasuryGrants: Record<string, any>[] }>(
    fetch,
    PARAMETERS,
    {},
  );
  return d;
};
