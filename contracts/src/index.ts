// Transitional: these moved to @ae/core; import them from there. Kept until every branch has moved.
export {
  BaseError,
  type BaseErrorOptions,
  CONTRACT_NAMES,
  type ContractName,
  type ErrorCode,
  isRetryable,
  RetryableError,
  resolveDataDir,
  resolvePath,
  UserError,
} from '@ae/core';
export * from '../generated/abi.js';
export { protocolArtifacts } from './artifacts.js';
export {
  DEFAULT_PARAMS,
  type DeployProtocolOptions,
  deployProtocol,
  type ProtocolDeployment,
  type ProtocolParams,
} from './deploy/deployProtocol.js';
export * from './enums.js';
export { argsJson, type DecodedAction, decodeAction } from './governance/decodeAction.js';
export { timelockOperationId } from './governance/timelockOperationId.js';
export { AccessRole } from './roles.js';
export * as squid from './squid.js';
