import { notFound, query } from '$lib/graphql/client.js';
import { DATANET } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ datanetById: Record<string, any> | null; approvals: Record<string, any>[] }>(
    fetch,
    DATANET,
    // the governance approval's history row (indexer: ParameterChange `curatedDatanet.<id>`)
    { id: params.id, approval: `curatedDatanet.${params.id}` },
  );
  if (!d.datanetById) notFound('datanet', params.id);
  return { datanet: d.datanetById, approval: d.approvals[0] ?? null };
};
