import { redirect } from '@sveltejs/kit';
import { entityHref } from '$lib/components/entityHref.js';
import { matchNameTags } from '$lib/components/matchNameTags.js';
import { mergeHits } from '$lib/components/searchTarget.js';
import { query } from '$lib/graphql/client.js';
import { SEARCH, type SearchHit } from '$lib/graphql/search.js';
import type { PageLoad } from './$types';

/** /search?q=…: every match; a text that names exactly one entity (a pasted hash, an address) opens its page. */
export const load: PageLoad = async ({ fetch, url, parent }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!q) return { q, hits: [] as SearchHit[] };
  const { nameTags } = (await parent()) as { nameTags?: Record<string, string> };
  const d = await query<{ search: SearchHit[] }>(fetch, SEARCH, { text: q, limit: 50 });
  const hits = mergeHits<SearchHit>(matchNameTags(nameTags, q, 20), d.search);
  const exact = hits.filter((h) => h.exact);
  const href = exact.length === 1 ? entityHref(exact[0].kind, exact[0].id) : null;
  if (href && url.searchParams.get('list') !== '1') redirect(307, href);
  return { q, hits };
};
