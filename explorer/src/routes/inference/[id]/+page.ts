import { notFound, query } from '$lib/graphql/client.js';
import { INFERENCE, VERDICTS } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ inferenceById: Record<string, any> | null }>(fetch, INFERENCE, { id: params.id });
  if (!d.inferenceById) notFound('inference', params.id);
  const att = d.inferenceById.attribution;
  const verdicts = att
    ? (
        await query<{ attributionVerdicts: Record<string, any>[] }>(fetch, VERDICTS, {
          attributionId: att.id,
        })
      ).attributionVerdicts
    : [];
  return { inf: d.inferenceById, verdicts };
};
