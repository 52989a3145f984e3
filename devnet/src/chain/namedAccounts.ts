/**
 * The devnet's named accounts live in @ae/contracts (`@ae/contracts/devnet`), one layer below every service
 * that signs with them; re-exported here for the devnet's own modules.
 */
export * from '@ae/contracts/devnet';
