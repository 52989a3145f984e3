import { notFound, query } from '$lib/graphql/client.js';
import { DATANET } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

/** The latest governance change of the datanet's approval (a ParameterChange row). */
interface Approval {
  value: string;
  timestamp: string;
  proposal: { id: string; title: string } | null;
}

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ datanetById: Record<string, any> | null; approvals: Approval[] }>(
    fetch,
    DATANET,
    // the governance approval's history row (indexer: ParameterChange `curatedDatanet.<id>`)
    { id: params.id, approval: `curatedDatanet.${params.id}` },
  );
  if (!d.datanetById) notFound('datanet', params.id);
  return { datanet: d.datanetById, approval: d.approvals[0] ?? null };
};
