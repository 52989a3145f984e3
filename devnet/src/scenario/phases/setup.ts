import { parseEther } from 'viem';
import { allAccounts, fundAccounts } from '../accounts.js';
import type { TxRequest } from '../runner/blockRunner.js';
import type { World } from '../world.js';

export const CONTRIBUTOR_STAKE = parseEther('2');
const START_BALANCE = parseEther('1000000');

/**
 * Funds the actors, makes the providers posters (governance), registers providers with their stake and
 * stakes for contributors and stakers. A provider's stake covers the poster minimum plus every slash
 * its planned upheld disputes will take, so it can keep posting in later rounds.
 */
export async function setupPhase(w: World): Promise<void> {
  const { accounts: a, calls, ledger, plan, params } = w;
  await fundAccounts(w.rpc, [...allAccounts(a).map((x) => x.address), w.arbiter.address], START_BALANCE);
  const txs: TxRequest[] = [];
  for (const p of a.provider) txs.push(calls.grantPoster(w.gov, p.address));
  txs.push(calls.grantArbiter(w.gov, w.arbiter.address));
  await w.runner.run(txs);
  ledger.emit('RoleGranted', txs.length);

  const upheldBy = new Map<number, number>();
  for (const inf of plan.inferences)
    if (inf.dispute === 'upheld') upheldBy.set(inf.provider, (upheldBy.get(inf.provider) ?? 0) + 1);
  const stakeTxs: TxRequest[] = [];
  a.provider.forEach((p, i) => {
    const base =
      params.minPosterStake > params.minProviderStake ? params.minPosterStake : params.minProviderStake;
    const stake = base + params.slashAmount * BigInt(upheldBy.get(i) ?? 0) + parseEther('10');
    stakeTxs.push(calls.registerProvider(p, `https://provider-${i}.devnet.openledger.local/v1`, stake));
    ledger.doStake(p.address, stake);
    ledger.emit('ProviderRegistered');
  });
  for (const c of a.contributor) {
    stakeTxs.push(calls.stake(c, CONTRIBUTOR_STAKE));
    ledger.doStake(c.address, CONTRIBUTOR_STAKE);
  }
  for (const s of plan.stakes) {
    stakeTxs.push(calls.stake(a.staker[s.staker], s.amountWei));
    ledger.doStake(a.staker[s.staker].address, s.amountWei);
  }
  await w.runner.run(stakeTxs);
  w.log(
    `setup: ${a.provider.length} providers, ${a.contributor.length} contributors, ${plan.stakes.length} stakers staked`,
  );
}
