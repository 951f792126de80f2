/**
 * /offres/ on the large synthetic territory (npm run test:browser:large): thousands of offers are listed in pages
 * of OFFRES_PAR_PAGE, every offer exactly once, with page links a keyboard and a screen reader can use, without
 * JavaScript.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, launch, screenshot, visit } from '../browser/harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { OFFRES_PAR_PAGE } from '../../src/lib/pagination';

const ds = loadDataset(path.resolve(process.env.TEST_DATA ?? 'bench/out/large/data')).dataset!;
const pages = Math.ceil(ds.offres.length / OFFRES_PAR_PAGE);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('/offres/ on a large territory', () => {
  it('lists every offer once, over pages of a fixed size, with accessible page links (no JavaScript needed)', async () => {
    expect(pages).toBeGreaterThan(2);
    const v = await visit(browser, '/offres/', { javaScriptEnabled: false });
    const page = v.page;
    expect(await page.locator('li.offer-card').count()).toBe(OFFRES_PAR_PAGE);
    const nav = page.getByRole('navigation', { name: 'Pages des activités' });
    expect(await nav.locator('a[aria-current=page]').textContent()).toContain('1');
    expect(await nav.locator(`a[href="/offres/page/${pages}/"]`).count()).toBe(1);
    await screenshot(page, 'large-offres-page-1');
    // Every page, read as HTML (the pages are static), holds each offer exactly once; « Page suivante » leads on.
    const seen = new Set<string>();
    for (let n = 1; n <= pages; n++) {
      const html = await (await page.request.get(new URL(n === 1 ? '/offres/' : `/offres/page/${n}/`, page.url()).href)).text();
      const ids = [...html.matchAll(/class="card offer-card" data-id="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.length).toBe(n < pages ? OFFRES_PAR_PAGE : ds.offres.length - (pages - 1) * OFFRES_PAR_PAGE);
      for (const id of ids) {
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
    expect(seen.size).toBe(ds.offres.length);
    await nav.getByRole('link', { name: 'Page suivante' }).click();
    await page.waitForURL('**/offres/page/2/');
    expect(await nav.locator('a[aria-current=page]').textContent()).toContain('2');
    await page.goto(new URL(`/offres/page/${pages}/`, page.url()).href);
    expect(await nav.locator('a[rel=next]').count()).toBe(0);
    // Each need of the list leads to the page where its offers start (the last need with offers: a later page).
    const main = new Set(ds.offres.map((o) => o.thematiques[0]));
    const need = ds.territoire.thematiques.filter((t) => main.has(t.id)).at(-1)!;
    await page.getByRole('navigation', { name: 'Besoins' }).locator(`a[href$="#${need.id}"]`).click();
    expect(await page.locator(`h2#${need.id}`).count()).toBe(1);
    expect(v.externalRequests).toEqual([]);
    // axe runs in the page: with JavaScript this time, on a middle page.
    const js = await visit(browser, '/offres/page/2/');
    expect(await axeViolations(js.page)).toEqual([]);
    expect(js.consoleErrors).toEqual([]);
  }, 300_000);
});
