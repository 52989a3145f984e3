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
export { GENESIS_POA_METHODS } from './governance/genesisMethods.js';
export { timelockOperationId } from './governance/timelockOperationId.js';
export { AccessRole } from './roles.js';
export * as squid from './squid.js';
