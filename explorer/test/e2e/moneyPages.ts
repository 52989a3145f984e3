import { CONTRACT_NAMES } from '@ae/core';
import type { BrowserContext, Page } from 'playwright-core';
import { type Address, createPublicClient, http } from 'viem';
import { describe, expect, it } from 'vitest';
import { formatOpen } from '../../src/lib/format/format.js';
import { categoryLabel } from '../../src/lib/format/moneyCategory.js';
import { SCREENSHOTS } from './browser.js';
import type { Pipeline } from './pipeline.js';

interface Env {
  pipe: Pipeline;
  context: BrowserContext;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Any = any;

/** The home page's money figures: label (the category) → networkTotals field. */
const HOME_MONEY: Record<string, string> = {
  'Inference fees paid': 'totalFees',
  'Rewards accrued (from fees)': 'totalRewardsAccrued',
  'Contributor escrow held': 'escrowHeld',
  'Treasury: slashed stake (not rewards)': 'totalSlashed',
  'Treasury: forfeited bonds (not rewards)': 'totalBondsForfeited',
};

/**
 * The money pages (issue 14) in Chromium, against the same pipeline as explorer.test.ts: the home page, an
 * account that received slashed stake and forfeited bonds, and the flows page name every total's category and
 * unit with the API's exact figure; the books badge is green on the clean index and turns red once native value
 * reaches a contract without an event (anvil_setBalance) and the indexer has passed that block. Call it last:
 * it leaves the books differing.
 */
export function moneyPagesTests(env: () => Env): void {
  const gql = async (query: string): Promise<Any> => {
    const r = await fetch(env().pipe.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const j = (await r.json()) as { data: Any; errors?: unknown[] };
    if (j.errors) throw new Error(JSON.stringify(j.errors));
    return j.data;
  };
  let page: Page;
  const errors: string[] = [];
  const go = async (path: string, shot?: string) => {
    if (!page) {
      page = await env().context.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
    }
    await page.goto(`${env().pipe.explorerUrl}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
    if (shot) await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png`, fullPage: true });
  };
  const stat = (label: string) => page.textContent(`[data-stat="${label}"]`);

  describe('money pages name every category and tie out to the chain', () => {
    it('the home page names each total and its unit, with the books badge green', async () => {
      const { networkTotals: t, reconciliation } = await gql(
        `{ networkTotals { ${Object.values(HOME_MONEY).join(' ')} }
           reconciliation { contract differenceWei } }`,
      );
      expect(reconciliation.map((r: Any) => r.differenceWei)).toEqual(CONTRACT_NAMES.map(() => '0'));
      await go('/', 'home-money');
      for (const [label, field] of Object.entries(HOME_MONEY)) {
        const shown = await stat(label);
        expect(shown, label).toBe(formatOpen(t[field], 2));
        expect(shown, label).toMatch(/ OPEN$/);
      }
      expect(BigInt(t.totalSlashed)).toBeGreaterThan(0n); // the scenario slashed: the figure is not a zero
      const badge = page.locator('[data-testid="books-badge"] summary .badge');
      expect(await badge.textContent()).toBe('books reconcile to the wei');
      expect(await badge.getAttribute('class')).toContain('ok');
      expect(await page.locator('[data-testid="books-badge"] tbody tr').count()).toBe(CONTRACT_NAMES.length);
    });

    it("the treasury's account page keeps slashed stake and forfeited bonds apart from rewards", async () => {
      const { accounts } = await gql(
        `{ accounts(where: { receivedSlashedStake_gt: "0", receivedForfeitedBonds_gt: "0" }, limit: 1) {
           id totalEarned earnedAsContributor totalClaimed pendingRewards receivedSlashedStake receivedForfeitedBonds } }`,
      );
      expect(accounts).toHaveLength(1);
      const a = accounts[0];
      const { accountFlows } = await gql(
        `{ accountFlows(address: "${a.id}") { direction category amount } }`,
      );
      await go(`/account/${a.id}`, 'account-treasury');
      expect(await stat('Rewards earned')).toBe(formatOpen(a.totalEarned, 2));
      expect(await stat('Claimed')).toBe(formatOpen(a.totalClaimed, 2));
      expect(await stat('Claimable (credited, not claimed)')).toBe(formatOpen(a.pendingRewards, 2));
      expect(await stat('Received slashed stake (not a reward)')).toBe(formatOpen(a.receivedSlashedStake, 2));
      expect(await stat('Received forfeited bonds (not a reward)')).toBe(
        formatOpen(a.receivedForfeitedBonds, 2),
      );
      // its flows name each credit's category, slashes and bonds included, with the exact figure
      await go(`/account/${a.id}?tab=flows`, 'account-treasury-flows');
      const credited = page.locator('[data-testid="flows-accrued"] li');
      await credited.first().waitFor();
      const rows = (await credited.allTextContents()).map((x) => x.replace(/\s+/g, ' '));
      const accrued = accountFlows.filter((f: Any) => f.direction === 'ACCRUED');
      expect(rows).toHaveLength(accrued.length);
      for (const c of ['SLASHED_STAKE', 'BOND_FORFEITED', 'FEE_PROTOCOL']) {
        const f = accrued.find((x: Any) => x.category === c);
        expect(f, c).toBeDefined();
        expect(rows.some((r) => r.includes(categoryLabel(c)) && r.includes(formatOpen(f.amount, 6)))).toBe(
          true,
        );
      }
    });

    it("an inference user's transfers name each row's money category", async () => {
      const { accounts } = await gql('{ accounts(where: { feesPaid_gt: "0" }, limit: 1) { id } }');
      await go(`/account/${accounts[0].id}`);
      const table = page.locator('section.dt', { hasText: 'OPEN transfers' });
      await table.locator('tbody tr td:nth-child(2)').first().waitFor();
      const headers = (await table.locator('thead th').allTextContents()).map((x) => x.trim());
      const col = headers.findIndex((h) => h.startsWith('Category'));
      expect(col).toBeGreaterThan(-1);
      const cats = await table.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents();
      expect(cats.length).toBeGreaterThan(0);
      expect(cats.map((x) => x.trim())).toContain(categoryLabel('INFERENCE_FEE'));
      expect(cats.filter((x) => x.trim() === '')).toEqual([]);
    });

    it("the flows page lists every category's total with the API's figure", async () => {
      const { tokenFlows } = await gql('{ tokenFlows { totals { category amountWei } } }');
      await go('/flows');
      const dl = page.locator('[data-testid="flow-category-totals"]');
      const names = await dl.locator('dt').allTextContents();
      const values = await dl.locator('dd').allTextContents();
      expect(names).toEqual(tokenFlows.totals.map((c: Any) => categoryLabel(c.category)));
      expect(values).toEqual(tokenFlows.totals.map((c: Any) => formatOpen(c.amountWei, 6)));
      // recipients' categories (fees enter at the users: INFERENCE_FEE is no recipient's total)
      for (const c of ['CONTRIBUTOR_RELEASED', 'ESCROW_LEFTOVER', 'SLASHED_STAKE', 'BOND_FORFEITED'])
        expect(names, c).toContain(categoryLabel(c));
      // every flow of the table names its category
      const cells = await page
        .locator('[data-testid="flow-table"] tbody tr td:nth-child(3)')
        .allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.filter((x) => x.trim() === '')).toEqual([]);
    });

    it('the books badge turns red when value reaches a contract without an event', async () => {
      const { pipe } = env();
      const { reconciliation } = await gql('{ reconciliation { contract address } }');
      const ledger = reconciliation.find((r: Any) => r.contract === 'InferenceLedger').address as Address;
      const chain = createPublicClient({ transport: http(pipe.rpcUrl) });
      const before = await chain.getBalance({ address: ledger });
      await chain.request({
        method: 'anvil_setBalance' as never,
        params: [ledger, `0x${(before + 1234n).toString(16)}`] as never,
      });
      await chain.request({ method: 'evm_mine' as never, params: [] as never });
      const head = Number(await chain.getBlockNumber());
      // the running indexer reaches the new block; the API then reads balances there
      await expect
        .poll(async () => (await gql('{ reconciliation { atBlock } }')).reconciliation[0].atBlock, {
          timeout: 60_000,
          interval: 500,
        })
        .toBeGreaterThanOrEqual(head);
      await go('/', 'home-books-differ');
      const badge = page.locator('[data-testid="books-badge"] summary .badge');
      expect(await badge.textContent()).toBe('books differ');
      expect(await badge.getAttribute('class')).toContain('danger');
      const bad = page.locator('[data-testid="books-badge"] tbody tr.bad');
      expect(await bad.count()).toBe(1);
      const cells = (await bad.locator('td').allTextContents()).map((x) => x.trim());
      expect(cells[0]).toBe('InferenceLedger');
      expect(cells.at(-1)).toBe('1234');
      expect(errors).toEqual([]);
    });
  });
}
