import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { protocolArtifacts } from '@ae/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { type Abi, createPublicClient, decodeEventLog, getAddress, type Hex, http } from 'viem';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS } from './browser.js';
import type { Pipeline } from './pipeline.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Env {
  pipe: Pipeline;
  context: BrowserContext;
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Any = any;

/** Characters that only render if some installed font has them: UI chrome must use the bundled SVG icons. */
// (the basic arrows U+2190–21FF are in every system font, DejaVu included; U+29C9, the old copy icon, is not)
const FONT_GLYPHS = /[\u2300-\u2bff\ue000-\uf8ff\u{1f000}-\u{1faff}]/u;

/**
 * The explorer as a daily tool (issue 18), against the same pipeline as explorer.test.ts: every route at a
 * phone's and a desktop's width (no horizontal overflow, no console errors, axe clean, every icon drawn), search
 * on every form people paste, the lineage default view of a contribution, and the transaction and block pages
 * against the chain's own receipts.
 */
export function dailyToolTests(env: () => Env): void {
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
  const open = async (width: number): Promise<{ page: Page; errors: string[] }> => {
    const page = await env().context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  };
  const go = async (page: Page, path: string) => {
    await page.goto(`${env().pipe.explorerUrl}${path}`, { waitUntil: 'networkidle', timeout: 60_000 });
    await page.waitForTimeout(300);
  };

  describe('the explorer as a daily tool', () => {
    let sample: Any;
    const routes = (): { path: string; status?: number }[] => {
      const s = sample;
      return [
        { path: '/' },
        { path: '/datanets' },
        { path: '/models' },
        { path: '/contributions' },
        { path: '/inferences' },
        { path: '/attributions' },
        { path: '/accounts' },
        { path: '/blocks' },
        { path: '/flows' },
        { path: '/audits' },
        { path: `/search?q=${encodeURIComponent(s.datanet.name.slice(0, 5))}&list=1` },
        { path: `/datanet/${s.datanet.id}` },
        { path: `/model/${s.model.id}` },
        { path: `/contribution/${s.contribution.id}` },
        { path: `/inference/${s.inference.id}` },
        { path: `/attribution/${s.attribution}` },
        ...['transfers', 'balance', 'flows', 'roles', 'governance', 'lineage'].map((t) => ({
          path: `/account/${s.user}?tab=${t}`,
        })),
        { path: '/governance' },
        { path: `/governance/proposal/${s.proposal}` },
        { path: '/governance/parameters' },
        { path: '/governance/parameters?parameter=split.contributorsBps' },
        { path: `/account/${s.delegate}?tab=governance` },
        { path: '/governance/proposal/1', status: 404 },
        { path: `/tx/${s.inference.txHash}` },
        { path: `/block/${s.inference.blockNumber}` },
        { path: `/lineage/${encodeURIComponent(`contribution:${s.contribution.id}`)}` },
        { path: '/no-such-page', status: 404 },
        { path: `/account/0x${'0'.repeat(39)}1`, status: 404 },
        { path: '/account/not-an-address', status: 400 },
      ];
    };

    it('opens every route at 390 and 1400 px: no overflow, no console errors, axe clean, icons drawn', async () => {
      const d = await gql(`{
        datanets(orderBy: id_ASC, limit: 1, where: { trainedModelCount_gt: 0 }) { id name }
        models(orderBy: id_ASC, limit: 1) { id }
        contributions(orderBy: id_ASC, limit: 1, where: { attributionShareCount_gt: 0 }) { id }
        inferences(orderBy: id_ASC, limit: 1) { id txHash blockNumber user { id } }
        attributions(orderBy: id_ASC, limit: 1) { id }
        governanceProposals(orderBy: voteCount_DESC, limit: 1) { id }
        governanceAccounts(orderBy: votes_DESC, limit: 1) { id }
      }`);
      sample = {
        datanet: d.datanets[0],
        model: d.models[0],
        contribution: d.contributions[0],
        inference: d.inferences[0],
        user: d.inferences[0].user.id,
        attribution: d.attributions[0].id,
        proposal: d.governanceProposals[0].id,
        delegate: d.governanceAccounts[0].id,
      };
      const problems: string[] = [];
      for (const width of [390, 1400]) {
        const { page, errors } = await open(width);
        for (const r of routes()) {
          errors.length = 0;
          const res = await page.goto(`${env().pipe.explorerUrl}${r.path}`, {
            waitUntil: 'networkidle',
            timeout: 60_000,
          });
          await page.waitForTimeout(300);
          expect(res?.status(), r.path).toBe(r.status ?? 200);
          const where = `${width}px ${r.path}`;
          const over = await page.evaluate(() => {
            const excess = document.documentElement.scrollWidth - window.innerWidth;
            if (excess <= 0) return null;
            // name the deepest element that sticks out, so a failure says where to look
            let worst = '';
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (
                r.right > window.innerWidth + 1 &&
                r.width > 0 &&
                !el.closest('.scroll, [style*="overflow"]')
              )
                worst = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
            }
            return `${excess}px of horizontal overflow (${worst})`;
          });
          if (over) problems.push(`${where}: ${over}`);
          // an error page's own status shows up as a failed load of the document: that one is expected
          const unexpected = errors.filter(
            (e) => !(r.status && /Failed to load resource.*\b(400|404)\b/.test(e)),
          );
          if (unexpected.length) problems.push(`${where}: console: ${unexpected.join(' | ').slice(0, 300)}`);
          const icons = await page.evaluate(() =>
            [...document.querySelectorAll('svg.lucide')].map((s) => {
              const b = s.getBoundingClientRect();
              const drawn = s.querySelectorAll('path, line, circle, rect, polyline, polygon').length;
              const visible = getComputedStyle(s).display !== 'none' && s.closest('[hidden]') === null;
              return {
                ok: !visible || (b.width > 0 && b.height > 0 && drawn > 0) || s.getClientRects().length === 0,
              };
            }),
          );
          if (icons.some((i) => !i.ok)) problems.push(`${where}: an icon is not drawn`);
          // UI text outside chain strings (which render as text wherever they are) must not need a font's glyphs
          const glyphs = await page.evaluate((re) => {
            const rx = new RegExp(re, 'u');
            const out: string[] = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walk.nextNode(); n; n = walk.nextNode()) {
              const el = n.parentElement;
              if (!el || el.closest('.safe, .uri, .chip a, title, script, style, input, textarea')) continue;
              if (rx.test(n.textContent ?? '')) out.push((n.textContent ?? '').trim().slice(0, 40));
            }
            return out;
          }, FONT_GLYPHS.source);
          if (glyphs.length)
            problems.push(`${where}: font-dependent glyphs in ${JSON.stringify(glyphs.slice(0, 3))}`);
          if (width === 1400 || r.path === '/' || r.path.startsWith('/account/0x')) {
            await page.evaluate(axeSource);
            const axe = (await page.evaluate(() =>
              (window as Any).axe.run(document, { resultTypes: ['violations'] }),
            )) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
            for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
              problems.push(
                `${where}: axe ${v.id} ${v.nodes
                  .slice(0, 2)
                  .map((n) => n.target.join(' '))
                  .join(', ')}`,
              );
          }
        }
        await page.close();
      }
      expect(problems).toEqual([]);
    }, 900_000);

    it('search finds every form people paste, and an exact match opens its page', async () => {
      const d = await gql(`{
        accounts(orderBy: totalEarned_DESC, limit: 1) { id }
        inferences(orderBy: id_ASC, limit: 1) { id txHash blockNumber }
        contributions(orderBy: id_ASC, limit: 1) { id contentHash }
        datanets(orderBy: id_ASC, limit: 1) { id name }
      }`);
      const addr: string = d.accounts[0].id;
      const tx: string = d.inferences[0].txHash;
      const { page } = await open(1400);
      const suggest = async (text: string) => {
        await go(page, '/');
        await page.fill('#q', text);
        await page.waitForSelector('#search-list [role="option"]', { timeout: 20_000 });
        return (await page.locator('#search-list').innerHTML()).toLowerCase();
      };
      const enter = async (text: string, url: RegExp) => {
        await go(page, '/');
        await page.fill('#q', text);
        await page.press('#q', 'Enter');
        await page.waitForURL(url, { timeout: 30_000 });
      };
      // prefixes with and without 0x, any case, the shortened form (… and ...): typeahead finds the account
      for (const text of [
        addr.slice(0, 8),
        addr.slice(2, 9),
        addr.slice(0, 10).toUpperCase(),
        `${addr.slice(0, 6)}…${addr.slice(-4)}`,
        `${addr.slice(2, 6)}...${addr.slice(-4)}`,
      ])
        expect(await suggest(text), text).toContain(addr.slice(-6));
      // whole values go straight to their page: a checksummed address, an address without 0x, a tx hash in capitals
      await enter(getAddress(addr), new RegExp(`/account/${addr}$`));
      await enter(addr.slice(2), new RegExp(`/account/${addr}$`));
      await enter(tx.toUpperCase().replace('0X', ''), new RegExp(`/tx/${tx}$`));
      await page.waitForSelector('[data-testid="tx-logs"] li');
      await enter(`${tx.slice(0, 10)}…${tx.slice(-4)}`, new RegExp(`/tx/${tx}$`));
      await enter(d.contributions[0].contentHash, new RegExp(`/contribution/${d.contributions[0].id}$`));
      await enter(
        `contribution:${d.contributions[0].id}`,
        new RegExp(`/contribution/${d.contributions[0].id}$`),
      );
      await enter(d.datanets[0].name.toUpperCase(), new RegExp(`/datanet/${d.datanets[0].id}$`));
      // a devnet role by its name tag, and a block by its height
      expect(await suggest('attribution poster')).toContain('attribution poster');
      expect(await suggest(String(d.inferences[0].blockNumber))).toContain(
        `block ${d.inferences[0].blockNumber}`,
      );
      // the results page lists every reading of an ambiguous text
      await go(page, `/search?q=${d.contributions[0].id}&list=1`);
      expect(await page.locator('[data-testid^="hits-"]').count()).toBeGreaterThan(1);
      await page.close();
    }, 300_000);

    it("the lineage of a contribution shows its datanet and every model trained on it, and the data's path", async () => {
      const d =
        await gql(`{ contributions(orderBy: id_ASC, limit: 1, where: { attributionShareCount_gt: 0, datanet: { trainedModelCount_gt: 0 } }) {
        id datanet { id trainedModels { model { id } } } } }`);
      const c = d.contributions[0];
      const models: string[] = [...new Set<string>(c.datanet.trainedModels.map((t: Any) => t.model.id))];
      expect(models.length).toBeGreaterThan(0);
      const { page } = await open(1400);
      await go(page, `/contribution/${c.id}`);
      await page.waitForSelector('svg.graph g.node');
      const ids = await page
        .locator('svg.graph g.node')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect(ids).toContain(`datanet:${c.datanet.id}`);
      for (const m of models) expect(ids).toContain(`model:${m}`);
      // and on screen at the first view, without panning
      const box = await page.locator('svg.graph').boundingBox();
      for (const id of [`datanet:${c.datanet.id}`, ...models.map((m) => `model:${m}`)]) {
        const b = await page.locator(`svg.graph g.node[data-id="${id}"]`).boundingBox();
        expect(
          b &&
            box &&
            b.x >= box.x &&
            b.y >= box.y &&
            b.x + b.width <= box.x + box.width &&
            b.y + b.height <= box.y + box.height,
          id,
        ).toBe(true);
      }
      const listed = await page.textContent('[data-testid="trained-models"]');
      expect(listed).toBeTruthy();
      // selecting a model highlights contribution → datanet → model, along the arrows
      await page.locator(`svg.graph g.node[data-id="model:${models[0]}"]`).dispatchEvent('click');
      await expect.poll(() => page.locator('svg.graph .edges path.hl').count()).toBe(2);
      expect(new URL(page.url()).searchParams.get('sel')).toBe(`model:${models[0]}`);
      // labels readable at the first zoom: a node's label is at least 9 px high on screen
      const h = await page
        .locator('svg.graph g.node .lbl')
        .first()
        .evaluate((e) => e.getBoundingClientRect().height);
      expect(h).toBeGreaterThanOrEqual(9);
      await page.screenshot({ path: `${SCREENSHOTS}/lineage-contribution.png`, fullPage: true });
      // the graph exports as a standalone SVG and as a PNG
      const [svg] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'SVG' }).click(),
      ]);
      expect(svg.suggestedFilename()).toBe(`lineage-contribution-${c.id}.svg`);
      const text = readFileSync((await svg.path()) as string, 'utf8');
      expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(text).toContain(`data-id="datanet:${c.datanet.id}"`);
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'PNG' }).click(),
      ]);
      expect(
        readFileSync((await png.path()) as string)
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
      await page.close();
    }, 180_000);

    it('transaction and block pages show what the chain receipts say', async () => {
      const d = await gql('{ inferences(orderBy: id_DESC, limit: 1) { txHash blockNumber } }');
      const hash = d.inferences[0].txHash as Hex;
      const chain = createPublicClient({ transport: http(env().pipe.rpcUrl) });
      const receipt = await chain.getTransactionReceipt({ hash });
      const { page } = await open(1400);
      await go(page, `/tx/${hash}`);
      await page.screenshot({ path: `${SCREENSHOTS}/transaction.png`, fullPage: true });
      const shown = await page.locator('[data-testid="tx-logs"] > li').evaluateAll((els) =>
        els.map((e) => ({
          index: Number(e.getAttribute('data-log-index')),
          event: e.querySelector('[data-testid="log-event"]')?.textContent?.trim(),
          args: Object.fromEntries(
            [...e.querySelectorAll('[data-arg]')].map((a) => [
              a.getAttribute('data-arg'),
              a.textContent ?? '',
            ]),
          ),
        })),
      );
      expect(shown.map((l) => l.index)).toEqual(receipt.logs.map((l) => l.logIndex));
      for (const [i, log] of receipt.logs.entries()) {
        const decoded = Object.values(protocolArtifacts)
          .map((a) => {
            try {
              return decodeEventLog({ abi: a.abi as Abi, topics: log.topics, data: log.data });
            } catch {
              return null;
            }
          })
          .find((x) => x !== null);
        expect(shown[i].event).toBe(decoded?.eventName);
        const args = decoded?.args as unknown as Record<string, unknown> | undefined;
        if (args?.inferenceId !== undefined)
          expect(shown[i].args.inferenceId).toContain(String(args.inferenceId));
        if (typeof args?.account === 'string')
          expect(shown[i].args.account?.toLowerCase() ?? '').toMatch(/\S/);
      }
      expect(await page.textContent('[data-testid="tx-status"]')).toContain(
        receipt.status === 'success' ? 'success' : 'reverted',
      );
      const block = await chain.getBlock({ blockNumber: receipt.blockNumber });
      await go(page, `/block/${receipt.blockNumber}`);
      const txs = await page
        .locator('[data-testid="block-txs"] tbody tr')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-tx')));
      expect(txs).toEqual(block.transactions.map((t) => t.toLowerCase()));
      expect(await page.textContent('[data-testid="block-tx-count"]')).toBe(
        String(block.transactions.length),
      );
      await page.close();
    }, 180_000);
  });
}
