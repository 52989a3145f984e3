import { v } from '../env/envVar.js';

/**
 * The variables that locate the protocol, shared by every service's schema (spread into it) so that each
 * service's --help lists them and each reads them the same way (loadDeployment uses these parsers).
 */
export const deploymentVars = {
  DATA_DIR: v.path('data directory: deployment, artifacts, embedded Postgres, chain state', '<repo>/.data'),
  DEPLOYMENT_FILE: v.path('chain id, RPC, start block and contract addresses', '$DATA_DIR/deployment.json'),
  CHAIN_ID: v.optionalInt('chain id (overrides the deployment file)', { min: 1 }),
  START_BLOCK: v.optionalInt('first block to index (overrides the deployment file)'),
  'CONTRACT_<NAME>': v.family(
    'address of one contract, e.g. CONTRACT_ATTRIBUTION_REGISTRY (overrides the file)',
  ),
};
