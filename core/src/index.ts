export { CHAIN_HEAD_SQL } from './db/chainHeadSql.js';
export { CONTRACT_NAMES, type ContractName } from './deployment/contractNames.js';
export {
  contractEnvName,
  type Deployment,
  deploymentPath,
  deploymentSchema,
  loadDeployment,
  parseDeployment,
  readDeployment,
  requireDeployment,
  writeDeployment,
} from './deployment/deployment.js';
export { deploymentVars } from './deployment/deploymentVars.js';
export { defineEnv, type EnvSchema } from './env/envSchema.js';
export { type Env, type EnvVar, v } from './env/envVar.js';
export * from './errors/index.js';
export { COLUMN, SCHEMA, TABLE, TABLE_OWNER, type TableKey } from './generated/tables.js';
export {
  createLogger,
  formatRecord,
  type LogFields,
  type LogFormat,
  type Logger,
  type LogLevel,
  logFormat,
} from './log/logger.js';
export { packageRoot, REPO_ROOT, resolveDataDir, resolvePath } from './paths/dataDir.js';
export { formatEta, RateMeter } from './progress/RateMeter.js';
export { JsonRpc, type JsonRpcOptions, type RpcRequest } from './rpc/JsonRpc.js';
