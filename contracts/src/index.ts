export * from '../generated/abi.js';
export { protocolArtifacts } from './artifacts.js';
export { CONTRACT_NAMES, type ContractName } from './contractNames.js';
export { resolveDataDir, resolvePath } from './dataDir.js';
export {
  DEFAULT_PARAMS,
  type DeployProtocolOptions,
  deployProtocol,
  type ProtocolDeployment,
  type ProtocolParams,
} from './deploy/deployProtocol.js';
export * from './enums.js';
export type { BaseErrorOptions, ErrorCode } from './errors/BaseError.js';
export { BaseError, isRetryable, RetryableError, UserError } from './errors/BaseError.js';
export { AccessRole } from './roles.js';
export * as squid from './squid.js';
