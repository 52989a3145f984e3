import { type Address, type HDAccount, type Hex, parseEther, toHex } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

/**
 * The devnet's named accounts, the one place their keys come from: the deployment's well-known actors (they
 * hold its roles on a devnet). This module imports nothing but viem, so a browser bundle (the explorer's
 * devnet signer) and every service (the replay worker, the devnet arbiter, the devnet itself) derive the same
 * keys from it (`@ae/contracts/devnet`).
 */

/** anvil's well-known development mnemonic: devnet keys only, never real money. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

/** Where each role sits among anvil's mnemonic accounts: [first index, count]. All fit in anvil's 20. */
export const NAMED_ACCOUNT_LAYOUT = {
  deployer: [0, 1],
  poster: [1, 1],
  arbiter: [2, 1],
  curators: [3, 2],
  contributors: [5, 4],
  trainers: [9, 2],
  providers: [11, 2],
  users: [13, 4],
  auditors: [17, 2],
} as const satisfies Record<string, readonly [number, number]>;

export interface NamedAccounts {
  /** Deploys the protocol and is its governance (DEFAULT_ADMIN) and treasury. */
  deployer: HDAccount;
  /** Holds POSTER_ROLE on AttributionRegistry (it still needs the minimum stake to post). */
  poster: HDAccount;
  /** Holds ARBITER_ROLE on AttributionRegistry. */
  arbiter: HDAccount;
  curators: HDAccount[];
  contributors: HDAccount[];
  trainers: HDAccount[];
  providers: HDAccount[];
  users: HDAccount[];
  /** auditors[0] disputes for the replay worker (DEVNET_AUDITOR_ROLES.replay), auditors[1] signs in the explorer. */
  auditors: HDAccount[];
}

/** Which named auditor does what on a devnet: two accounts, so the worker and a person never share nonces. */
export const DEVNET_AUDITOR_ROLES = { replay: 0, explorer: 1 } as const;

/**
 * The devnet's well-known actors, derived from anvil's public mnemonic so that every tool (and a wallet a
 * person imports) sees the same addresses. Devnet keys only.
 */
export function namedAccounts(mnemonic = ANVIL_MNEMONIC): NamedAccounts {
  const at = (i: number) => mnemonicToAccount(mnemonic, { addressIndex: i });
  const many = ([first, n]: readonly [number, number]) => Array.from({ length: n }, (_, k) => at(first + k));
  const L = NAMED_ACCOUNT_LAYOUT;
  return {
    deployer: at(L.deployer[0]),
    poster: at(L.poster[0]),
    arbiter: at(L.arbiter[0]),
    curators: many(L.curators),
    contributors: many(L.contributors),
    trainers: many(L.trainers),
    providers: many(L.providers),
    users: many(L.users),
    auditors: many(L.auditors),
  };
}

/**
 * The devnet's named auditor for a role: `replay` is the account the replay worker disputes with
 * (REPLAY_DISPUTE_AS=devnet-auditor), `explorer` the one the explorer's devnet signer flags and disputes with.
 */
export function devnetAuditor(role: keyof typeof DEVNET_AUDITOR_ROLES, mnemonic = ANVIL_MNEMONIC): HDAccount {
  return mnemonicToAccount(mnemonic, {
    addressIndex: NAMED_ACCOUNT_LAYOUT.auditors[0] + DEVNET_AUDITOR_ROLES[role],
  });
}

/** The private key of a named account, for a service that signs with a raw key (viem's privateKeyToAccount). */
export function privateKeyOf(account: HDAccount): Hex {
  const key = account.getHdKey().privateKey;
  if (!key) throw new Error(`no private key for ${account.address}`);
  return toHex(key);
}

/** Every named account with its role label (`curators[1]`), in layout order. */
export function listNamedAccounts(accounts: NamedAccounts): { label: string; address: Address }[] {
  return Object.entries(accounts).flatMap(([role, v]) =>
    Array.isArray(v)
      ? v.map((a: HDAccount, i: number) => ({ label: `${role}[${i}]`, address: a.address }))
      : [{ label: role, address: (v as HDAccount).address }],
  );
}

/** The balance every named account starts with on a local devnet. */
export const NAMED_ACCOUNT_BALANCE = parseEther('1000000');
