import { error, redirect } from '@sveltejs/kit';
import { notFound, query } from '$lib/graphql/client.js';
import { ACCOUNT } from '$lib/graphql/entities.js';
import { sanitizeText } from '$lib/security/sanitizeText.js';
import type { PageLoad } from './$types';

/** An address in any case, with or without 0x, goes to its one canonical page (lowercase, 0x). */
export const load: PageLoad = async ({ fetch, params }) => {
  const raw = params.id.trim();
  if (!/^(0x)?[0-9a-fA-F]{40}$/.test(raw))
    error(
      400,
      `“${sanitizeText(raw, 80)}” is not a valid address: an address is 0x followed by 40 hexadecimal digits.`,
    );
  const id = `0x${raw.replace(/^0x/i, '').toLowerCase()}`;
  if (id !== params.id) redirect(308, `/account/${id}`);
  const d = await query<{ accountById: Record<string, any> | null }>(fetch, ACCOUNT, { id });
  if (!d.accountById) notFound('account', id);
  return { a: d.accountById };
};
