/**
 * Trust, on every page type of the built site: the Content-Security-Policy is there and nothing breaks it,
 * axe finds no serious or critical violation, a keyboard alone goes home → search → fiche → back to the
 * results, /carte/ shows its map in the first screen of a phone, and pages without a map stay light.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, screenshot, visit } from './harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { cspMeta } from '../../src/lib/csp';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const ds = loadDataset(path.resolve('data')).dataset!;
const offre = ds.offres.find((o) => o.mode.type === 'sur_place')!;
const commune = [...ds.communes.values()].sort((a, b) => b.population - a.population)[0]!;

/** One URL per page type, with what to wait for when the page does something after loading. */
const PAGES: { type: string; url: string; ready?: string }[] = [
  { type: 'accueil', url: '/' },
  { type: 'recherche (résultats)', url: `/recherche/?ou=${commune.code}&q=atelier`, ready: '#resultats a' },
  { type: 'fiche d’activité', url: `/offres/${offre.id}/` },
  { type: 'fiche de lieu', url: `/lieux/${ds.lieux[0]!.id}/` },
  { type: 'fiche d’équipe', url: `/equipes/${ds.equipes[0]!.id}/` },
  { type: 'fiche de structure', url: `/structures/${ds.structures[0]!.id}/` },
  { type: 'page de commune', url: `/communes/${commune.code}/` },
  { type: 'liste des activités', url: '/offres/' },
  { type: 'liste des lieux', url: '/lieux/' },
  { type: 'liste des équipes', url: '/equipes/' },
  { type: 'liste des structures', url: '/structures/' },
  { type: 'liste des communes', url: '/communes/' },
  { type: 'à distance', url: '/a-distance/' },
  { type: 'carte', url: '/carte/', ready: '#carte-app[data-interactive=true]' },
  { type: 'zones blanches', url: '/zones-blanches/' },
  { type: 'zones blanches d’un besoin', url: `/zones-blanches/${ds.territoire.thematiques[0]!.id}/` },
  { type: 'tableau de bord', url: '/tableau-de-bord/' },
  { type: 'point annuel', url: '/rapport/' },
  { type: 'à propos', url: '/a-propos/' },
  { type: 'accessibilité', url: '/accessibilite/' },
  { type: 'page introuvable', url: '/nulle-part/' },
];

/** Collects CSP violations from the first byte (an init script is not subject to the page's CSP). */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

const totals = { pages: 0, serious: 0, minor: 0 };

describe('every page type: CSP, no violation, axe', () => {
  for (const p of PAGES)
    it(p.type, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const page = await ctx.newPage();
      await watchCsp(page);
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && !/404|Not Found/.test(m.text()) && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      const response = await page.goto(`http://127.0.0.1:${process.env.TEST_PORT ?? 4399}${p.url}`, { waitUntil: 'networkidle' });
      const html = (await response?.text()) ?? '';
      if (p.ready) await page.waitForSelector(p.ready, { timeout: 60_000 }).catch(() => undefined);
      await page.waitForTimeout(300);
      // The policy is the one of src/lib/csp.ts, first thing in <head>, on every page.
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toBe(cspMeta());
      expect(await page.evaluate(() => document.head.querySelector('meta[http-equiv]') === document.head.children[1])).toBe(true);
      // No inline script, style or event handler in the HTML sent, for the CSP to block. (Scripts may set
      // styles through the CSSOM afterwards, as MapLibre does: the CSP allows that.)
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
      expect(html.match(/<[^>]+\sstyle=/g) ?? []).toEqual([]);
      expect(html.match(/<style[\s>]/g) ?? []).toEqual([]);
      expect(html.match(/<[^>]+\son[a-z]+=/g) ?? []).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
      const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 2)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        ),
      ).toEqual([]);
      totals.pages++;
      totals.serious += serious.length;
      totals.minor += res.violations.length - serious.length;
      await ctx.close();
    });
  it('covered every page type', () => {
    console.log(`CSP et axe : ${totals.pages} types de page, ${totals.serious} violation(s) grave(s) ou critique(s), ${totals.minor} mineure(s)`);
    expect(totals.pages).toBe(PAGES.length);
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses. */
  async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`${selector} jamais atteint au clavier en ${max} tabulations`);
  }

  it('home → search → fiche → back to the results', async () => {
    const v = await visit(browser, '/');
    const page = v.page;
    // First stop: the skip link, visible when focused.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Aller au contenu');
    // The search form of the home page: a commune, then Enter.
    await tabTo(page, 'main input[type=search], main input[type=text], main input:not([type])');
    await page.keyboard.type(commune.nom);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\//, { timeout: 30_000 });
    await page.waitForSelector('main a[href^="/offres/"], main a[href^="/lieux/"]', { timeout: 60_000 });
    const resultsUrl = page.url();
    await screenshot(page, 'clavier-resultats');
    // Tab to the first result and open it with Enter.
    await tabTo(page, 'main a[href^="/offres/"], main a[href^="/lieux/"]', 200);
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
    const focusVisible = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    });
    expect(focusVisible, 'focus visible sur le résultat').toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target, { timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // Back (the browser's Alt+←): the same results are there again.
    await page.goBack();
    await page.waitForURL(resultsUrl, { timeout: 30_000 });
    await page.waitForSelector(`main a[href="${target}"]`, { timeout: 60_000 });
    expect(v.externalRequests).toEqual([]);
  });
});

describe('phone 390 × 844', () => {
  for (const js of [true, false])
    it(`/carte/: the map in the first screen, the menu folded behind « Menu »${js ? '' : ' (sans JavaScript)'}`, async () => {
      const v = await visit(browser, '/carte/', { width: 390, height: 844, javaScriptEnabled: js });
      const page = v.page;
      if (js) await page.waitForSelector('#carte-app[data-ready=true]', { timeout: 60_000 });
      await screenshot(page, `telephone-carte${js ? '' : '-sans-js'}`);
      expect(await page.locator('.nav-wide').isVisible()).toBe(false);
      const summary = page.locator('.nav-compact summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await page.locator('.nav-compact a').first().isVisible()).toBe(false);
      if (js) {
        // The map's box: the overview drawn at build time, until the interactive map is asked for.
        const box = await page.locator('.carte-boite').boundingBox();
        expect(box, 'carte affichée').not.toBeNull();
        // At least 300 px of map within the first 844 px.
        expect(844 - box!.y, `la carte commence à ${box!.y} px`).toBeGreaterThan(300);
      }
      // The button opens the links from the keyboard, JavaScript or not.
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('.nav-compact a[href="/recherche/"]').isVisible()).toBe(true);
      await screenshot(page, `telephone-menu${js ? '' : '-sans-js'}`);
    });
});

describe('light pages', () => {
  /** JavaScript fetched before any interaction, gzip bytes (as a server would send it). */
  async function jsBefore(url: string): Promise<{ gzip: number; files: string[] }> {
    const v = await visit(browser, url);
    const files: string[] = await v.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((u) => /\.m?js$/.test(u)),
    );
    const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(path.join('dist', f))).length, 0);
    return { gzip, files };
  }
  for (const url of ['/', `/offres/${offre.id}/`, `/lieux/${ds.lieux[0]!.id}/`, `/equipes/${ds.equipes[0]!.id}/`, `/communes/${commune.code}/`, '/recherche/'])
    it(`${url}: no map library, under 40 KB of JavaScript (gzip) before interaction`, async () => {
      const { gzip, files } = await jsBefore(url);
      console.log(`JS avant interaction ${url} : ${(gzip / 1024).toFixed(1)} Kio gzip (${files.length} fichier(s))`);
      expect(files.some((f) => /maplibre/.test(f))).toBe(false);
      expect(gzip).toBeLessThan(40 * 1024);
    });
});
