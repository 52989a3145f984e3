/**
 * The PoA methods AttributionRegistry allows at deployment, each with any parameters (paramsHash zero):
 * every method the replay engine runs, so a new deployment refuses nothing that posted before methods were
 * governed. Afterwards only governance (`AttributionRegistry.setMethod`, through a proposal) changes the
 * list; attribution-replay's tests check that each method it runs is here.
 */
export const GENESIS_POA_METHODS = [
  'knn-shapley@1',
  'knn-shapley@2',
  'tracin-cp@1',
  'trak@1',
  'span-match@1',
] as const;
