import { query } from '$lib/graphql/client.js';
import { SEARCH, type SearchHit } from '$lib/graphql/search.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!q) return { q, hits: [] as SearchHit[] };
  const d = await query<{ search: SearchHit[] }>(fetch, SEARCH, { text: q, limit: 50 });
  return { q, hits: d.search };
};
