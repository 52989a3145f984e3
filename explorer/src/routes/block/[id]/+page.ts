import { error } from '@sveltejs/kit';
import { BLOCK } from '$lib/graphql/chain.js';
import { query } from '$lib/graphql/client.js';
import { sanitizeText } from '$lib/security/sanitizeText.js';
import type { PageLoad } from './$types';

/** A block by height (decimal) or hash. */
export const load: PageLoad = async ({ fetch, params }) => {
  const id = params.id.trim();
  if (!/^\d{1,15}$/.test(id) && !/^(0x)?[0-9a-fA-F]{64}$/.test(id))
    error(400, `“${sanitizeText(id, 80)}” is not a block: give a height (a whole number) or a block hash.`);
  const d = await query<{ block: Record<string, any> | null }>(fetch, BLOCK, { id });
  if (!d.block) error(404, `The chain has no block ${sanitizeText(id, 80)} yet.`);
  return { block: d.block };
};
