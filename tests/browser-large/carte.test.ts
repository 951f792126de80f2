/**
 * /carte/ on a large synthetic territory (npm run test:browser:large: thousands of offers over several
 * départements, built by scripts/bench/large-site.ts): the points come as tiles, the first view stays
 * under 1 MB, and a resident who pans from one département to the next sees the points there appear
 * on the map and in the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { axeViolations, launch, screenshot, visit } from '../browser/harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { indexFor } from '../../src/lib/records';
import { departement } from '../../src/lib/search/geo-codes';

const dataDir = path.resolve(process.env.TEST_DATA ?? 'bench/out/large/data');
const ds = loadDataset(dataDir).dataset!;
const idx = indexFor(ds);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Bytes a gzip-serving host would send: text compressed, binary (tiles, fonts) as is. */
function countBytes(page: Page): { total: () => number } {
  let total = 0;
  page.on('requestfinished', (r: Request) => {
    void r.response().then(async (res) => {
      if (!res) return;
      const body = await res.body().catch(() => Buffer.alloc(0));
      const type = res.headers()['content-type'] ?? '';
      total += /text|javascript|json|svg/.test(type) ? gzipSync(body, { level: 6 }).length : body.length;
    });
  });
  return { total: () => total };
}

async function ready(page: Page) {
  await page.waitForSelector('#carte-app[data-ready=true]', { timeout: 90_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
}

/** Offers listed beside the map, by département of their first place. */
async function listedDepts(page: Page): Promise<Map<string, number>> {
  const ids = await page.locator('.carte-liste[data-layer=offres] li[data-id]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id!));
  const out = new Map<string, number>();
  for (const id of ids) {
    const o = idx.offre(id);
    const c = o && idx.offerPoints(o)[0]?.commune;
    if (c) out.set(departement(c), (out.get(departement(c)) ?? 0) + 1);
  }
  return out;
}

/** Centre of the communes of a département that have offers. */
function centreOf(dept: string): { lat: number; lon: number } {
  const cs = [...ds.communes.values()].filter((c) => departement(c.code) === dept);
  return { lat: cs.reduce((s, c) => s + c.centre.lat, 0) / cs.length, lon: cs.reduce((s, c) => s + c.centre.lon, 0) / cs.length };
}

describe('/carte/ on a large territory', () => {
  it('is tiled: no list in the HTML, no single data file, and the first view weighs less than 1 MB', async () => {
    expect(ds.offres.length).toBeGreaterThanOrEqual(5000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const bytes = countBytes(page);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(`http://127.0.0.1:${process.env.TEST_PORT ?? 4399}/carte/`, { waitUntil: 'networkidle' });
    await ready(page);
    expect(urls.some((u) => u.startsWith('/carte/points.pmtiles'))).toBe(true);
    expect(urls).not.toContain('/carte/donnees.json');
    const html = await (await page.request.get(page.url())).text();
    expect(html.length).toBeLessThan(200_000);
    console.log(`première vue de /carte/ : ${(bytes.total() / 1024).toFixed(0)} Ko (gzip pour le texte), ${urls.length} requêtes`);
    expect(bytes.total()).toBeGreaterThan(100_000);
    expect(bytes.total()).toBeLessThan(1_000_000);
    // Groups with their count at the territory's zoom.
    await expect.poll(() => page.locator('#carte-compte').textContent()).toMatch(/regroupés sur la carte/);
    await screenshot(page, 'large-carte-vue-generale');
    await context.close();
  });

  it('shows the points of one département, then of the next after panning the map', async () => {
    const depts = [
      ...new Set(
        ds.offres.flatMap((o) =>
          idx
            .offerPoints(o)
            .slice(0, 1)
            .map((p) => departement(p.commune)),
        ),
      ),
    ].sort();
    expect(depts.length).toBeGreaterThanOrEqual(2);
    const [a, b] = [centreOf('33'), centreOf('24')];
    const v = await visit(browser, `/carte/?centre=${a.lat.toFixed(4)},${a.lon.toFixed(4)}&zoom=11`);
    const page = v.page;
    await ready(page);
    const first = await listedDepts(page);
    expect(first.get('33') ?? 0).toBeGreaterThan(5);
    await screenshot(page, 'large-carte-gironde');
    // Pan with the mouse, at a zoom where a drag crosses tens of km, then zoom back in. The map's centre
    // is read from the « Chercher autour du centre de la carte » link, which follows it.
    const box = (await page.locator('#carte').boundingBox())!;
    await page.locator('#carte canvas').focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await page.waitForTimeout(1500);
    const centre = async () => {
      const [lat, lon] = new URL((await page.locator('#carte-chercher-ici').getAttribute('href'))!, 'http://x').searchParams.get('ou')!.split(',').map(Number);
      return { lat: lat!, lon: lon! };
    };
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const drag = async (dx: number, dy: number) => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx / 2, cy + dy / 2, { steps: 5 });
      await page.mouse.move(cx + dx, cy + dy, { steps: 5 });
      await page.waitForTimeout(200);
      await page.mouse.up();
      await page.waitForTimeout(800);
    };
    // One drag measures degrees per pixel; the next ones aim at the other département.
    const c0 = await centre();
    await drag(-150, 0);
    const c1 = await centre();
    const degPerPx = (c1.lon - c0.lon) / 150;
    expect(degPerPx).toBeGreaterThan(0);
    for (let i = 0; i < 12; i++) {
      const c = await centre();
      if (Math.abs(c.lon - b.lon) < 0.05 && Math.abs(c.lat - b.lat) < 0.05) break;
      const dx = Math.max(-250, Math.min(250, (c.lon - b.lon) / degPerPx));
      // Dragging down moves the view north; a degree of latitude is 1/cos(lat) degrees of longitude on screen.
      const dy = Math.max(-250, Math.min(250, (b.lat - c.lat) / (degPerPx * Math.cos((c.lat * Math.PI) / 180))));
      await drag(dx, dy);
    }
    const arrived = await centre();
    expect(Math.abs(arrived.lon - b.lon)).toBeLessThan(0.15);
    await page.keyboard.press('=');
    await page.keyboard.press('=');
    await ready(page);
    const second = await listedDepts(page);
    expect(second.get('24') ?? 0).toBeGreaterThan(5);
    expect(second.get('24') ?? 0).toBeGreaterThan(second.get('33') ?? 0);
    // The listed points are drawn: symbols of the thématiques on the canvas (not only the basemap).
    expect(await page.locator('.carte-liste[data-layer=offres] li[data-id] button[data-montrer]').count()).toBeGreaterThan(0);
    await screenshot(page, 'large-carte-dordogne');
    expect(v.externalRequests).toEqual([]);
    // Tile requests MapLibre cancels while the map moves are not failures.
    expect(v.failedRequests.filter((r) => !r.endsWith('net::ERR_ABORTED'))).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
