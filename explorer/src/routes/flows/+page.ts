import { query } from '$lib/graphql/client.js';
import { TOKEN_FLOWS } from '$lib/graphql/flows.js';
import type { PageLoad } from './$types';

const WINDOWS: Record<string, number> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '90d': 90 * 86_400_000,
};
const GROUPS = ['MODEL', 'ROLE', 'DATANET', 'ACCOUNT'];

/** All filters live in the URL so a view of the flows can be shared. */
export const load: PageLoad = async ({ fetch, url }) => {
  const p = url.searchParams;
  const window = p.get('window') ?? 'all';
  const groupBy = GROUPS.includes(p.get('group') ?? '') ? p.get('group')! : 'MODEL';
  const limit = Math.min(30, Math.max(2, Number(p.get('top')) || 8));
  const datanetId = /^\d+$/.test(p.get('datanet') ?? '') ? p.get('datanet') : null;
  const modelId = /^\d+$/.test(p.get('model') ?? '') ? p.get('model') : null;
  const to =
    p.get('to') && !Number.isNaN(Date.parse(p.get('to')!)) ? new Date(p.get('to')!).toISOString() : null;
  const from = WINDOWS[window]
    ? new Date((to ? Date.parse(to) : Date.now()) - WINDOWS[window]).toISOString()
    : null;
  const d = await query<Record<string, any>>(fetch, TOKEN_FLOWS, {
    from,
    to,
    groupBy,
    limit,
    datanetId,
    modelId,
  });
  return {
    flows: d.tokenFlows,
    datanets: d.datanets,
    models: d.models,
    filters: { window, groupBy, limit, datanetId, modelId },
  };
};
