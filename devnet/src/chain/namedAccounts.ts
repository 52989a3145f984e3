/**
 * The devnet's named accounts live in @ae/contracts (`@ae/contracts/devnet`), one layer below every service
 * that signs with them; re-exported here for the devnet's own modules.
 */
export {
  ANVIL_MNEMONIC,
  DEVNET_AUDITOR_ROLES,
  devnetAuditor,
  isLocalDevnet,
  listNamedAccounts,
  NAMED_ACCOUNT_BALANCE,
  NAMED_ACCOUNT_LAYOUT,
  type NamedAccounts,
  namedAccounts,
  privateKeyOf,
} from '@ae/contracts/devnet';
