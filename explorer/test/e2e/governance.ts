import { openGovernorAbi } from '@ae/contracts';
import { namedAccounts } from '@ae/contracts/devnet';
import { devnetChain } from '@ae/devnet';
import { GovernanceDriver, ProtocolDriver, type Wallet } from '@ae/testkit';
import type { BrowserContext, Page } from 'playwright-core';
import { createWalletClient, type Hex, http, parseEther, parseEventLogs } from 'viem';
import { describe, expect, it } from 'vitest';
import { formatOpen } from '../../src/lib/format/format.js';
import { SCREENSHOTS } from './browser.js';
import { injectWallet } from './injectedWallet.js';
import type { Pipeline } from './pipeline.js';

interface Env {
  pipe: Pipeline;
  context: BrowserContext;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Any = any;

/** A proposal whose title and description are markup, and a vote reason that is markup too. */
export const HOSTILE_TITLE = 'Split <img src=x onerror=alert(1)> & "tune"';
const HOSTILE_REASON = '<b>yes</b> <script>alert(2)</script> & "so"';

/**
 * Governance in the explorer (issue 17), on the pipeline of explorer.test.ts (the small scenario played its
 * five proposals): a proposal followed from the list to its executed action and the fee split it changed, into a
 * later inference's fee split; then delegations (a devnet named account and an injected EIP-1193 wallet) and
 * a vote cast from the explorer on a proposal this test creates, each checked on the chain and in the index.
 */
export function governanceTests(env: () => Env): void {
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<Any> => {
    const r = await fetch(env().pipe.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const j = (await r.json()) as { data: Any; errors?: unknown[] };
    if (j.errors) throw new Error(JSON.stringify(j.errors));
    return j.data;
  };
  const open = async (): Promise<{ page: Page; errors: string[]; dialogs: string[] }> => {
    const page = await env().context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return { page, errors, dialogs };
  };
  const go = (page: Page, path: string) =>
    page.goto(`${env().pipe.explorerUrl}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
  const stageOf = (page: Page, panel: string) =>
    page.locator(`[data-testid="${panel}"] [data-testid="tx-stage"]`).getAttribute('data-stage');

  describe('governance in the explorer', () => {
    it('follows the executed fee-split proposal from the list to its action and into a later fee split', async () => {
      const { governanceProposalOverviews: all } = await gql(
        '{ governanceProposalOverviews(limit: 100) { id title status voteCount actions { summary } } }',
      );
      const executed = all.find(
        (p: Any) =>
          p.status === 'EXECUTED' &&
          p.actions.some((a: Any) => a.summary.includes('contributors 40 % → 45 %')),
      );
      expect(executed, 'the scenario executed the fee-split proposal').toBeDefined();
      const { page, errors } = await open();
      await go(page, '/governance');
      const row = page.locator('[data-testid="proposals"] tbody tr', { hasText: executed.title }).first();
      expect(await row.locator('[data-testid="proposal-state"]').textContent()).toBe('EXECUTED');
      expect(await row.textContent()).toContain('contributors 40 % → 45 %');
      await row.locator('[data-testid="proposal-link"]').click();
      await page.waitForURL(`**/governance/proposal/${executed.id}`);
      expect(await page.textContent('[data-testid="proposal-state"]')).toBe('EXECUTED');
      expect(await page.textContent('[data-testid="actions"]')).toMatch(
        /fee split: .*contributors 40 % → 45 %/,
      );
      expect(await page.locator('[data-testid="timeline"] li.done', { hasText: 'executed' }).count()).toBe(1);
      expect(await page.locator('[data-testid="votes"] tbody tr').count()).toBe(executed.voteCount);
      expect(await page.textContent('[data-testid="votes"]')).toContain('contributors make the models');
      // what its execution changed: the contributors' share, to the parameter's history
      await page.locator('[data-testid="executed-changes"] a', { hasText: 'split.contributorsBps' }).click();
      await page.waitForURL('**/governance/parameters?parameter=split.contributorsBps');
      const changes = page.locator('[data-testid="parameters"] tbody tr');
      expect(await changes.count()).toBeGreaterThanOrEqual(2);
      const byProposal = page.locator(`[data-testid="parameters"] tr[data-proposal="${executed.id}"]`);
      expect(await byProposal.locator('[data-testid="parameter-value"]').textContent()).toBe('45 %');
      expect(
        await page.locator('[data-testid="parameters"] tr[data-proposal=""]').last().textContent(),
      ).toContain('40 %');
      // the split it set, and the first fee the protocol split under it: contributors got 45 % of that fee
      const split = page.locator('[data-testid="splits"] tbody tr', { hasText: executed.title });
      expect(await split.textContent()).toContain('contributors 45 %');
      expect(await split.locator('[data-testid="first-split"]').textContent()).toContain('(45.00 %)');
      const href = (await split.locator('[data-testid="first-inference"]').getAttribute('href'))!;
      const inferenceId = href.split('/').pop();
      const { inferenceById: inf, parameterChanges } = await gql(
        `query($id: String!, $p: String!) { inferenceById(id: $id) { fee blockNumber feeSplits { contributors } }
          parameterChanges(where: { proposal: { id_eq: $p }, parameter_eq: "split.contributorsBps" }) { blockNumber } }`,
        { id: inferenceId, p: executed.id },
      );
      expect(inf.blockNumber).toBeGreaterThan(parameterChanges[0].blockNumber);
      expect((BigInt(inf.feeSplits[0].contributors) * 10_000n) / BigInt(inf.fee)).toBe(4500n);
      await split.locator('[data-testid="first-inference"]').click();
      await page.waitForURL(`**${href}`);
      expect(await page.textContent('main')).toContain(
        `contributors ${formatOpen(inf.feeSplits[0].contributors)}`,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/governance-fee-split-inference.png`, fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);

    it('delegates and votes from the explorer: the chain and the index agree', async () => {
      const { pipe } = env();
      const driver = ProtocolDriver.attach(pipe.rpcUrl, pipe.deployment);
      const gov = new GovernanceDriver(driver);
      const named = namedAccounts();
      // the voter signs with the devnet's named account users[3]; the delegator with an injected wallet (users[2])
      const voter = named.users[3];
      const delegator = named.users[2];
      const walletOf = (account: typeof voter): Wallet =>
        createWalletClient({
          account,
          chain: devnetChain(pipe.rpcUrl, pipe.chainId),
          transport: http(pipe.rpcUrl),
        });
      await driver.write(walletOf(voter), 'Staking', 'stake', [], parseEther('50'));
      await driver.write(walletOf(delegator), 'Staking', 'stake', [], parseEther('30'));
      const voterId = voter.address.toLowerCase();
      // the account page exists once the index has seen the account: wait for both stakes to be indexed
      const stakeOf = async (address: string): Promise<string | undefined> =>
        (await gql('query($id: String!) { accountById(id: $id) { stake } }', { id: address.toLowerCase() }))
          .accountById?.stake;
      await expect.poll(() => stakeOf(voter.address), { timeout: 60_000 }).toBe(String(parseEther('50')));
      await expect.poll(() => stakeOf(delegator.address), { timeout: 60_000 }).toBe(String(parseEther('30')));

      // 1. the devnet named account delegates to itself from its own voting-power tab
      const { page, errors, dialogs } = await open();
      const wallet = { account: delegator, chainId: 1, calls: [] as string[] };
      await injectWallet(page, pipe.rpcUrl, wallet);
      await go(page, `/account/${voterId}?tab=governance`);
      const panel = page.locator('[data-testid="delegate-panel"]');
      expect(await panel.locator('input[name="delegatee"]').inputValue()).toBe(voterId);
      await page.selectOption('select[name="delegate-sign-with"]', 'devnet:users[3]');
      await panel.getByRole('button', { name: 'Delegate' }).click();
      await expect.poll(() => stageOf(page, 'delegate-panel'), { timeout: 90_000 }).toBe('indexed');
      expect(await page.textContent('[data-testid="delegate-result"]')).toContain(
        `${voterId} now delegates to itself`,
      );
      expect(String(await driver.read('Staking', 'delegates', [voter.address])).toLowerCase()).toBe(voterId);

      // 2. the injected wallet: on the wrong chain it is told so and nothing is sent; on the right one it delegates
      await page.selectOption('select[name="delegate-sign-with"]', 'injected');
      await panel.getByRole('button', { name: 'Delegate' }).click();
      await expect
        .poll(() => page.textContent('[data-testid="delegate-result"]'))
        .toContain(`Wrong chain: your wallet is on chain 1; switch it to chain ${pipe.chainId}`);
      expect(wallet.calls).not.toContain('eth_sendTransaction');
      wallet.chainId = pipe.chainId;
      await panel.getByRole('button', { name: 'Delegate' }).click();
      await expect.poll(() => stageOf(page, 'delegate-panel'), { timeout: 90_000 }).toBe('indexed');
      expect(wallet.calls).toContain('eth_requestAccounts');
      expect(wallet.calls).toContain('eth_sendTransaction');
      expect(String(await driver.read('Staking', 'delegates', [delegator.address])).toLowerCase()).toBe(
        voterId,
      );
      // the tab reloads: the delegator is listed with its stake, without a page reload
      const listed = page.locator('[data-testid="delegators"] tr', {
        has: page.locator(`a[href="/account/${delegator.address.toLowerCase()}"]`),
      });
      await expect.poll(() => listed.textContent(), { timeout: 15_000 }).toContain('30 OPEN');

      // 3. a proposal to vote on (the scenario leaves none active): proposed by the voter, markup in its text
      const description = `# ${HOSTILE_TITLE}\n\n<script>alert(3)</script> Tune the split.`;
      const actions = [
        {
          contract: 'RewardDistributor' as const,
          functionName: 'setSplit',
          args: [
            {
              protocolBps: 500,
              modelOwnerBps: 2000,
              providerBps: 1500,
              stakersBps: 1000,
              contributorsBps: 5000,
            },
          ],
        },
      ];
      const id = await gov.propose(walletOf(voter), actions, description);
      await gov.toVoting(id);
      const snapshot = (await driver.read('OpenGovernor', 'proposalSnapshot', [id])) as bigint;
      const power = (await driver.read('OpenGovernor', 'getVotes', [voter.address, snapshot])) as bigint;
      expect(power).toBe(parseEther('80'));
      await expect
        .poll(
          async () =>
            (
              await gql('query($id: String!) { governanceProposalOverview(id: $id) { status } }', {
                id: String(id),
              })
            ).governanceProposalOverview?.status,
          { timeout: 60_000 },
        )
        .toBe('ACTIVE');

      // 4. from the list to its page: the markup is text; an account without stake is told it has no power
      await go(page, '/governance');
      const row = page.locator('[data-testid="proposals"] tbody tr', { hasText: HOSTILE_TITLE });
      expect(await row.locator('[data-testid="proposal-state"]').textContent()).toBe('ACTIVE');
      await row.locator('[data-testid="proposal-link"]').click();
      await page.waitForURL(`**/governance/proposal/${id}`);
      expect((await page.textContent('[data-testid="entity-title"]'))?.trim()).toBe(HOSTILE_TITLE);
      expect(await page.textContent('.desc')).toContain('<script>alert(3)</script>');
      expect(await page.locator('main img, main script').count()).toBe(0);
      const vote = page.locator('[data-testid="vote-panel"]');
      await page.selectOption('select[name="vote-sign-with"]', 'devnet:users[1]');
      await vote.getByRole('button', { name: 'Vote' }).click();
      await expect
        .poll(() => page.textContent('[data-testid="vote-result"]'))
        .toContain(`${named.users[1].address} had no voting power at this proposal's snapshot`);

      // 5. the vote: for, with a reason, signed by the devnet named account; followed until indexed
      await vote.getByLabel('for').check();
      await page.fill('textarea[name="vote-reason"]', HOSTILE_REASON);
      await page.selectOption('select[name="vote-sign-with"]', 'devnet:users[3]');
      await vote.getByRole('button', { name: 'Vote' }).click();
      await expect.poll(() => stageOf(page, 'vote-panel'), { timeout: 90_000 }).toBe('indexed');
      expect(await page.textContent('[data-testid="vote-result"]')).toBe(
        `Voted for with ${formatOpen(power)} as ${voterId}.`,
      );
      // on the chain: that exact address voted, for, with the weight it had at the snapshot
      expect(await driver.read('OpenGovernor', 'hasVoted', [id, voter.address])).toBe(true);
      const [against, forVotes, abstain] = (await driver.read('OpenGovernor', 'proposalVotes', [
        id,
      ])) as bigint[];
      expect([against, forVotes, abstain]).toEqual([0n, power, 0n]);
      const { governanceVotes } = await gql(
        'query($id: String!) { governanceVotes(where: { proposal: { id_eq: $id } }) { voter { id } support weight reason txHash } }',
        { id: String(id) },
      );
      expect(governanceVotes).toEqual([
        {
          voter: { id: voterId },
          support: 1,
          weight: power.toString(),
          reason: HOSTILE_REASON,
          txHash: expect.any(String),
        },
      ]);
      const receipt = await driver.pub.getTransactionReceipt({ hash: governanceVotes[0].txHash as Hex });
      const [cast] = parseEventLogs({ abi: openGovernorAbi, logs: receipt.logs, eventName: 'VoteCast' });
      expect(cast.args.voter.toLowerCase()).toBe(voterId);
      expect(cast.args.weight).toBe(power);
      // the page shows it after indexing: voter, support, weight, the reason as text
      await expect
        .poll(() => page.locator(`[data-testid="votes"] tr[data-voter="${voterId}"]`).count())
        .toBe(1);
      const shown = page.locator(`[data-testid="votes"] tr[data-voter="${voterId}"]`);
      expect(await shown.locator('[data-testid="vote-support"]').textContent()).toBe('for');
      expect(await shown.locator('[data-testid="vote-weight"]').getAttribute('data-wei')).toBe(
        power.toString(),
      );
      expect(await shown.locator('.reason').textContent()).toBe(HOSTILE_REASON);
      // a second vote is refused before the wallet is asked
      await vote.getByRole('button', { name: 'Vote' }).click();
      await expect
        .poll(() => page.textContent('[data-testid="vote-result"]'))
        .toContain(`${voter.address} already voted on this proposal`);
      await page.screenshot({ path: `${SCREENSHOTS}/governance-voted.png`, fullPage: true });

      // 6. the voter's voting power: votes now as on the chain, the delegator, the vote with its proposal
      await go(page, `/account/${voterId}?tab=governance`);
      await page.waitForSelector('[data-testid="votes-cast"]');
      expect(await page.locator('[data-testid="votes-now-wei"]').textContent()).toBe(
        String(await driver.read('Staking', 'getVotes', [voter.address])),
      );
      expect(await page.textContent('[data-testid="delegate-of"]')).toContain('Delegates to itself');
      expect(
        await page
          .locator(`[data-testid="delegators"] a[href="/account/${delegator.address.toLowerCase()}"]`)
          .count(),
      ).toBe(1);
      const castRow = page.locator(`[data-testid="votes-cast"] tr[data-proposal="${id}"]`);
      expect(await castRow.locator('[data-testid="vote-support"]').textContent()).toBe('for');
      expect(await castRow.locator(`a[href="/governance/proposal/${id}"]`).textContent()).toBe(HOSTILE_TITLE);
      await page.waitForSelector('[data-testid="power-chart"] svg path.line');
      await page.screenshot({ path: `${SCREENSHOTS}/governance-voting-power.png`, fullPage: true });
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);

    it('governance pages fit 360 and 1920 px, forms included', async () => {
      const { governanceProposalOverviews: ps } = await gql(
        '{ governanceProposalOverviews(limit: 100) { id status } }',
      );
      const active = ps.find((p: Any) => p.status === 'ACTIVE') ?? ps[0];
      const { governanceAccounts: top } = await gql(
        '{ governanceAccounts(orderBy: votes_DESC, limit: 1) { id } }',
      );
      const over: string[] = [];
      for (const width of [360, 1920]) {
        const { page } = await open();
        await page.setViewportSize({ width, height: 900 });
        // the pages with forms (the sweep opens every governance route at 390 and 1400 px)
        for (const path of [`/governance/proposal/${active.id}`, `/account/${top[0].id}?tab=governance`]) {
          await go(page, path);
          await page.waitForTimeout(300);
          const excess = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (excess > 0) over.push(`${width}px ${path}: ${excess}px of horizontal overflow`);
        }
        await page.close();
      }
      expect(over).toEqual([]);
    }, 120_000);

    it('says so when there is no browser wallet', async () => {
      const { page } = await open();
      const { governanceAccounts } = await gql(
        '{ governanceAccounts(where: { votes_gt: 0 }, limit: 1) { id } }',
      );
      await go(page, `/account/${governanceAccounts[0].id}?tab=governance`);
      await page.locator('[data-testid="delegate-panel"]').getByRole('button', { name: 'Delegate' }).click();
      await expect
        .poll(() => page.textContent('[data-testid="delegate-result"]'))
        .toContain('No browser wallet found');
      await page.close();
    }, 60_000);
  });
}
