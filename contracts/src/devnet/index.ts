// The devnet's named accounts and the devnet check: browser-safe (viem and fetch only).
export { isLocalDevnet } from './isLocalDevnet.js';
export {
  ANVIL_MNEMONIC,
  DEVNET_AUDITOR_ROLES,
  devnetAuditor,
  listNamedAccounts,
  NAMED_ACCOUNT_BALANCE,
  NAMED_ACCOUNT_LAYOUT,
  type NamedAccounts,
  namedAccounts,
  privateKeyOf,
} from './namedAccounts.js';
