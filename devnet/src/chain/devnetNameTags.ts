import { listNamedAccounts, namedAccounts } from '@ae/contracts/devnet';

const ROLE_NAMES: Record<string, string> = {
  deployer: 'deployer (governance, treasury)',
  poster: 'attribution poster',
  arbiter: 'dispute arbiter',
  curators: 'curator',
  contributors: 'contributor',
  trainers: 'trainer',
  providers: 'provider',
  users: 'inference user',
  auditors: 'auditor',
};

/**
 * Name tags of the devnet's well-known actors (address → "curator 2"), in the explorer's name-tag file
 * format: the launcher writes them next to the deployment so every page names the devnet's roles.
 */
export function devnetNameTags(mnemonic?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { label, address } of listNamedAccounts(namedAccounts(mnemonic))) {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(label);
    const role = m?.[1] ?? label;
    const name = ROLE_NAMES[role] ?? role;
    out[address.toLowerCase()] = m?.[2] !== undefined ? `${name} ${Number(m[2]) + 1}` : name;
  }
  return out;
}
