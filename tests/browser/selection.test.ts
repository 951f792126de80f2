/**
 * A social prescriber's hand-over (issue #10): three items added from search, a fiche and the map's list;
 * /selection/ printed to PDF by Chromium and read back with pdftotext (poppler-utils); the share link in a
 * fresh browser; dates 40 days after the build; the selection and its fiches with the network cut.
 * Expected names, phones and dates come from the data and the opening_hours library, not from the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { axeViolations, BASE, launch, screenshot } from './harness';
import { loadDataset } from '../../src/lib/data/dataset';
import { formatSession, nextSessions } from '../../src/lib/schedule';

const ds = loadDataset('data').dataset!;
const DAY = 86_400_000;
const SHOTS = 'tests/browser/screenshots';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Kind = 'offre' | 'lieu' | 'equipe';
function record(kind: Kind, id: string): { nom: string; phone?: string; horaires?: string } {
  if (kind === 'offre') {
    const o = ds.offres.find((x) => x.id === id)!;
    return { nom: o.nom, phone: o.contact.telephone, horaires: o.horaires };
  }
  if (kind === 'lieu') {
    const l = ds.lieux.find((x) => x.id === id)!;
    return { nom: l.nom, phone: l.telephone, horaires: l.horaires };
  }
  const e = ds.equipes.find((x) => x.id === id)!;
  return { nom: e.nom, phone: e.contact.telephone };
}
/** An offer with a phone and fixed weekly or monthly sessions (so the sheet must show dates). */
const dated = (id: string) => {
  const r = record('offre', id);
  return Boolean(r.phone && r.horaires && /^(Mo|Tu|We|Th|Fr|Sa|Su)[\w[\],-]* \d{2}:\d{2}-\d{2}:\d{2}$/.test(r.horaires));
};
/** Next sessions starting after `when`, as opening_hours computes them, in the site's words (a session under way is not a next date). */
const expectedDates = (horaires: string, when: Date, n = 3) =>
  nextSessions(horaires, when, n + 1)
    .filter((s) => s.start.getTime() > when.getTime())
    .slice(0, n)
    .map(formatSession);
const norm = (s: string) => s.replace(/\s+/g, ' ');

async function newPage(ctx: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  ctx.on('request', (r) => {
    if (!r.url().startsWith(BASE) && !/^(data|blob):/.test(r.url())) errors.push(`external request ${r.url()}`);
  });
  return { page, errors };
}

/** Clicks the first visible add button among `candidates` whose record passes `ok`; returns its item. */
async function addFirst(page: Page, candidates: string, ok: (kind: Kind, id: string) => boolean): Promise<{ kind: Kind; id: string }> {
  const buttons = page.locator(`${candidates} button[data-selection-add]:visible`);
  await expect.poll(() => buttons.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const all = await buttons.evaluateAll((els) => els.map((e) => ({ kind: (e as HTMLElement).dataset.kind, id: (e as HTMLElement).dataset.id })));
  const i = all.findIndex((b) => ok(b.kind as Kind, b.id!));
  expect(i, `no suitable button among ${candidates}`).toBeGreaterThanOrEqual(0);
  const live = page.locator('[data-selection-live]');
  await buttons.nth(i).click();
  await expect.poll(() => live.textContent()).toMatch(/ajouté à la sélection/);
  await expect.poll(() => buttons.nth(i).getAttribute('aria-pressed')).toBe('true');
  return all[i] as { kind: Kind; id: string };
}

describe("/selection/: fiche d'orientation", () => {
  let shareLink = '';
  let chosen: { kind: Kind; id: string }[] = [];

  it('three items from search, a fiche and the map list; printed; the PDF holds names, phones, next dates and the « Pour » line', async () => {
    const ctx = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const { page, errors } = await newPage(ctx);

    // 1. From search results around Agen.
    await page.goto(`${BASE}/recherche/?ou=47001`, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-recherche="prete"]');
    const fromSearch = await addFirst(page, '#resultats, main', (k, id) => k === 'offre' && dated(id));
    // 2. From a fiche: another offer with dates and a phone.
    const ficheId = ds.offres.find((o) => o.id !== fromSearch.id && dated(o.id) && o.mode.type === 'sur_place')!.id;
    await page.goto(`${BASE}/offres/${ficheId}/`, { waitUntil: 'networkidle' });
    const fromFiche = await addFirst(page, 'article.fiche > p', () => true);
    expect(fromFiche).toEqual({ kind: 'offre', id: ficheId });
    // 3. From the map's list: a lieu with a phone.
    await page.goto(`${BASE}/carte/`, { waitUntil: 'networkidle' });
    const fromMap = await addFirst(page, '.carte-liste', (k, id) => k === 'lieu' && Boolean(record(k, id).phone));
    await expect.poll(() => page.locator('[data-selection-count]').textContent()).toBe('3');
    chosen = [fromSearch, fromFiche, fromMap];

    await page.goto(`${BASE}/selection/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-selection="prete"]');
    expect(await page.locator('.sheet-item').count()).toBe(3);
    await page.fill('#pour', 'Madame Exemple');
    await page.fill('#par', 'CCAS, accueil');
    shareLink = await page.locator('#lien-partage').inputValue();
    expect(shareLink).toBe(`${BASE}/selection/?s=${chosen.map((c) => `${c.kind[0]}:${c.id}`).join(',')}`);
    expect(await page.locator('.orientation-qr svg').count()).toBe(3);
    expect(await page.locator('.sheet-item a[href^="tel:"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#envoyer-sms').getAttribute('href')).toMatch(/^sms:\?&body=/);
    expect(decodeURIComponent((await page.locator('#envoyer-courriel').getAttribute('href'))!)).toContain(record(fromFiche.kind, fromFiche.id).nom);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'selection');

    const pdf = `${SHOTS}/fiche-orientation.pdf`;
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const text = norm(execFileSync('pdftotext', ['-layout', pdf, '-']).toString());
    const now = new Date();
    for (const c of chosen) {
      const r = record(c.kind, c.id);
      expect(text).toContain(norm(r.nom));
      expect(text).toContain(r.phone!);
      if (r.horaires) for (const d of expectedDates(r.horaires, now)) expect(text).toContain(d);
    }
    expect(text).toContain('Pour : Madame Exemple');
    expect(text).toContain('Conseillé par : CCAS, accueil');
    expect(text).toContain(new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(now));
    expect(text).toContain('127.0.0.1');
    // The printed pages, as images to look at.
    for (const f of readdirSync(SHOTS).filter((f) => /^fiche-orientation-\d+\.png$/.test(f))) rmSync(`${SHOTS}/${f}`);
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${SHOTS}/fiche-orientation`]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())![1]);
    console.log(`fiche d'orientation : ${pages} page(s) A4`);
    expect(pages).toBeGreaterThanOrEqual(1);

    // Offline: the selection and its fiches load with the network cut.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.locator('#hors-ligne').textContent(), { timeout: 30_000 }).toMatch(/sans connexion/);
    await ctx.setOffline(true);
    await page.goto(`${BASE}/selection/`);
    await page.waitForSelector('html[data-selection="prete"]');
    expect(await page.locator('.orientation-item').count()).toBe(3);
    await expect.poll(() => page.locator('[data-offline-note]').textContent()).toMatch(/Hors connexion/);
    await screenshot(page, 'selection-hors-ligne');
    for (const c of chosen) {
      await page.goto(`${BASE}/${{ offre: 'offres', lieu: 'lieux', equipe: 'equipes' }[c.kind]}/${c.id}/`);
      expect(await page.locator('h1').textContent()).toBe(record(c.kind, c.id).nom);
    }
    await ctx.setOffline(false);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await ctx.close();
  });

  it('the share link opens the same three items in a fresh browser', async () => {
    expect(shareLink).not.toBe('');
    const ctx = await browser.newContext({ locale: 'fr-FR' });
    const { page, errors } = await newPage(ctx);
    await page.goto(shareLink, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-selection="prete"]');
    const names = await page.locator('.orientation-item h2').allTextContents();
    expect(names).toEqual(chosen.map((c) => record(c.kind, c.id).nom));
    // Nothing was stored on this device until the reader asks.
    expect(await page.evaluate(() => localStorage.getItem('carte-du-lien:selection'))).toBeNull();
    await page.getByRole('button', { name: 'Garder cette sélection sur cet appareil' }).click();
    await expect.poll(() => page.locator('[data-selection-count]').textContent()).toBe('3');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('40 days after the build, the fiche and the sheet show dates after the browser clock, never before', async () => {
    const later = new Date(Date.now() + 40 * DAY);
    const offer = ds.offres.find((o) => dated(o.id))!;
    const ctx = await browser.newContext({ locale: 'fr-FR' });
    const { page, errors } = await newPage(ctx);
    await page.clock.install({ time: later });
    const want = expectedDates(offer.horaires!, later);
    await page.goto(`${BASE}/offres/${offer.id}/`, { waitUntil: 'networkidle' });
    expect(await page.locator('.next-sessions li').allTextContents()).toEqual(want);
    await page.goto(`${BASE}/selection/?s=o:${offer.id}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-selection="prete"]');
    expect(await page.locator('.orientation-item .next-sessions li').allTextContents()).toEqual(want);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the selection is kept, reordered and emptied with the keyboard; a removed item is announced', async () => {
    const ctx = await browser.newContext({ locale: 'fr-FR' });
    const { page } = await newPage(ctx);
    const [a, b] = ds.offres.slice(0, 2);
    await page.goto(`${BASE}/offres/${a!.id}/`, { waitUntil: 'networkidle' });
    await page.locator('article.fiche button[data-selection-add]').focus();
    await page.keyboard.press('Enter');
    await page.goto(`${BASE}/offres/${b!.id}/`, { waitUntil: 'networkidle' });
    await page.locator('article.fiche button[data-selection-add]').focus();
    await page.keyboard.press('Space');
    await page.goto(`${BASE}/selection/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('html[data-selection="prete"]');
    expect(await page.locator('.orientation-item h2').allTextContents()).toEqual([a!.nom, b!.nom]);
    await page.getByRole('button', { name: `Monter « ${b!.nom} »` }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.orientation-item h2').allTextContents()).toEqual([b!.nom, a!.nom]);
    await page.getByRole('button', { name: `Retirer « ${a!.nom} » de la sélection` }).press('Enter');
    await expect.poll(() => page.locator('.orientation-item h2').allTextContents()).toEqual([b!.nom]);
    page.once('dialog', (d) => void d.accept());
    await page.locator('#vider').press('Enter');
    await expect.poll(() => page.locator('[data-selection-status]').textContent()).toMatch(/vide/);
    await expect.poll(() => page.locator('[data-selection-count]').textContent()).toBe('0');
    await ctx.close();
  });
});
