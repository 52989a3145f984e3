import { notFound, query } from '$lib/graphql/client.js';
import { CONTRIBUTION } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ contributionById: Record<string, any> | null }>(fetch, CONTRIBUTION, {
    id: params.id,
  });
  if (!d.contributionById) notFound('contribution', params.id);
  return { c: d.contributionById };
};
