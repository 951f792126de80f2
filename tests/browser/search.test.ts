/**
 * /recherche/ in Chromium against the built site and the real example data: what a resident typing a
 * place and a need would check. Expectations are computed from the dataset, not copied from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, BASE, launch, screenshot, visit } from './harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { distanceKm, indexFor } from '../../src/lib/records';
import { tokenize } from '../../src/lib/search/tokens';

const ds = loadDataset('data').dataset!;
const idx = indexFor(ds);
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ready = (page: Page) => page.waitForSelector('html[data-recherche="prete"]');
async function rendered(page: Page, action: () => Promise<unknown>) {
  const done = page.evaluate(() => new Promise((r) => document.addEventListener('recherche:rendu', r, { once: true })));
  await action();
  await done;
}
const nearIds = (page: Page) => page.locator('#liste-near > li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
/** "à 850 m · …" / "à 2,3 km · …" → km. */
const km = (s: string) => {
  const m = /à ([\d  ,]+) (m|km)/.exec(s)!;
  const v = Number(m[1]!.replace(/[  ]/g, '').replace(',', '.'));
  return m[2] === 'm' ? v / 1000 : v;
};

describe('/recherche/', () => {
  it('"agen" + activité physique lists the nearest such offers first, with their distances', async () => {
    const v = await visit(browser, '/recherche/');
    const { page } = v;
    await ready(page);
    await page.locator('#ou-texte').pressSequentially('agen');
    const first = page.locator('#ou-liste li').first();
    await expect.poll(() => first.textContent()).toContain('Agen');
    await rendered(page, () => first.click());
    await rendered(page, () => page.getByLabel('Activité physique adaptée').check());
    expect(page.url()).toContain('ou=47001');
    expect(page.url()).toContain('thematique=activite-physique');

    // Expected order, computed from the data: offers of that need with a place, by nearest point to Agen.
    const agen = ds.communes.get('47001')!.centre;
    const expected = ds.offres
      .filter((o) => o.thematiques.includes('activite-physique') && idx.offerPoints(o).length)
      .map((o) => ({ id: o.id, d: Math.min(...idx.offerPoints(o).map((p) => distanceKm(agen, p))) }))
      .sort((a, b) => a.d - b.d);
    expect(expected.length).toBeGreaterThan(3);
    const ids = await nearIds(page);
    expect(ids.slice(0, 3)).toEqual(expected.slice(0, 3).map((e) => e.id));
    const where = await page.locator('#liste-near > li .where').allTextContents();
    const dists = where.map(km);
    expect(dists[0]).toBeCloseTo(expected[0]!.d, 1);
    for (let i = 1; i < dists.length; i++) expect(dists[i]!).toBeGreaterThanOrEqual(dists[i - 1]!);
    await expect.poll(() => page.locator('#statut').textContent()).toMatch(/résultats? autour d'Agen/);

    // Home offers covering Agen show up in their own group.
    const homeAgen = ds.offres.filter((o) => o.thematiques.includes('activite-physique') && idx.homeCommunes(o).includes('47001'));
    const home = await page.locator('#liste-home > li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
    expect(home.sort()).toEqual(homeAgen.map((o) => o.id).sort());

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/browser/screenshots/recherche-agen.png', fullPage: true });
    expect(v.consoleErrors).toEqual([]);
    expect(v.externalRequests).toEqual([]);
    expect(v.failedRequests).toEqual([]);

    // Reloading the URL gives the same results in the same order.
    const again = await visit(browser, new URL(page.url()).pathname + new URL(page.url()).search);
    await ready(again.page);
    expect(await nearIds(again.page)).toEqual(ids);
    expect(await again.page.getByLabel('Activité physique adaptée').isChecked()).toBe(true);
    expect(await again.page.locator('#ou-texte').inputValue()).toContain('Agen');
    await again.page.context().close();
    await page.context().close();
  });

  it('"villeneuve sur lot" without accents or hyphens finds Villeneuve-sur-Lot, by keyboard', async () => {
    const { page } = await visit(browser, '/recherche/');
    await ready(page);
    const input = page.locator('#ou-texte');
    await input.pressSequentially('villeneuve sur lot');
    await expect.poll(() => page.locator('#ou-liste li').first().textContent()).toContain('Villeneuve-sur-Lot');
    await screenshot(page, 'recherche-villeneuve');
    await rendered(page, async () => {
      await input.press('ArrowDown');
      expect(await input.getAttribute('aria-activedescendant')).toBe('ou-opt-0');
      await input.press('Enter');
    });
    expect(new URL(page.url()).searchParams.get('ou')).toBe('47323');
    await expect.poll(() => page.locator('#statut').textContent()).toContain('Villeneuve-sur-Lot');
    // A postal code works too.
    await input.fill('');
    await input.pressSequentially('47600');
    await expect.poll(() => page.locator('#ou-liste li').first().textContent()).toContain('Nérac');
    await page.context().close();
  });

  it('a commune covered by an example équipe shows that équipe', async () => {
    const team = ds.equipes.find((e) => e.exemple && e.communes.length > 1)!;
    const code = team.communes[team.communes.length - 1]!;
    const nom = ds.communes.get(code)!.nom;
    const { page } = await visit(browser, `/recherche/?ou=${code}`);
    await ready(page);
    const card = page.locator(`#liste-home > li[data-id="${team.id}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('h3').textContent()).toBe(team.nom);
    expect(await card.locator('.where').textContent()).toBe(`Des bénévoles viennent à domicile à ${nom}`);
    expect(await card.locator('a').getAttribute('href')).toBe(`/equipes/${team.id}/`);
    // …and not in a commune it does not cover.
    const elsewhere = [...ds.communes.keys()].find((c) => !ds.equipes.some((e) => e.communes.includes(c)))!;
    const other = await visit(browser, `/recherche/?ou=${elsewhere}`);
    await ready(other.page);
    expect(await other.page.locator(`li[data-id="${team.id}"]`).count()).toBe(0);
    await other.page.context().close();
    await page.context().close();
  });

  it('words typed filter the results and the back button restores the previous search', async () => {
    const { page } = await visit(browser, '/recherche/?ou=47001');
    await ready(page);
    const count = async () => Number(/\((\d+)\)/.exec((await page.locator('#g-near').textContent())!)![1]);
    const all = await count();
    await rendered(page, () => page.locator('#q').fill('marche'));
    await page.locator('#q').press('Tab');
    const withWord = await nearIds(page);
    expect(withWord.length).toBeGreaterThan(0);
    expect(await count()).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.get('q')).toBe('marche');
    await rendered(page, () => page.getByLabel('Numérique').check());
    expect(page.url()).toContain('thematique=numerique');
    await rendered(page, () => page.goBack());
    expect(page.url()).not.toContain('thematique=numerique');
    expect(await page.getByLabel('Numérique').isChecked()).toBe(false);
    expect(await nearIds(page)).toEqual(withWord);
    await page.context().close();
  });

  it('results typed letter by letter are the same as the same search opened afresh; cards still found stay in place', async () => {
    // What the results area says: group headings, cards (id and text) and « afficher plus » buttons in page order.
    const shown = (page: Page) =>
      page
        .locator('#resultats')
        .evaluate((el) =>
          [...el.querySelectorAll('h2, li.result, button[data-more]:not([hidden] *)')].map(
            (e) => `${e.tagName} ${(e as HTMLElement).dataset.id ?? ''} ${e.textContent!.replace(/\s+/g, ' ').trim()}`,
          ),
        );
    const { page } = await visit(browser, '/recherche/?ou=47001');
    await ready(page);
    for (const ch of 'marc') await rendered(page, () => page.locator('#q').press(ch));
    const before = await nearIds(page);
    await page.locator('#liste-near > li').evaluateAll((els) => els.forEach((li) => ((li as HTMLElement & { vu?: boolean }).vu = true)));
    await rendered(page, () => page.locator('#q').press('h'));
    await rendered(page, () => page.locator('#q').press('e'));
    const typed = await shown(page);
    expect(typed.length).toBeGreaterThan(2);
    // The « marc… » results that are « marche » results too kept their cards (not parsed and laid out again).
    const kept = await page
      .locator('#liste-near > li')
      .evaluateAll((els) => els.map((li) => [(li as HTMLElement).dataset.id!, Boolean((li as HTMLElement & { vu?: boolean }).vu)] as const));
    const stayed = kept.filter(([id]) => before.includes(id));
    expect(stayed.length).toBeGreaterThan(0);
    expect(stayed.every(([, vu]) => vu)).toBe(true);
    const fresh = await visit(browser, '/recherche/?ou=47001&q=marche');
    await ready(fresh.page);
    expect(await shown(fresh.page)).toEqual(typed);
    // Erasing the words brings back every result, as on arrival.
    await rendered(page, () => page.locator('#q').fill(''));
    const arrival = await visit(browser, '/recherche/?ou=47001');
    await ready(arrival.page);
    expect(await shown(page)).toEqual(await shown(arrival.page));
    for (const p of [page, fresh.page, arrival.page]) await p.context().close();
  });

  it('Pagefind finds a fiche by a word that appears only in its description', async () => {
    // A word of one offer's description that no other record (name or description) contains.
    const texts = [...ds.offres, ...ds.lieux, ...ds.equipes, ...ds.structures].map((r) => ({
      id: r.id,
      words: new Set(tokenize(`${r.nom} ${'description' in r ? (r.description ?? '') : ''} ${'presentation' in r ? r.presentation : ''}`)),
    }));
    let pick: { id: string; word: string } | undefined;
    for (const o of ds.offres) {
      const word = tokenize(o.description).find((w) => w.length >= 7 && !tokenize(o.nom).includes(w) && texts.filter((t) => t.words.has(w)).length === 1);
      if (word) {
        pick = { id: o.id, word };
        break;
      }
    }
    expect(pick).toBeDefined();
    const { page, consoleErrors } = await visit(browser, '/recherche/');
    await ready(page);
    const done = page.evaluate(() => new Promise((r) => document.addEventListener('recherche:plein-texte', r, { once: true })));
    await page.locator('#q').fill(pick!.word);
    await done;
    const links = await page.locator('#plein-texte a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    // The fiche is found (its porteur's fiche, which lists its offers, may be found too).
    expect(links).toContain(`/offres/${pick!.id}/`);
    expect(await page.locator('#plein-texte mark').first().textContent()).toMatch(new RegExp(pick!.word.slice(0, 5), 'i'));
    await screenshot(page, 'recherche-pagefind');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript, offers the listings and the commune pages', async () => {
    const { page } = await visit(browser, '/recherche/', { javaScriptEnabled: false });
    expect(await page.locator('#recherche').isVisible()).toBe(false);
    expect(await page.locator('noscript a[href="/offres/"], a[href="/offres/"]').count()).toBeGreaterThan(0);
    await page.getByText(/Choisir une commune/).click();
    const link = page.locator('a[href="/communes/47001/"]');
    expect(await link.textContent()).toBe('Agen');
    await link.click();
    await page.waitForURL(`${BASE}/communes/47001/`);
    await page.context().close();
  });
});
