import { FIRST_SPLIT_AFTER, PARAMETERS } from '$lib/governance/queries.js';
import { query } from '$lib/graphql/client.js';
import type { PageLoad } from './$types';

type Row = Record<string, any>;

/**
 * Parameter history (optionally one parameter: ?parameter=split.contributorsBps), grants, and every fee split
 * in effect with the first fee the protocol split under it, so the change can be followed into an inference.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const parameter = url.searchParams.get('parameter')?.slice(0, 80) || null;
  const d = await query<{ parameterChanges: Row[]; treasuryGrants: Row[]; splitParameters: Row[] }>(
    fetch,
    PARAMETERS,
    { where: parameter ? { parameter_eq: parameter } : {} },
  );
  const firstUnder = await Promise.all(
    d.splitParameters.map((s) =>
      query<{ feeSplits: Row[] }>(fetch, FIRST_SPLIT_AFTER, { block: s.blockNumber }).then(
        (r) => r.feeSplits[0] ?? null,
      ),
    ),
  );
  const splits: Row[] = d.splitParameters.map((s, i) => ({ ...s, firstUnder: firstUnder[i] }));
  return { ...d, parameter, splits };
};
