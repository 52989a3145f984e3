import { notFound, query } from '$lib/graphql/client.js';
import { MODEL } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ modelById: Record<string, any> | null }>(fetch, MODEL, { id: params.id });
  if (!d.modelById) notFound('model', params.id);
  return { m: d.modelById };
};
