import { notFound, query } from '$lib/graphql/client.js';
import { DATANET } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ datanetById: Record<string, any> | null }>(fetch, DATANET, { id: params.id });
  if (!d.datanetById) notFound('datanet', params.id);
  return { datanet: d.datanetById };
};
