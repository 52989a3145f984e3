import { ATTRIBUTION_AUDIT } from '$lib/graphql/audit.js';
import { notFound, query } from '$lib/graphql/client.js';
import { INFERENCE, VERDICTS } from '$lib/graphql/entities.js';
import { GENERATED_ANSWER } from '$lib/graphql/spans.js';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const d = await query<{ inferenceById: Record<string, any> | null; attributions: Record<string, any>[] }>(
    fetch,
    INFERENCE,
    {
      id: params.id,
      iid: params.id,
    },
  );
  if (!d.inferenceById) notFound('inference', params.id);
  // the attribution posted for it (at most one on chain)
  const att = d.attributions[0] ?? null;
  const [verdicts, audit, answer] = att
    ? await Promise.all([
        query<{ attributionVerdicts: Record<string, any>[] }>(fetch, VERDICTS, {
          attributionId: att.id,
        }).then((r) => r.attributionVerdicts),
        query<{ attributionById: Record<string, any> | null }>(fetch, ATTRIBUTION_AUDIT, { id: att.id }).then(
          (r) => r.attributionById,
        ),
        // a text model's answer with its attributed spans (span-match@1 postings only)
        att.method === 'span-match@1'
          ? query<{ attributionById: Record<string, any> | null }>(fetch, GENERATED_ANSWER, {
              id: att.id,
            }).then((r) => r.attributionById?.generatedAnswer ?? null)
          : null,
      ])
    : [[], null, null];
  // the audit fields (state, window, flags with their signers, fresh disputes) over the posting
  const inf: Record<string, any> = {
    ...d.inferenceById,
    attribution: att && audit ? { ...att, ...audit } : att,
  };
  return { inf, verdicts, answer };
};
