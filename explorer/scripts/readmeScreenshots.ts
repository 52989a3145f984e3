import { join } from 'node:path';
import { REPO_ROOT } from '@ae/core';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.js';
import { startPipeline } from '../test/e2e/pipeline.js';

/**
 * `npm run screenshots -w explorer`: retakes the README's screenshots (docs/explorer-*.png) on the pipeline the
 * end-to-end tests run (test/e2e/pipeline.ts: anvil, the small scenario with seed 7, the indexer, the replay
 * worker and arbiter, the API, the explorer's production build) in Debian's Chromium, 1280 px wide. It plays
 * the scenario, so it takes minutes; nothing is asserted (the e2e tests do that on the same pages).
 */
const DOCS = join(REPO_ROOT, 'docs');
const pipe = await startPipeline();
const browser = await launchChromium();
// biome-ignore lint/suspicious/noExplicitAny: a few fields of known queries
async function gql(query: string): Promise<any> {
  const r = await fetch(pipe.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const j = (await r.json()) as { data: unknown; errors?: unknown[] };
  if (j.errors) throw new Error(JSON.stringify(j.errors));
  return j.data;
}
async function shot(page: Page, path: string, file: string, ready?: (p: Page) => Promise<unknown>) {
  await page.goto(`${pipe.explorerUrl}${path}`, { waitUntil: 'networkidle', timeout: 120_000 });
  await ready?.(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(DOCS, file), fullPage: true });
  console.log(`docs/${file} ← ${path}`);
}
try {
  const page = await browser.context.newPage();
  const d = await gql(`{
    attributions(limit: 1, orderBy: index_ASC) { inference { id } }
    contributions(orderBy: id_ASC, limit: 1, where: { attributionShareCount_gt: 0, datanet: { trainedModelCount_gt: 0 } }) {
      id datanet { trainedModels { model { id } } } }
    inferences(orderBy: id_DESC, limit: 1) { txHash }
    treasury: accounts(where: { receivedSlashedStake_gt: "0" }, limit: 1) { id } }`);
  await shot(page, '/', 'explorer-home.png', (p) =>
    p.waitForSelector('[data-testid="recent-inferences"] li a'),
  );
  await shot(page, `/inference/${d.attributions[0].inference.id}`, 'explorer-inference.png', (p) =>
    p.waitForSelector('svg[aria-label^="Posted versus recomputed"]'),
  );
  const c = d.contributions[0];
  await shot(page, `/contribution/${c.id}`, 'explorer-lineage.png', async (p) => {
    await p.waitForSelector('svg.graph g.node');
    const model = c.datanet.trainedModels[0].model.id;
    await p.locator(`svg.graph g.node[data-id="model:${model}"]`).dispatchEvent('click');
  });
  await shot(page, `/tx/${d.inferences[0].txHash}`, 'explorer-transaction.png');
  await shot(page, '/flows', 'explorer-flows.png', (p) =>
    p.waitForSelector('[data-testid="sankey"] .links path'),
  );
  await shot(page, `/account/${d.treasury[0].id}?tab=flows`, 'explorer-account.png', (p) =>
    p.waitForSelector('[data-testid="flows-accrued"] li'),
  );
} finally {
  await browser.close();
  await pipe.stop();
}
