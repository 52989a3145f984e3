import { type Address, type HDAccount, parseEther } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { ANVIL_MNEMONIC } from './startAnvil.js';

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
  auditors: HDAccount[];
}

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
