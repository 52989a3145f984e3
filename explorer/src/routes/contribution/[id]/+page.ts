import { notFound, query } from '$lib/graphql/client.js';
import { CONTRIBUTION } from '$lib/graphql/entities.js';
import { QUOTED_IN } from '$lib/graphql/spans.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ contributionById: Record<string, any> | null }>(fetch, CONTRIBUTION, {
    id: params.id,
  });
  if (!d.contributionById) notFound('contribution', params.id);
  // generated answers (span-match@1) that quote it
  const quotes = await query<{ attributionShares: Record<string, any>[] }>(fetch, QUOTED_IN, {
    id: params.id,
  });
  return { c: d.contributionById, quotes: quotes.attributionShares };
};
