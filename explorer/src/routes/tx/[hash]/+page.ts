import { error, redirect } from '@sveltejs/kit';
import { TRANSACTION } from '$lib/graphql/chain.js';
import { query } from '$lib/graphql/client.js';
import { sanitizeText } from '$lib/security/sanitizeText.js';
import type { PageLoad } from './$types';

/** A transaction hash in any case, with or without 0x, goes to its one canonical page. */
export const load: PageLoad = async ({ fetch, params }) => {
  const raw = params.hash.trim();
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(raw))
    error(
      400,
      `“${sanitizeText(raw, 80)}” is not a valid transaction hash: a hash is 0x followed by 64 hexadecimal digits.`,
    );
  const hash = `0x${raw.replace(/^0x/i, '').toLowerCase()}`;
  if (hash !== params.hash) redirect(308, `/tx/${hash}`);
  const d = await query<{ transaction: Record<string, any> | null }>(fetch, TRANSACTION, { hash });
  if (!d.transaction) error(404, `The chain has no transaction ${hash}.`);
  return { tx: d.transaction };
};
