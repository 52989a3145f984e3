import { NAMED_ACCOUNT_LAYOUT, namedAccounts } from '@ae/contracts/devnet';
import { UserError } from '@ae/core/errors';
import type { HDAccount } from 'viem';

/**
 * The labels of the devnet's named accounts (`deployer`, `users[1]`, …), in layout order, without deriving a
 * key: the select of a devnet page lists them, and only the one chosen is derived (PBKDF2 per account).
 */
export function devnetAccountLabels(): string[] {
  return Object.entries(NAMED_ACCOUNT_LAYOUT).flatMap(([role, [, n]]) =>
    n === 1 && !role.endsWith('s') ? [role] : Array.from({ length: n }, (_, i) => `${role}[${i}]`),
  );
}

/** The named account behind a label of devnetAccountLabels, derived from the devnet mnemonic. */
export function devnetAccountByLabel(label: string): HDAccount {
  const m = /^([a-z]+)(?:\[(\d{1,3})\])?$/.exec(label);
  const all = namedAccounts() as unknown as Record<string, HDAccount | HDAccount[]>;
  const v = m && Object.hasOwn(all, m[1]) ? all[m[1]] : undefined;
  const index = m?.[2];
  const account = Array.isArray(v)
    ? index === undefined
      ? undefined
      : v[Number(index)]
    : index === undefined
      ? v
      : undefined;
  if (!account) throw new UserError(`“${label.slice(0, 40)}” is not one of the devnet's named accounts`);
  return account;
}
