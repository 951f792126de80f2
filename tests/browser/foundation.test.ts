/**
 * What a resident or a prescriber does on the static site: open the home page, a fiche of each kind and a
 * commune page, read the key facts, with no console error, no request leaving the site, and no axe violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readdirSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { axeViolations, launch, screenshot, visit } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const load = <T>(f: string) => parse(readFileSync(`data/${f}.yaml`, 'utf8')) as T[];
type Rec = { id: string; nom: string; exemple?: boolean };

async function clean(path: string, name: string) {
  const v = await visit(browser, path);
  await screenshot(v.page, name);
  expect(v.consoleErrors, 'erreurs console').toEqual([]);
  expect(v.externalRequests, 'requêtes hors du site').toEqual([]);
  expect(v.failedRequests, 'requêtes en échec').toEqual([]);
  expect(await axeViolations(v.page), 'violations axe').toEqual([]);
  return v.page;
}

describe('pages of the static site', () => {
  it('home: explains the site and offers a search by commune and by need', async () => {
    const page = await clean('/', 'accueil');
    await expect(page.locator('h1').textContent()).resolves.toBe('Rester en lien, près de chez soi');
    await expect(page.getByLabel('Commune ou code postal').count()).resolves.toBe(1);
    await expect(page.getByLabel('Besoin').locator('option').count()).resolves.toBe(11);
  });

  it('offer fiche: what, for whom, when in plain French, where, cost, contact, porteur, verified, example notice', async () => {
    const page = await clean('/offres/bus-du-lien-pays-du-dropt/', 'fiche-offre-itinerante');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Exemple de démonstration');
    expect(text).toContain('Pour qui');
    expect(text).toContain('Itinérant');
    expect(text).toContain('13 arrêts');
    await expect(page.locator('ol.stops > li').count()).resolves.toBe(13);
    expect(text).toMatch(/Le 1er et le 3e lundi du mois de 9 h 30 à 11 h 30/);
    expect(text).toMatch(/Prochaine date : lundi \d+ \S+ 20\d\d, de 9 h 30 à 11 h 30/);
    expect(text).toContain('Gratuit');
    expect(text).toMatch(/Informations vérifiées le \d+(er)? \S+ 20\d\d/);
    await expect(page.locator('a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[href^="/structures/"]').count()).resolves.toBe(1);
  });

  it('lieu fiche (real France services): address, opening hours in French, phone, source and staleness', async () => {
    const page = await clean('/lieux/france-services-duras/', 'fiche-lieu');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('14 Boulevard Jean Brisseau, 47120 Duras');
    expect(text).toContain('Les lundis et mardis de 9 h à 12 h 30 et de 13 h 30 à 18 h');
    expect(text).toContain('05 53 20 38 38');
    expect(text).toContain('ANCT, liste des France services');
    expect(text).toContain('plus de 12 mois');
    expect(text).not.toContain('Exemple de démonstration');
  });

  it('équipe fiche: communes covered, activities, contact', async () => {
    const equipe = load<Rec & { communes: string[] }>('equipes')[0]!;
    const page = await clean(`/equipes/${equipe.id}/`, 'fiche-equipe');
    await expect(page.locator('h1').textContent()).resolves.toBe(equipe.nom);
    expect(await page.locator('main').innerText()).toContain(`Communes couvertes (${equipe.communes.length})`);
    await expect(page.locator('main a[href^="/communes/"]').count()).resolves.toBe(equipe.communes.length);
    expect(await page.locator('.notice').innerText()).toContain('Exemple de démonstration');
  });

  it('structure fiche: lists its offers', async () => {
    const structure = load<Rec>('structures').find((s) => s.id === 'fil-ecoute-47') ?? load<Rec>('structures')[0]!;
    const offres = load<Rec & { porteur: string }>('offres').filter((o) => o.porteur === structure.id);
    const page = await clean(`/structures/${structure.id}/`, 'fiche-structure');
    expect(await page.locator('main').innerText()).toContain(`Activités proposées (${offres.length})`);
    await expect(page.locator('.offer-card').count()).resolves.toBe(offres.length);
  });

  it('commune page: on-site offers nearby sorted by distance, at home, teams, at a distance', async () => {
    const page = await clean('/communes/47195/', 'commune-nerac');
    await expect(page.locator('h1').textContent()).resolves.toBe('Nérac');
    const distances = await page.locator('#pres .offer-card').evaluateAll((cards) =>
      cards.map((c) =>
        Number(
          /à ([\d,]+) (k?m)/
            .exec(c.textContent ?? '')
            ?.slice(1)
            .reduce((n, u) => (u === 'm' ? Number(n) / 1000 : Number(String(n).replace(',', '.'))) as never) ?? NaN,
        ),
      ),
    );
    expect(distances.length).toBeGreaterThan(0);
    expect(distances.every((d) => Number.isFinite(d))).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const equipes = load<Rec & { communes: string[] }>('equipes').filter((e) => e.communes.includes('47195'));
    await expect(page.locator('#equipes .card').count()).resolves.toBe(equipes.length);
    const remote = load<Rec & { mode: { type: string } }>('offres').filter((o) => o.mode.type === 'a_distance');
    await expect(page.locator('#distance .offer-card').count()).resolves.toBe(Math.min(remote.length, 12));
    const all = await clean('/a-distance/', 'a-distance');
    await expect(all.locator('.offer-card').count()).resolves.toBe(remote.length);
  });

  it('is readable without JavaScript', async () => {
    const v = await visit(browser, '/offres/bus-du-lien-pays-du-dropt/', { javaScriptEnabled: false });
    expect(await v.page.locator('h1').isVisible()).toBe(true);
    expect(await v.page.locator('ol.stops > li').count()).toBe(13);
  });

  it('holds text at 200 % on a phone screen without horizontal scrolling', async () => {
    // A 320 px wide phone at 200 % text: 640 px layout with the root font doubled (19 px → 38 px).
    for (const path of ['/offres/bus-du-lien-pays-du-dropt/', '/communes/47195/', '/', '/carte/']) {
      const v = await visit(browser, path, { width: 640, height: 900 });
      // Through the CSSOM: the page's CSP (rightly) refuses an injected <style> element.
      await v.page.evaluate(() => document.documentElement.style.setProperty('font-size', '237.5%', 'important'));
      if (path === '/') await screenshot(v.page, 'accueil-200pc');
      const overflow = await v.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      if (path === '/carte/') {
        // The overview's button stays whole inside the map box (which hides what overflows it).
        await screenshot(v.page, 'carte-200pc');
        const box = (await v.page.locator('.carte-boite').boundingBox())!;
        const button = (await v.page.locator('#carte-activer').boundingBox())!;
        expect(button.y, 'bouton dans la boîte').toBeGreaterThanOrEqual(box.y);
        expect(button.y + button.height, 'bouton entier').toBeLessThanOrEqual(box.y + box.height);
      }
    }
  });
});

describe('one page per record', () => {
  it('every record of data/ has its page, and no more', () => {
    for (const kind of ['offres', 'lieux', 'equipes', 'structures']) {
      const ids = load<Rec>(kind)
        .map((r) => r.id)
        .sort();
      const pages = readdirSync(`dist/${kind}`, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(`dist/${kind}/${d.name}/index.html`))
        .map((d) => d.name)
        .sort();
      expect(pages, kind).toEqual(ids);
    }
    const communes = (parse(readFileSync('data/territoire.yaml', 'utf8')) as { communes: string[] }).communes;
    expect(readdirSync('dist/communes', { withFileTypes: true }).filter((d) => d.isDirectory()).length).toBe(communes.length);
  });
});
