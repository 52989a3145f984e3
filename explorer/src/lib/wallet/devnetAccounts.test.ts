import { listNamedAccounts, namedAccounts } from '@ae/contracts/devnet';
import { UserError } from '@ae/core/errors';
import { describe, expect, it } from 'vitest';
import { devnetAccountByLabel, devnetAccountLabels } from './devnetAccounts.js';

describe("the devnet's named accounts in the explorer", () => {
  it('lists every named account by the label @ae/contracts/devnet gives it, and derives the same key', () => {
    const listed = listNamedAccounts(namedAccounts());
    expect(devnetAccountLabels()).toEqual(listed.map((a) => a.label));
    // one single role, the first and last of a list, the last account of the layout (each derivation is a PBKDF2)
    for (const { label, address } of [listed[0], listed[3], listed[4], listed[listed.length - 1]])
      expect(devnetAccountByLabel(label).address, label).toBe(address);
  });

  it('refuses a label that is not one of them', () => {
    for (const bad of ['users', 'users[4]', 'users[99]', 'nobody', 'deployer[0]', 'constructor', '<img>', ''])
      expect(() => devnetAccountByLabel(bad), bad).toThrow(UserError);
  });
});
