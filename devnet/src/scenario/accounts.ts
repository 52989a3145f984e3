import type { JsonRpc } from '@ae/core';
import { type Address, type Hex, keccak256, type LocalAccount, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ScalePreset } from './scales.js';

export const ROLES = ['contributor', 'curator', 'trainer', 'provider', 'user', 'auditor', 'staker'] as const;
export type Role = (typeof ROLES)[number];

export type ScenarioAccounts = Record<Role, LocalAccount[]> & {
  /** Contributors that receive the weight a manipulated posting moves. */
  colluders: LocalAccount[];
};

/**
 * The scenario's actors. Keys derive from the seed and role, so a replay of a seed signs with the same
 * accounts (a precondition for identical logs) and nothing secret is involved: these are devnet keys.
 */
export function scenarioAccounts(seed: number, scale: ScalePreset): ScenarioAccounts {
  const make = (role: Role, n: number) =>
    Array.from({ length: n }, (_, i) => privateKeyToAccount(scenarioKey(seed, role, i)));
  const contributor = make('contributor', scale.contributors);
  return {
    contributor,
    curator: make('curator', scale.curators),
    trainer: make('trainer', scale.trainers),
    provider: make('provider', scale.providers),
    user: make('user', scale.users),
    auditor: make('auditor', scale.auditors),
    staker: make('staker', scale.stakers),
    colluders: contributor.slice(-1),
  };
}

export function scenarioKey(seed: number, role: Role, index: number): Hex {
  return keccak256(toHex(`ae-devnet-scenario:${seed}:${role}:${index}`));
}

export function allAccounts(accounts: ScenarioAccounts): LocalAccount[] {
  return ROLES.flatMap((r) => accounts[r]);
}

/**
 * Gives every actor its starting OPEN (native) balance. anvil_setBalance moves no value and emits nothing,
 * so the event stream only shows the protocol's own movements.
 */
export async function fundAccounts(
  rpc: JsonRpc,
  addresses: readonly Address[],
  amount: bigint,
): Promise<void> {
  for (let i = 0; i < addresses.length; i += 256) {
    await rpc.batch(
      addresses
        .slice(i, i + 256)
        .map((a) => ({ method: 'anvil_setBalance', params: [a, `0x${amount.toString(16)}`] })),
    );
  }
}
