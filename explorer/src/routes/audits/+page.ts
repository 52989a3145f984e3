import { query } from '$lib/graphql/client.js';
import { RECENT_FLAGS } from '$lib/graphql/flag.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
  flags: (await query<{ attributionFlags: Record<string, any>[] }>(fetch, RECENT_FLAGS)).attributionFlags,
});
