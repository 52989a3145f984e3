import { ANVIL_MNEMONIC, NAMED_ACCOUNT_LAYOUT } from '@ae/contracts/devnet';
import { UserError } from '@ae/core/errors';
import type { HDAccount } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';

type Role = keyof typeof NAMED_ACCOUNT_LAYOUT;
/** Roles held by one account (`deployer`), not a list (`users[1]`), as @ae/contracts/devnet names them. */
const SINGLE: ReadonlySet<string> = new Set(['deployer', 'poster', 'arbiter']);

/**
 * The labels of the devnet's named accounts (`deployer`, `users[1]`, …), in layout order, without deriving a
 * key: the select of a devnet page lists them, and only the one chosen is derived (PBKDF2 per account).
 */
export function devnetAccountLabels(): string[] {
  return Object.entries(NAMED_ACCOUNT_LAYOUT).flatMap(([role, [, n]]) =>
    SINGLE.has(role) ? [role] : Array.from({ length: n }, (_, i) => `${role}[${i}]`),
  );
}

/**
 * The named account behind a label of devnetAccountLabels: only that one key is derived from the devnet
 * mnemonic, at the index NAMED_ACCOUNT_LAYOUT gives it (the same account namedAccounts() returns).
 */
export function devnetAccountByLabel(label: string): HDAccount {
  const m = /^([a-z]+)(?:\[(\d{1,3})\])?$/.exec(label);
  const role = m?.[1] ?? '';
  const index = m?.[2] === undefined ? undefined : Number(m[2]);
  const layout = Object.hasOwn(NAMED_ACCOUNT_LAYOUT, role) ? NAMED_ACCOUNT_LAYOUT[role as Role] : undefined;
  const ok = layout && (SINGLE.has(role) ? index === undefined : index !== undefined && index < layout[1]);
  if (!layout || !ok)
    throw new UserError(`“${label.slice(0, 40)}” is not one of the devnet's named accounts`);
  return mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: layout[0] + (index ?? 0) });
}
