/**
 * Nothing jumps while a page loads (Cumulative Layout Shift < 0.1, the « good » threshold of the Web Vitals
 * and Lighthouse's budget), on the five page types of the performance budget, on a 390 × 844 phone and a
 * desktop screen. Fonts, scripts and data are held back (tests/browser/layout-shift.ts) so that the page is
 * painted before they arrive, as on a slow phone: every late arrival that moved content would show here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import { BASE, launch } from './harness';
import { cumulativeLayoutShift, describeShifts, holdBackAssets, layoutShifts, observeLayoutShifts } from './layout-shift';
import { loadDataset } from '../../src/lib/data/dataset';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const ds = loadDataset(path.resolve('data')).dataset!;
const offre = ds.offres.find((o) => o.mode.type === 'sur_place') ?? ds.offres[0]!;
const commune = [...ds.communes.values()].sort((a, b) => b.population - a.population)[0]!;

const PAGES: { type: string; url: string; ready?: string }[] = [
  { type: 'accueil', url: '/' },
  { type: 'fiche d’activité', url: `/offres/${offre.id}/` },
  { type: 'page de commune', url: `/communes/${commune.code}/` },
  { type: 'recherche', url: `/recherche/?ou=${commune.code}`, ready: '#resultats > *' },
  { type: 'carte', url: '/carte/', ready: '#carte-app .carte-boite:is([data-etat=apercu], [data-etat=interactive])' },
];
const SCREENS = [
  { name: 'téléphone 390 × 844', width: 390, height: 844 },
  { name: 'ordinateur 1280 × 900', width: 1280, height: 900 },
];

describe('layout shift while loading, CLS < 0.1', () => {
  for (const screen of SCREENS)
    for (const p of PAGES)
      it(`${p.type}, ${screen.name}`, async () => {
        const ctx = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, locale: 'fr-FR' });
        try {
          const page = await ctx.newPage();
          await observeLayoutShifts(page);
          await holdBackAssets(page, 700);
          await page.goto(BASE + p.url, { waitUntil: 'networkidle' });
          // The page's own scripts have finished (results drawn, map ready), then a moment to settle.
          if (p.ready) await page.waitForSelector(p.ready, { timeout: 150_000 });
          await page.waitForTimeout(1000);
          // The fonts did load (so a swap, had there been one, would have been seen).
          expect(await page.evaluate(() => document.fonts.status)).toBe('loaded');
          const shifts = await layoutShifts(page);
          const cls = cumulativeLayoutShift(shifts);
          expect(cls, `CLS ${cls.toFixed(3)} sur ${p.url} :\n${describeShifts(shifts)}`).toBeLessThan(0.1);
        } finally {
          await ctx.close();
        }
      });
});
