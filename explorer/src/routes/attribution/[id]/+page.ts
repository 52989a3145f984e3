import { ATTRIBUTION } from '$lib/graphql/audit.js';
import { notFound, query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  if (!/^[0-9]{1,78}$/.test(params.id)) notFound('attribution', params.id);
  const d = await query<{ attributionById: Record<string, any> | null }>(fetch, ATTRIBUTION, {
    id: params.id,
  });
  if (!d.attributionById) notFound('attribution', params.id);
  return { a: d.attributionById };
};
