import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { devnetAuditor } from '@ae/contracts/devnet';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOpen } from '../../src/lib/format/format.js';
import { launchChromium, SCREENSHOTS } from './browser.js';
import { dailyToolTests } from './dailyTool.js';
import { governanceTests } from './governance.js';
import { moneyPagesTests } from './moneyPages.js';
import { JS_URI, type Pipeline, startPipeline, XSS_NAME } from './pipeline.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let pipe: Pipeline;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await fetch(pipe.apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const j = (await r.json()) as { data: T; errors?: unknown[] };
  if (j.errors) throw new Error(JSON.stringify(j.errors));
  return j.data;
}

async function visit(path: string, shot?: string) {
  await page.goto(`${pipe.explorerUrl}${path}`, { waitUntil: 'networkidle' });
  if (shot) await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png`, fullPage: true });
}

async function axe(name: string) {
  await page.evaluate(axeSource);
  const res = (await page.evaluate(() =>
    (window as any).axe.run(document, { resultTypes: ['violations'] }),
  )) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
  ).toEqual([]);
}

beforeAll(async () => {
  pipe = await startPipeline();
  const b = await launchChromium();
  context = b.context;
  closeBrowser = b.close;
  page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 900_000);

afterAll(async () => {
  await closeBrowser?.();
  await pipe?.stop();
});

describe('explorer against the real indexer and API', () => {
  it('home shows the network totals of the API and live activity', async () => {
    const { networkTotals } = await gql('{ networkTotals { datanets inferences } }');
    await visit('/', 'home');
    await expect.poll(() => page.textContent('[data-stat="Datanets"]')).toBe(String(networkTotals.datanets));
    expect(await page.textContent('[data-stat="Inferences"]')).toBe(String(networkTotals.inferences));
    await page.waitForSelector('[data-testid="recent-inferences"] li a');
    const { topContributors, topDatanets } = await gql(
      '{ topContributors(limit: 5) { account { id } } topDatanets(limit: 5) { datanet { name } } }',
    );
    expect(topContributors.length).toBeGreaterThan(0);
    const boards = await page.textContent('.boards');
    expect(boards?.toLowerCase()).toContain(topContributors[0].account.id.slice(0, 6).toLowerCase());
    expect(boards).toContain(topDatanets[0].datanet.name);
    await axe('home');
  });

  it('search finds a datanet by name and goes to its page', async () => {
    // the scenario's open datanet ("SpamAssassin Personal Mail"; a model is named "…-personal" too)
    const { datanets } = await gql(
      '{ datanets(where: { curated_eq: false }, orderBy: id_ASC, limit: 1) { id name } }',
    );
    await visit('/');
    await page.fill('#q', datanets[0].name.toLowerCase().replace('spamassassin ', ''));
    await page.waitForSelector('[role="option"]');
    expect(await page.textContent('#search-list')).toContain('datanet');
    await page.press('#q', 'Enter');
    await page.waitForURL(/\/datanet\/\d+$/);
    expect((await page.textContent('[data-testid="entity-title"]'))?.trim()).toBe(datanets[0].name);
  });

  it('renders the pages of every entity with real data', async () => {
    const { attributions, contributions, models } = await gql(
      '{ attributions(limit: 1, orderBy: index_ASC) { inference { id user { id } } } contributions(limit: 1, orderBy: index_ASC) { id } models(limit: 1, orderBy: index_ASC) { id name derivedModels { id } } }',
    );
    const inferences = attributions.map((a: { inference: unknown }) => a.inference);
    await visit(`/model/${models[0].id}`, 'model');
    expect(await page.textContent('[data-testid="entity-title"]')).toContain(models[0].name);
    expect(await page.textContent('[aria-label="Model tree"]')).toContain(
      `fine-tunes (${models[0].derivedModels.length})`,
    );
    // the held-out evaluation the Model Factory recorded in the training config artifact (issue 19)
    const evaluation = await page.textContent('[data-testid="model-evaluation"]');
    expect(evaluation).toContain('Held-out accuracy');
    expect(evaluation).toMatch(/Classes predicted\s*2 of 2/);
    await visit(`/inference/${inferences[0].id}`, 'inference');
    expect(await page.textContent('[data-testid="verdict"]')).toBeTruthy();
    await page.waitForSelector('svg[aria-label^="Posted versus recomputed"]');
    await visit(`/contribution/${contributions[0].id}`, 'contribution');
    expect(await page.textContent('[data-testid="entity-title"]')).toContain(`#${contributions[0].id}`);
    await visit(`/account/${inferences[0].user.id}`, 'account');
    await page.waitForSelector('table tbody tr td a');
    await visit('/audits', 'audits');
    await expect.poll(() => page.textContent('main')).toContain('MISMATCH');
    await visit('/datanet/999999', 'not-found');
    expect(await page.textContent('main')).toContain('No datanet with id');
  });

  it('the lineage graph collapses a fan-out, expands it and keeps the view in the URL', async () => {
    await visit('/datanet/1');
    await page.waitForSelector('svg.graph g.node');
    const before = await page.locator('svg.graph g.node').count();
    await page.locator('svg.graph g.node.more').first().dispatchEvent('click');
    await page.getByRole('button', { name: /^Show all/ }).click();
    await expect.poll(() => page.locator('svg.graph g.node').count()).toBeGreaterThan(before);
    expect(page.url()).toContain('open=');
    const contribution = page.locator('svg.graph g.node[data-id^="contribution:"]').first();
    // the first view is zoomed around the root at a readable size: the node may lie outside it
    await contribution.dispatchEvent('dblclick');
    await expect.poll(() => page.url()).toContain('exp=');
    await page.screenshot({ path: `${SCREENSHOTS}/lineage.png`, fullPage: true });
    await visit(
      `/lineage/${encodeURIComponent('datanet:1')}${new URL(page.url()).search}`,
      'lineage-fullscreen',
    );
    await page.waitForSelector('svg.graph g.node');
    expect(await page.locator('svg.graph g.node.sel').count()).toBe(1);
  });

  it("the Sankey's totals equal the API's", async () => {
    const { tokenFlows } = await gql('{ tokenFlows { totalFees } }');
    await visit('/flows', 'flows');
    const fmt = (await page.textContent('[data-testid="api-total-fees"]'))!;
    expect(await page.textContent('[data-testid="sankey-total-fees"]')).toBe(fmt);
    expect(fmt.replace(/[^0-9.]/g, '')).toBe(
      (Number(BigInt(tokenFlows.totalFees)) / 1e18).toString().slice(0, fmt.replace(/[^0-9.]/g, '').length),
    );
    // slashed stake (whole stakes) is listed but only drawn on request, so fees stay visible
    expect(await page.textContent('[data-testid="flow-table"]')).toContain('Slashed stakes');
    expect(await page.textContent('[data-testid="sankey"]')).not.toContain('Slashed stakes');
    await page.getByLabel('draw slashed stake').check();
    await expect.poll(() => page.textContent('[data-testid="sankey"]')).toContain('Slashed stakes');
    expect(page.url()).toContain('slashes=1');
    await page.locator('[data-testid="sankey"] .links path').first().click();
    await page.waitForSelector('h2:has-text("Transactions:")');
    await axe('flows');
  });

  it('an auditor opens a MISMATCH, flags it, escalates it to a dispute; the arbiter upholds it: poster slashed, nobody paid', async () => {
    const lie = pipe.freshLie.attributionId;
    const explorerAuditor = devnetAuditor('explorer').address;
    const before = await gql(
      'query($id: String!) { attributionById(id: $id) { poster { id totalSlashed } verdict { verdict } auditState } }',
      { id: lie },
    );
    expect(before.attributionById).toMatchObject({
      verdict: { verdict: 'MISMATCH' },
      auditState: 'DISPUTABLE',
    });
    // the audit queue lists it as disputable, with its window on the chain clock, and links to its page
    await visit('/audits?state=DISPUTABLE', 'audit-queue');
    const row = page.locator(`[data-testid="queue-row"][data-attribution="${lie}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('MISMATCH');
    expect(await row.locator('[data-testid="queue-window"]').textContent()).toMatch(
      /^disputable for .+ more \(chain clock\)$/,
    );
    expect(await row.locator(`a[href="/inference/${pipe.freshLie.inferenceId}"]`).count()).toBe(1);
    await row.locator(`a[href="/attribution/${lie}"]`).click();
    await page.waitForURL(new RegExp(`/attribution/${lie}$`));
    await page.waitForSelector('[data-testid="audit-panel"]');
    expect(await page.textContent('[data-testid="verdict"]')).toContain('MISMATCH');
    // flag it with the devnet's named explorer auditor
    await page.fill('input[name="reason"]', 'weights do not replay');
    await page.selectOption('select[name="mode"]', 'devnet');
    await page.click('button:has-text("Sign and flag")');
    await expect
      .poll(async () => (await page.textContent('[data-testid="flag-result"]'))?.toLowerCase(), {
        timeout: 15_000,
      })
      .toContain(`signed by ${explorerAuditor.toLowerCase()}`);
    const { attributionFlags } = await gql(
      'query($id: ID) { attributionFlags(attributionId: $id) { reason auditor status } }',
      {
        id: lie,
      },
    );
    expect(attributionFlags).toEqual([
      { reason: 'weights do not replay', auditor: explorerAuditor.toLowerCase(), status: 'OPEN' },
    ]);
    await expect.poll(() => page.locator('[data-testid="flag-row"]').count(), { timeout: 30_000 }).toBe(1);
    // escalate it to an on-chain dispute, signed and sent by the same devnet auditor
    await page.selectOption('select[name="dispute-mode"]', 'devnet');
    await page.click('button:has-text("Open a dispute")');
    await expect
      .poll(async () => (await page.textContent('[data-testid="dispute-result"]'))?.toLowerCase(), {
        timeout: 30_000,
      })
      .toContain(`opened by ${explorerAuditor.toLowerCase()}`);
    // the devnet arbiter replays it, upholds it; the page follows the dispute to the ruling
    await expect
      .poll(() => page.textContent('[data-testid="dispute-followed"]'), {
        timeout: 120_000,
        interval: 1000,
      })
      .toContain('UPHELD');
    await expect
      .poll(() => page.textContent('[data-testid="audit-state"]'), { timeout: 30_000 })
      .toContain('upheld');
    const after = await gql(
      `query($id: String!) { attributionById(id: $id) { status settled settledPaid poster { id totalSlashed }
        disputes { status challenger { id } slashed } shares { reward } flags { status } } }`,
      { id: lie },
    );
    const a = after.attributionById;
    expect(a).toMatchObject({
      status: 'UPHELD',
      settled: true,
      settledPaid: false,
      flags: [{ status: 'UPHELD' }],
    });
    expect(a.disputes).toEqual([
      { status: 'UPHELD', challenger: { id: explorerAuditor.toLowerCase() }, slashed: expect.any(String) },
    ]);
    const slashed = BigInt(a.poster.totalSlashed) - BigInt(before.attributionById.poster.totalSlashed);
    expect(slashed).toBeGreaterThan(0n);
    expect(slashed).toBe(BigInt(a.disputes[0].slashed));
    expect(a.shares.every((s: { reward: string | null }) => s.reward === null)).toBe(true);
    // what the page shows: the poster slashed, nobody paid, every share unpaid, the flag upheld
    await page.screenshot({ path: `${SCREENSHOTS}/attribution-upheld.png`, fullPage: true });
    expect(await page.textContent('[data-testid="poster-record"]')).toContain(
      `slashed ${formatOpen(a.poster.totalSlashed)}`,
    );
    expect(await page.textContent('[data-testid="paid"]')).toContain('nobody');
    const paid = await page.locator('[data-testid="share-paid"]').allTextContents();
    expect(paid.length).toBe(a.shares.length);
    expect(paid.every((t) => t === 'unpaid (upheld)')).toBe(true);
    expect(await page.textContent('[data-testid="flag-status"]')).toContain('UPHELD');
    await axe('attribution');
  });

  it('renders hostile chain strings as text and never links javascript: URIs', async () => {
    const { datanets } = await gql('query($n: String!) { datanets(where: { name_eq: $n }) { id } }', {
      n: XSS_NAME,
    });
    await visit(`/datanet/${datanets[0].id}`, 'hostile-datanet');
    expect((await page.textContent('[data-testid="entity-title"]'))?.trim()).toBe(XSS_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('[data-testid="metadata-uri"] a').count()).toBe(0);
    expect(await page.textContent('[data-testid="metadata-uri"]')).toContain(JS_URI);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await visit('/datanets');
    await page.waitForSelector('table tbody tr td a');
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await axe('datanet');
  });

  it('serves static assets (/_app/*) with nosniff, as pages', async () => {
    const html = await (await fetch(`${pipe.explorerUrl}/`)).text();
    const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const res = await fetch(`${pipe.explorerUrl}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${pipe.explorerUrl}/`)).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("a text model's inference shows its generated answer with attributed spans; hovering one lands on its contribution", async () => {
    const { attributions } = await gql(
      '{ attributions(where: { method_eq: "span-match@1", status_eq: SETTLED }, orderBy: index_ASC, limit: 20) { id inference { id } generatedAnswer { text spans { text contributionIds } } } }',
    );
    const quoted = attributions.find((a: any) => a.generatedAnswer?.spans.length > 0);
    expect(quoted, 'a settled span-match@1 posting with spans').toBeDefined();
    await visit(`/inference/${quoted.inference.id}`, 'inference-spans');
    const answer = page.locator('[data-testid="generated-answer"]');
    expect((await answer.textContent())?.replace(/\s+/g, ' ')).toContain(
      quoted.generatedAnswer.spans[0].text.replace(/\s+/g, ' '),
    );
    const mark = page.locator('[data-testid="answer-span"]').first();
    await mark.hover();
    const link = page.locator('.span-wrap:hover [data-testid="span-contribution"]').first();
    await link.waitFor({ state: 'visible' });
    const target = (await link.getAttribute('href'))!;
    expect(quoted.generatedAnswer.spans.flatMap((s: any) => s.contributionIds)).toContain(
      target.split('/').pop(),
    );
    await link.hover();
    await link.click();
    await page.waitForURL(`**${target}`);
    expect(await page.textContent('[data-testid="entity-title"]')).toContain(`#${target.split('/').pop()}`);
    // the contribution's page lists the generated text that quoted it
    await page.waitForSelector('[data-testid="quoted-in"]');
    expect(await page.textContent('[data-testid="quoted-in"]')).toContain(
      `Inference #${quoted.inference.id}`,
    );
    await axe('contribution-quoted');
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

dailyToolTests(() => ({ pipe, context }));
governanceTests(() => ({ pipe, context }));
// last: it moves value to a contract without an event, so the books differ afterwards
moneyPagesTests(() => ({ pipe, context }));
