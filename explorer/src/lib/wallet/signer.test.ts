import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listNamedAccounts, namedAccounts } from '@ae/contracts/devnet';
import { buildFlagDomain, flagTypedData } from '@ae/core/flag';
import { recoverTypedDataAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { getSigner } from './signer.js';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|svelte|js)$/.test(n) && !n.endsWith('.test.ts') ? [p] : [];
  });
}

describe("the explorer's devnet signer", () => {
  const domain = buildFlagDomain(1612, '0x0165878a594ca255338adfa4d48449f69242eb8f');

  it("is the devnet's named explorer auditor, the account `npm run devnet` lists and funds", async () => {
    const signer = await getSigner('devnet', domain, true);
    const listed = listNamedAccounts(namedAccounts()).find((a) => a.label === 'auditors[1]');
    expect(signer.address).toBe(listed?.address);
    // its key is that address's key: a signature recovers to it
    const message = flagTypedData(domain, {
      attributionId: 1n,
      reason: 'r',
      auditor: signer.address,
      deadline: 1n,
      nonce: 1n,
    });
    const signature = await signer.wallet.signTypedData({ account: signer.wallet.account!, ...message });
    expect(await recoverTypedDataAddress({ ...message, signature })).toBe(listed?.address);
    // and it is not the replay worker's auditor (they would share nonces)
    expect(signer.address).not.toBe(namedAccounts().auditors[0].address);
  });

  it('is refused unless the explorer runs against a devnet', async () => {
    await expect(getSigner('devnet', domain, false)).rejects.toThrow(/only available/);
    // whichever named account is asked for (the governance forms offer all of them on a devnet)
    await expect(getSigner('devnet', domain, false, 'users[3]')).rejects.toThrow(/only available/);
  });

  it('has no private key typed into the explorer: no 32-byte hex literal anywhere in its sources', () => {
    const offenders = sources(SRC).filter((f) => /0x[0-9a-fA-F]{64}\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
