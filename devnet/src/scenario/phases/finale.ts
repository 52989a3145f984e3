import type { LocalAccount } from 'viem';
import { allAccounts } from '../accounts.js';
import type { TxRequest } from '../runner/blockRunner.js';
import type { World } from '../world.js';

/** Stakers that planned to leave ask for their unstake (between rounds, so the stake moves mid-run). */
export async function unstakeRequests(w: World): Promise<void> {
  const txs: TxRequest[] = [];
  for (const s of w.plan.stakes.filter((x) => x.unstakeWei > 0n)) {
    const who = w.accounts.staker[s.staker];
    txs.push(w.calls.requestUnstake(who, s.unstakeWei));
    w.ledger.requestUnstake(who.address, s.unstakeWei);
  }
  if (txs.length) await w.runner.run(txs);
}

/**
 * The end of the story: the unstake cooldown passes and leavers withdraw (unless `waitCooldown` is off:
 * then the unstakes stay pending, because a day of chain time would close every challenge window), every
 * staker realizes its staking rewards, and most accounts claim (every fifth contributor leaves its rewards
 * unclaimed, so the explorer has both states to show).
 */
export async function finalePhase(
  w: World,
  opts: { waitCooldown: boolean } = { waitCooldown: true },
): Promise<void> {
  const { calls, ledger, accounts: a } = w;
  if (opts.waitCooldown) w.runner.advanceTime(w.params.unstakeCooldown + 1);
  const withdraw: TxRequest[] = [];
  for (const s of w.plan.stakes.filter((x) => x.unstakeWei > 0n && opts.waitCooldown)) {
    const who = a.staker[s.staker];
    withdraw.push(calls.withdraw(who));
    ledger.withdraw(who.address);
  }
  if (withdraw.length) await w.runner.run(withdraw);

  const stakers = [...a.staker, ...a.provider, ...a.contributor];
  const harvest: TxRequest[] = [];
  for (const s of stakers) {
    if (ledger.pendingRewardOf(s.address) === 0n) continue;
    harvest.push(calls.harvest(s));
    ledger.harvest(s.address);
  }
  if (harvest.length) await w.runner.run(harvest);

  const claimers: LocalAccount[] = [
    ...allAccounts(a).filter(
      (x) =>
        !a.contributor
          .slice(4)
          .filter((_, i) => i % 5 === 0)
          .includes(x),
    ),
    w.gov,
  ];
  const claims: TxRequest[] = [];
  const seen = new Set<string>();
  for (const c of claimers) {
    const k = c.address.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    if (ledger.accruedOf(c.address) === 0n) continue;
    claims.push(calls.claim(c));
    ledger.claim(c.address);
  }
  if (claims.length) await w.runner.run(claims);
  w.log(`finale: ${withdraw.length} withdrawals, ${harvest.length} harvests, ${claims.length} claims`);
}
