/**
 * /carte/ on a large synthetic territory (npm run test:browser:large: thousands of offers over several
 * départements, built by scripts/bench/large-site.ts): the points come as tiles, the first view stays
 * under 1 MB, and a resident who pans from one département to the next sees the points there appear
 * on the map and in the list. The filters follow the list map's rule (an équipe stays for the needs it
 * fills), the URL restores them (?mode=a_domicile shows the zones), a fiche's « Voir sur la carte » opens
 * the record, and groups count what the filters show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { axeViolations, launch, screenshot, visit } from '../browser/harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { indexFor } from '../../src/lib/records';
import { departement } from '../../src/lib/search/geo-codes';
import { teamThemes } from '../../src/lib/needs';

const dataDir = path.resolve(process.env.TEST_DATA ?? 'bench/out/large/data');
const ds = loadDataset(dataDir).dataset!;
const idx = indexFor(ds);

let browser: Browser;
/** The map redraws after a filter on a machine that may be busy: wait for it, not for a fixed time. */
const POLL = { timeout: 20_000, interval: 250 };
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
  await page.waitForSelector('#carte-app[data-interactive=true]', { timeout: 90_000 });
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
    // The list follows the zoom once the map is idle: on a busy machine, after the zoom's animation.
    await expect.poll(async () => (await listedDepts(page)).get('24') ?? 0, POLL).toBeGreaterThan(5);
    const second = await listedDepts(page);
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

  it('keeps an équipe citoyenne for a need it fills, hides it for one it does not, and keeps the lieux', async () => {
    const cat = ds.territoire.thematiques;
    const team = ds.equipes.find((e) => teamThemes(e, cat).length > 0)!;
    const need = teamThemes(team, cat)[0]!;
    const other = cat.find((t) => !teamThemes(team, cat).includes(t.id))!.id;
    const c = ds.communes.get(team.communes[0]!)!.centre;
    const v = await visit(browser, `/carte/?thematique=${need}&centre=${c.lat.toFixed(4)},${c.lon.toFixed(4)}&zoom=11`);
    const page = v.page;
    await ready(page);
    expect(await page.locator('#f-thematique').inputValue()).toBe(need);
    const teamListed = () => page.locator(`.carte-liste[data-layer=equipes] li[data-id="${team.id}"]`).count();
    await expect.poll(teamListed, POLL).toBe(1);
    expect(await page.locator('[data-section=lieux]').isHidden()).toBe(false);
    await page.locator('#carte').scrollIntoViewIfNeeded();
    await screenshot(page, 'large-carte-filtre-equipe-z11');
    await page.selectOption('#f-thematique', other);
    await expect.poll(teamListed, POLL).toBe(0);
    expect(page.url()).toContain(`thematique=${other}`);
    expect(v.consoleErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('restores ?mode=a_domicile as the list map does: the zones of offers at home are switched on and listed', async () => {
    const home = ds.offres.find((o) => o.mode.type === 'a_domicile')!;
    const c = ds.communes.get((home.mode as { communes: string[] }).communes[0]!)!.centre;
    const v = await visit(browser, `/carte/?mode=a_domicile&centre=${c.lat.toFixed(4)},${c.lon.toFixed(4)}&zoom=10`);
    const page = v.page;
    await ready(page);
    expect(await page.locator('#f-mode').inputValue()).toBe('a_domicile');
    expect(await page.locator('#couche-domicile').isChecked()).toBe(true);
    await expect.poll(() => page.locator('.carte-liste[data-layer=domicile] li[data-id]').count(), POLL).toBeGreaterThan(0);
    // Offers on site do not pass « à domicile »: no exact point of them is listed.
    expect(await page.locator('.carte-liste[data-layer=offres] li[data-id]').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('couches')).toContain('domicile');
    expect(v.consoleErrors).toEqual([]);
  });

  it('counts in the groups only what the filter shows', async () => {
    const v = await visit(browser, '/carte/');
    const page = v.page;
    await ready(page);
    const grouped = async () => Number(/(\d+) autres, regroupés/.exec((await page.locator('#carte-compte').textContent()) ?? '')?.[1] ?? 0);
    const all = await grouped();
    expect(all).toBeGreaterThan(1000);
    const need = ds.territoire.thematiques[0]!.id;
    await page.selectOption('#f-thematique', need);
    await expect.poll(grouped, POLL).toBeLessThan(all);
    const some = await grouped();
    expect(some).toBeGreaterThan(0);
    // The points of that need (offers and lieux): the groups in view hold most of them.
    const withNeed = ds.offres.filter((o) => o.thematiques.includes(need) && o.mode.type !== 'a_domicile' && o.mode.type !== 'a_distance').length;
    expect(some).toBeLessThan(all / 2);
    expect(some).toBeGreaterThan(withNeed / 3);
    await page.locator('#carte').scrollIntoViewIfNeeded();
    await screenshot(page, 'large-carte-filtre-vue-generale');
    expect(v.consoleErrors).toEqual([]);
  });

  it.each([
    ['an offer on site', () => ds.offres.find((o) => o.mode.type === 'sur_place')!, (id: string) => `/offres/${id}/`],
    ['an offer at home', () => ds.offres.find((o) => o.mode.type === 'a_domicile')!, (id: string) => `/offres/${id}/`],
    ['an équipe', () => ds.equipes[0]!, (id: string) => `/equipes/${id}/`],
    ['a lieu', () => ds.lieux[0]!, (id: string) => `/lieux/${id}/`],
  ] as const)('opens %s from its fiche’s « Voir sur la carte » (?voir=)', async (_, pick, fiche) => {
    const r = pick();
    const v = await visit(browser, fiche(r.id));
    const href = (await v.page.locator('.minimap figcaption a').getAttribute('href'))!;
    expect(href).toContain(`voir=${encodeURIComponent(r.id)}`);
    await v.page.goto(new URL(href, v.page.url()).href, { waitUntil: 'networkidle' });
    await ready(v.page);
    await expect.poll(() => v.page.locator('.maplibregl-popup .carte-popup-titre').textContent(), POLL).toBe(r.nom);
    if (r.id === ds.offres.find((o) => o.mode.type === 'sur_place')!.id) await screenshot(v.page, 'large-carte-voir-offre');
    expect(v.consoleErrors).toEqual([]);
  });
});
