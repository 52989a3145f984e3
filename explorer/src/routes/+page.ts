import { query } from '$lib/graphql/client.js';
import { HOME, RECONCILIATION } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

/** The books' reconciliation needs the API's RPC; without it the badge says so instead of failing the page. */
export const load: PageLoad = async ({ fetch }) => {
  const [home, books] = await Promise.all([
    query<Record<string, any>>(fetch, HOME),
    query<Record<string, any>>(fetch, RECONCILIATION).catch(() => null),
  ]);
  return { home, reconciliation: (books?.reconciliation ?? null) as Array<Record<string, any>> | null };
};
