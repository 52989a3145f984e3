import { BLOCKS } from '$lib/graphql/chain.js';
import { query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

/** The latest blocks, 25 a page; `?before=N` pages back. */
export const load: PageLoad = async ({ fetch, url }) => {
  const b = url.searchParams.get('before');
  const before = b && /^\d{1,15}$/.test(b) ? Number(b) : null;
  const d = await query<{ blocks: Record<string, any>[] }>(fetch, BLOCKS, { limit: 25, before });
  return { blocks: d.blocks, before };
};
