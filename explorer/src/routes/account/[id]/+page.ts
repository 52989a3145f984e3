import { notFound, query } from '$lib/graphql/client.js';
import { ACCOUNT } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const id = params.id.toLowerCase();
  const d = await query<{ accountById: Record<string, any> | null }>(fetch, ACCOUNT, { id });
  if (!d.accountById) notFound('account', params.id);
  return { a: d.accountById };
};
