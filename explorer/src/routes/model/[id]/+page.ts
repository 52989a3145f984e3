import { notFound, query } from '$lib/graphql/client.js';
import { MODEL } from '$lib/graphql/entities.js';
import type { PageLoad } from './$types';
import { MODEL_EVALUATION } from './evaluation.js';

export const load: PageLoad = async ({ fetch, params }) => {
  const [d, evaluation] = await Promise.all([
    query<{ modelById: Record<string, any> | null }>(fetch, MODEL, { id: params.id }),
    // the held-out evaluation is read from the artifact store: its absence must not cost the page
    query<{ modelById: { evaluation: Record<string, any> | null } | null }>(fetch, MODEL_EVALUATION, {
      id: params.id,
    })
      .then((r) => r.modelById?.evaluation ?? null)
      .catch(() => null),
  ]);
  if (!d.modelById) notFound('model', params.id);
  return { m: d.modelById, evaluation };
};
