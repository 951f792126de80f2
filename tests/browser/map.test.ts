/**
 * The map as a resident would use it: /carte/ draws the generated basemap and the data layers (checked
 * by pixels), lists exactly what has a place on the map, opens popups from the keyboard, follows the
 * list, and never asks anything from outside the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { PNG } from './png';
import { axeViolations, launch, screenshot, visit } from './harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { indexFor } from '../../src/lib/records';
import { lieuThemes } from '../../src/lib/needs';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const ds = loadDataset(path.resolve('data')).dataset!;
const idx = indexFor(ds);
const offersOnMap = ds.offres.filter((o) => idx.offerPoints(o).length > 0);
/** Records with a place on the map by default: offers on site or itinerant, lieux, équipes (areas). */
const located = offersOnMap.length + ds.lieux.length + ds.equipes.length;

async function waitForMap(page: Page) {
  await page.waitForSelector('#carte-app[data-interactive=true]', { timeout: 60_000 });
  // Let tiles and symbols settle.
  await page.waitForFunction(() => !document.querySelector('.carte-map .maplibregl-canvas-container')?.classList.contains('maplibregl-interactive') || true);
  await page.waitForTimeout(1500);
}

type Pixels = { png: PNG; count: (pred: (r: number, g: number, b: number) => boolean) => number };
/** Pixel colours of an element's screenshot, counted by a predicate. */
async function pixels(page: Page, selector: string, name?: string): Promise<Pixels> {
  const buf = await page.locator(selector).screenshot(name ? { path: `tests/browser/screenshots/${name}.png` } : {});
  const png = PNG.decode(buf);
  const count = (pred: (r: number, g: number, b: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < png.data.length; i += 4) if (pred(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!)) n++;
    return n;
  };
  return { png, count };
}
/** Pixel colours of the map canvas. */
const mapPixels = (page: Page, name?: string) => pixels(page, '#carte', name);
const hex = (h: string) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)] as const;
const near =
  (c: readonly number[], tol = 24) =>
  (r: number, g: number, b: number) =>
    Math.abs(r - c[0]!) <= tol && Math.abs(g - c[1]!) <= tol && Math.abs(b - c[2]!) <= tol;

describe('/carte/', () => {
  it('draws the basemap and the data layers, lists every located record, stays on the site', async () => {
    expect(located).toBeGreaterThan(200);
    const v = await visit(browser, '/carte/');
    const { page } = v;
    await waitForMap(page);
    await screenshot(page, 'carte-territoire');
    await expect(page.locator('#liste-titre').textContent()).resolves.toBe('Dans la zone affichée');

    // The list for the full view: every record that has a place on the map.
    await expect(page.locator('.carte-liste li:visible').count()).resolves.toBe(located);
    await expect(page.locator('#carte-compte [data-total]').textContent()).resolves.toBe(String(located));
    await expect(page.locator('[data-section=domicile]').isHidden()).resolves.toBe(true);

    const { count, png } = await mapPixels(page, 'carte-territoire-carte');
    const total = png.width * png.height;
    // Basemap: the paper colour inside the territory and the dimmed outside, both widely present.
    expect(count(near(hex('#f6f4ef'), 6)) / total, 'fond clair du territoire').toBeGreaterThan(0.2);
    expect(count((r, g, b) => r < 215 && r > 160 && Math.abs(r - g) < 12 && Math.abs(g - b) < 14) / total, 'extérieur grisé').toBeGreaterThan(0.05);
    // Data layers: cluster rings (dark blue) and équipes (purple) are drawn.
    expect(count(near(hex('#1f3a5f'), 30)), 'groupes de points').toBeGreaterThan(200);
    expect(count(near(hex('#5b3f8c'), 40)), 'contours des équipes').toBeGreaterThan(100);
    // Commune names are text drawn from our own font: dark label pixels exist.
    expect(count(near(hex('#3b3731'), 30)), 'noms de communes').toBeGreaterThan(300);

    expect(v.externalRequests, 'requêtes hors de 127.0.0.1').toEqual([]);
    expect(v.failedRequests, 'requêtes en échec').toEqual([]);
    expect(v.consoleErrors, 'erreurs console').toEqual([]);
    expect(await axeViolations(page), 'violations axe').toEqual([]);
  });

  it('opens a popup from the keyboard, from the list and on the map canvas', async () => {
    const v = await visit(browser, '/carte/');
    const { page } = v;
    await waitForMap(page);
    const first = offersOnMap.sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))[0]!;
    // From the list: Tab to the button, Enter.
    const button = page.locator(`li[data-id="${first.id}"][data-layer=offres] button[data-montrer]`);
    await button.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    await expect(popup.locator('.carte-popup-titre').textContent()).resolves.toBe(first.nom);
    await expect(popup.locator('a.carte-popup-lien').textContent()).resolves.toBe(`Voir la fiche : ${first.nom}`);
    await expect(popup.locator('a.carte-popup-lien').getAttribute('href')).resolves.toBe(`/offres/${first.id}/`);
    await page.waitForTimeout(1500);
    await screenshot(page, 'carte-rue');
    await mapPixels(page, 'carte-rue-carte');
    // The list now shows what is around that place, the chosen offer included.
    await expect(page.locator(`li[data-id="${first.id}"]`).first().isVisible()).resolves.toBe(true);
    const shown = await page.locator('.carte-liste li:visible').count();
    expect(shown).toBeLessThan(located);
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(popup.count()).resolves.toBe(0);
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

    // On the canvas: the offer is at the centre now; Enter opens what is under the crosshair.
    await page.locator('#carte canvas').focus();
    await page.keyboard.press('Enter');
    await popup.waitFor();
    await expect(popup.locator('a.carte-popup-lien').count()).resolves.toBe(1);
    // Street level: zoom in with the keyboard and look.
    await page.keyboard.press('Escape');
    await page.locator('#carte canvas').focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('Equal');
    await page.waitForTimeout(1500);
    await mapPixels(page, 'carte-rue-z15');
    // "Où" for the search can be the point under the crosshair: the link follows the map centre.
    const href = await page.locator('#carte-chercher-ici').getAttribute('href');
    const [lat, lon] = /ou=(-?[\d.]+),(-?[\d.]+)$/
      .exec(href ?? '')!
      .slice(1)
      .map(Number);
    // The map flew to the offer and only zoomed since: its centre is the offer's place.
    const at = idx.offerPoints(first)[0]!;
    expect(Math.abs(lat! - at.lat)).toBeLessThan(0.01);
    expect(Math.abs(lon! - at.lon)).toBeLessThan(0.01);
    await page.locator('#carte-chercher-ici').click();
    await page.waitForURL(/\/recherche\/\?ou=/);
    await page.locator('#resultats .card.result').first().waitFor();
    expect(v.externalRequests).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
  });

  it('without WebGL: says so, keeps the whole list and points to the activities', async () => {
    const noGl = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-webgl'],
    });
    try {
      const v = await visit(noGl, '/carte/');
      await expect(v.page.locator('#carte-etat').textContent()).resolves.toContain('ne peut pas afficher la carte interactive');
      await expect(v.page.locator('#carte-etat a[href="/offres/"]').count()).resolves.toBe(1);
      // The overview drawn at build time stays; no button offers a map that cannot come.
      await expect(v.page.locator('#carte-apercu svg').isVisible()).resolves.toBe(true);
      await expect(v.page.locator('#carte-activer').isVisible()).resolves.toBe(false);
      await expect(v.page.locator('#carte').isHidden()).resolves.toBe(true);
      await expect(v.page.locator('.carte-liste li:visible').count()).resolves.toBe(located);
      // The filters still work on the list.
      await v.page.selectOption('#f-mode', 'itinerant');
      await expect(v.page.locator('.carte-liste li:visible').count()).resolves.toBe(ds.offres.filter((o) => o.mode.type === 'itinerant').length);
      expect(v.consoleErrors).toEqual([]);
    } finally {
      await noGl.close();
    }
  });

  it('filters the list and the map together, and the legend switches layers', async () => {
    const v = await visit(browser, '/carte/?thematique=numerique');
    const { page } = v;
    await waitForMap(page);
    // Offers of the need, and the lieux the territory maps onto it (médiation numérique, France services).
    const numerique =
      offersOnMap.filter((o) => o.thematiques.includes('numerique')).length +
      ds.lieux.filter((l) => lieuThemes(l, ds.territoire.thematiques).includes('numerique')).length;
    expect(numerique).toBeGreaterThan(0);
    await expect(page.locator('.carte-liste li:visible').count()).resolves.toBe(numerique);
    await page.selectOption('#f-thematique', '');
    await page.getByLabel('Lieux du lien').uncheck();
    await expect(page.locator('.carte-liste li:visible').count()).resolves.toBe(offersOnMap.length + ds.equipes.length);
    expect(page.url()).toContain('couches=');
    // The zones at home are fetched on demand only.
    const zones = page.waitForResponse((r) => r.url().endsWith('/carte/domicile.json') && r.ok());
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/domicile.json')))).toBe(false);
    await page.getByLabel('Services à domicile (communes desservies)').check();
    await zones;
    await page.waitForTimeout(1000);
    const { count } = await mapPixels(page, 'carte-domicile');
    // The zones are outlined in their thématique's colour (dotted): at least one colour of the catalogue shows.
    const drawn = ds.territoire.thematiques.filter((t) => count(near(hex(t.couleur), 18)) > 50);
    expect(drawn.length).toBeGreaterThan(0);
    const domicile = ds.offres.filter((o) => o.mode.type === 'a_domicile').length;
    await expect(page.locator('[data-section=domicile] li:visible').count()).resolves.toBe(domicile);
  });

  it('without JavaScript: the whole list and a link to the activities', async () => {
    const v = await visit(browser, '/carte/', { javaScriptEnabled: false });
    const n = await v.page.locator('.carte-liste li').count();
    expect(n).toBe(located + ds.offres.filter((o) => o.mode.type === 'a_domicile').length);
    await expect(v.page.locator('noscript').innerHTML()).resolves.toContain('href="/offres/"');
    expect(v.externalRequests).toEqual([]);
  });
});

describe('/carte/ on a phone (390 × 844): the overview first, the map when asked', () => {
  const phone = { width: 390, height: 844 };
  const mapScripts = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((u) => /maplibre|donnees\.json/.test(u)),
    );

  it('draws the territory and every point without the map library; the points follow the filters; the button opens the map', async () => {
    const v = await visit(browser, '/carte/', phone);
    const { page } = v;
    await page.waitForSelector('#carte-app[data-ready=true]', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'carte-telephone-apercu');
    expect(await mapScripts(page), 'rien de la carte interactive avant la demande').toEqual([]);
    // Every point of the map (offers' places and stops, lieux) is a mark of the overview, in the first screen.
    const points = offersOnMap.reduce((n, o) => n + idx.offerPoints(o).length, 0) + ds.lieux.length;
    await expect(page.locator('#carte-apercu [data-k]').count()).resolves.toBe(points);
    const box = (await page.locator('#carte-apercu svg').boundingBox())!;
    expect(box.y + box.height / 2, 'aperçu dans le premier écran').toBeLessThan(844);
    const drawing = await pixels(page, '#carte-apercu svg', 'carte-telephone-apercu-dessin');
    const area = drawing.png.width * drawing.png.height;
    expect(drawing.count(near(hex('#fbfaf7'), 6)) / area, 'communes dessinées (fichier /carte/apercu.svg)').toBeGreaterThan(0.1);
    expect(drawing.count(near(hex('#2b2b2b'), 20)), 'carrés des lieux').toBeGreaterThan(100);
    expect(await axeViolations(page), 'violations axe').toEqual([]);

    // The drawing shows what the list shows: a filter hides the same records in both.
    await page.selectOption('#f-thematique', 'numerique');
    const shownMarks = new Set(await page.locator('#carte-apercu [data-k]:not([hidden])').evaluateAll((els) => els.map((e) => e.getAttribute('data-k')!)));
    const shownEntries = new Set(
      await page
        .locator('.carte-liste li[data-layer=offres]:visible, .carte-liste li[data-layer=lieux]:visible')
        .evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.layer}:${(li as HTMLElement).dataset.id}`)),
    );
    expect(shownMarks.size).toBeGreaterThan(0);
    expect(shownMarks.size).toBeLessThan(points);
    expect([...shownMarks].sort()).toEqual([...shownEntries].sort());

    // Asked from the keyboard: the map loads, takes the overview's place and the focus, with the filter on.
    await page.locator('#carte-activer').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#carte-app[data-interactive=true]', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    await screenshot(page, 'carte-telephone-interactive');
    expect((await mapScripts(page)).some((u) => u.includes('maplibre-gl'))).toBe(true);
    await expect(page.locator('#carte-apercu').isHidden()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    const { count } = await mapPixels(page, 'carte-telephone-interactive-carte');
    expect(count(near(hex('#f6f4ef'), 6)), 'fond de carte').toBeGreaterThan(10_000);
    await expect(page.locator('#f-thematique').inputValue()).resolves.toBe('numerique');
    expect(v.externalRequests).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
  });

  it('« Voir sur la carte » in the list opens the map on that record', async () => {
    const v = await visit(browser, '/carte/', phone);
    const { page } = v;
    await page.waitForSelector('#carte-app[data-ready=true]', { timeout: 60_000 });
    const lieu = [...ds.lieux].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))[0]!;
    await page.locator(`li[data-id="${lieu.id}"][data-layer=lieux] button[data-montrer]`).click();
    await page.waitForSelector('#carte-app[data-interactive=true]', { timeout: 60_000 });
    const popup = page.locator('.maplibregl-popup');
    await popup.waitFor();
    await expect(popup.locator('.carte-popup-titre').textContent()).resolves.toBe(lieu.nom);
    await screenshot(page, 'carte-telephone-voir');
    expect(v.consoleErrors).toEqual([]);
  });
});

describe('small maps of the fiches', () => {
  /** Static SVG drawn at build time: no map script on the page (the site's small selection script is not one), the item in the picture, a link to /carte/. */
  async function miniMap(url: string, name: string) {
    const v = await visit(browser, url);
    const scripts: string[] = await v.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => /\.m?js(\?|$)/.test(u) && /maplibre|pmtiles|mini|engine|carte/i.test(u)),
    );
    await v.page.locator('figure.minimap svg').scrollIntoViewIfNeeded();
    const { png, count } = await pixels(v.page, 'figure.minimap svg', name);
    const paper = count(near(hex('#fbfaf7'), 6));
    const purple = count(near(hex('#5b3a8c'), 40));
    expect(scripts, 'aucun script pour une petite carte').toEqual([]);
    expect(await v.page.locator('figure.minimap a[href^="/carte/"]').count()).toBe(1);
    expect(v.externalRequests).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(await axeViolations(v.page)).toEqual([]);
    return { paper: paper / (png.width * png.height), purple };
  }

  it('a lieu: its marker among the neighbouring communes', async () => {
    const l = ds.lieux[0]!;
    const px = await miniMap(`/lieux/${l.id}/`, 'minicarte-lieu');
    expect(px.paper).toBeGreaterThan(0.3);
    expect(px.purple, 'repère du lieu').toBeGreaterThan(150);
  });

  it('an équipe: the merged area of its communes', async () => {
    const e = ds.equipes[0]!;
    const px = await miniMap(`/equipes/${e.id}/`, 'minicarte-equipe');
    expect(px.purple, 'contour de la zone').toBeGreaterThan(400);
  });
});

describe('weight', () => {
  /** JavaScript a page loads once its map (if any) is drawn, in bytes gzipped (as a server would send it). */
  async function jsWeight(url: string, waitFor?: string): Promise<{ gzip: number; files: string[] }> {
    const v = await visit(browser, url);
    const files = new Set<string>();
    v.page.on('request', (r) => {
      if (/\.m?js(\?|$)/.test(r.url())) files.add(new URL(r.url()).pathname);
    });
    // Requests made before the listener: read them from the performance timeline.
    if (waitFor) await v.page.waitForSelector(waitFor, { timeout: 60_000 });
    const seen = await v.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    for (const u of seen) if (/\.m?js(\?|$)/.test(u)) files.add(new URL(u).pathname);
    let gzip = 0;
    for (const f of files) gzip += gzipSync(readFileSync(path.join('dist', f))).length;
    return { gzip, files: [...files] };
  }

  it('maplibre is loaded by /carte/ only, not by the list of activities', async () => {
    const carte = await jsWeight('/carte/', '#carte-app[data-interactive=true]');
    const offres = await jsWeight('/offres/');
    console.log(carte.files.join(' '));
    console.log(
      `JS gzip : /carte/ ${(carte.gzip / 1024).toFixed(1)} Kio (${carte.files.length} fichiers) ; /offres/ ${(offres.gzip / 1024).toFixed(1)} Kio (${offres.files.length} fichiers)`,
    );
    expect(carte.files.some((f) => f.includes('maplibre-gl'))).toBe(true);
    expect(offres.files.some((f) => f.includes('maplibre'))).toBe(false);
    expect(offres.gzip).toBeLessThan(50 * 1024);
  });
});
