/**
 * Zones blanches, tableau de bord and yearly report, on the built pilot site: the CSV is complete, the
 * pages show the same figures as the CSV, tables are in the promised order, pages pass axe, and the
 * report prints on A4.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { parse } from 'yaml';
import { BASE, axeViolations, launch, screenshot, visit } from './harness';

const territoire = parse(readFileSync('data/territoire.yaml', 'utf8')) as {
  communes: string[];
  thematiques: { id: string; libelle: string; portee_km: number }[];
};
const THEMES = territoire.thematiques.map((t) => t.id);
const num = (s: string | null | undefined) => Number((s ?? '').replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));

interface CsvRow {
  code: string;
  commune: string;
  thematique: string;
  couvert: string;
  distance: string;
  population: number;
  pop65: number;
  pop80: number;
}
let csvText = '';
let csvBytes = new Uint8Array();
let rows: CsvRow[] = [];
let browser: Browser;

beforeAll(async () => {
  const res = await fetch(`${BASE}/donnees/zones-blanches.csv`);
  expect(res.status).toBe(200);
  csvBytes = new Uint8Array(await res.arrayBuffer());
  csvText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes);
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  rows = lines.slice(1).map((l) => {
    const [code, commune, thematique, couvert, distance, population, pop65, pop80] = l.split(';');
    return {
      code: code!,
      commune: commune!,
      thematique: thematique!,
      couvert: couvert!,
      distance: distance!,
      population: Number(population),
      pop65: Number(pop65),
      pop80: Number(pop80),
    };
  });
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('/donnees/zones-blanches.csv', () => {
  it(`has one row per commune × thématique (${territoire.communes.length} × ${THEMES.length})`, () => {
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheet software
    expect(csvText.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'code_insee;commune;thematique;couvert;distance_km;population;population_65_plus;population_80_plus;couvert_par;distance_lieu_km',
    );
    // The pilot's libraries, France services and médiation numérique count toward coverage, apart from activities.
    const coveredBy = csvText
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'))
      .filter((c) => c[3] === 'oui')
      .map((c) => c[8]);
    expect(new Set(coveredBy)).toEqual(new Set(['activite', 'lieu_seulement']));
    expect(rows).toHaveLength(territoire.communes.length * THEMES.length);
    expect(new Set(rows.map((r) => `${r.code}/${r.thematique}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(territoire.communes));
    expect(new Set(rows.map((r) => r.couvert))).toEqual(new Set(['oui', 'non']));
    for (const r of rows) expect(r.distance).toMatch(/^(\d+,\d)?$/);
  });
  it('estimates about 84,000 people aged 65+ and 25,000 aged 80+ (the Filosofi totals of the MANIFEST), most of them in towns', () => {
    const once = rows.filter((r) => r.thematique === THEMES[0]);
    const sum65 = once.reduce((s, r) => s + r.pop65, 0);
    const sum80 = once.reduce((s, r) => s + r.pop80, 0);
    expect(sum65).toBeGreaterThan(83_000);
    expect(sum65).toBeLessThan(86_000);
    expect(sum80).toBeGreaterThan(24_500);
    expect(sum80).toBeLessThan(26_000);
    // seniors follow where people live, not the area: the commune with most seniors is one of the 3 largest towns
    const top = [...once].sort((a, b) => b.pop65 - a.pop65)[0]!;
    const largest = [...once]
      .sort((a, b) => b.population - a.population)
      .slice(0, 3)
      .map((r) => r.commune);
    expect(largest).toContain(top.commune);
    for (const r of once) expect(r.pop80).toBeLessThanOrEqual(r.pop65);
  });
});

describe('/zones-blanches/', () => {
  it('sums up every thématique, with the uncovered people of the CSV, and passes axe', async () => {
    const v = await visit(browser, '/zones-blanches/');
    const { page } = v;
    await screenshot(page, 'zones-blanches');
    expect(await page.locator('h1').textContent()).toContain('Zones blanches');
    expect(await page.locator('.gap-summaries li').count()).toBe(THEMES.length);
    const table = page.locator('table.gap-table tbody tr');
    expect(await table.count()).toBe(THEMES.length);
    for (const [i, t] of THEMES.entries()) {
      const cells = await table.nth(i).locator('td').allTextContents();
      const uncovered = rows.filter((r) => r.thematique === t && r.couvert === 'non');
      expect(num(cells[1]), `${t}: communes non couvertes`).toBe(uncovered.length);
      expect(num(cells[2]), `${t}: habitants non couverts`).toBe(uncovered.reduce((s, r) => s + r.population, 0));
      // seniors: the page rounds the sum, the CSV rounds each commune
      expect(Math.abs(num(cells[3]) - uncovered.reduce((s, r) => s + r.pop65, 0))).toBeLessThanOrEqual(uncovered.length / 2 + 1);
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.externalRequests).toEqual([]);
    expect(v.failedRequests).toEqual([]);
  });
});

describe('/zones-blanches/<thématique>/', () => {
  // The first thématique of the catalogue with uncovered communes (the pilot: activité physique adaptée).
  const theme = () => territoire.thematiques.find((t) => rows.some((r) => r.thematique === t.id && r.couvert === 'non'))!;

  it('lists the uncovered communes of the CSV, most seniors first, and one commune matches the CSV', async () => {
    const t = theme();
    const v = await visit(browser, `/zones-blanches/${t.id}/`);
    const { page } = v;
    await screenshot(page, `zones-blanches-${t.id}`);
    const sentence = (await page.locator('.gap-sentence').textContent())!;
    expect(sentence).toContain(`à plus de ${t.portee_km} km à vol d'oiseau`);
    const expected = rows.filter((r) => r.thematique === t.id && r.couvert === 'non');
    expect(num(sentence.split(' habitant')[0])).toBe(expected.reduce((s, r) => s + r.population, 0));

    const trs = page.locator('#table-non-couvertes tbody tr');
    expect(await trs.count()).toBe(expected.length);
    const codes = await trs.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    expect(new Set(codes)).toEqual(new Set(expected.map((r) => r.code)));
    const seniors = (await page.locator('#table-non-couvertes td[data-col="pop65"]').allTextContents()).map(num);
    for (let i = 1; i < seniors.length; i++) expect(seniors[i]!, `row ${i + 1}`).toBeLessThanOrEqual(seniors[i - 1]!);
    expect(seniors[0]).toBe(Math.max(...expected.map((r) => r.pop65)));

    // One commune's figures, page against CSV: the first row (most seniors without the offer).
    const first = trs.first();
    const code = (await first.getAttribute('data-code'))!;
    const csv = expected.find((r) => r.code === code)!;
    expect((await first.locator('th').textContent())!.trim()).toBe(csv.commune);
    expect(num(await first.locator('td[data-col="pop65"]').textContent())).toBe(csv.pop65);
    expect(num(await first.locator('td[data-col="pop80"]').textContent())).toBe(csv.pop80);
    expect(num(await first.locator('td[data-col="population"]').textContent())).toBe(csv.population);
    const dist = (await first.locator('td[data-col="distance"]').textContent())!;
    expect(csv.distance === '' ? dist : dist.split(' km')[0]).toBe(csv.distance === '' ? 'aucune sur le territoire' : csv.distance);
    expect(num(csv.distance)).toBeGreaterThan(t.portee_km);

    // The static map: one shape per commune, hatched exactly where the CSV says "non".
    const map = page.locator('figure.coverage-map > svg');
    expect(await map.getAttribute('role')).toBe('img');
    expect(await map.locator('path[data-code]').count()).toBe(territoire.communes.length);
    const hatched = await map.locator('path[data-couvert="non"]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('fill')]));
    expect(new Set(hatched.map((h) => h[0]))).toEqual(new Set(expected.map((r) => r.code)));
    for (const h of hatched) expect(h[1]).toMatch(/^url\(#hachures-/);

    expect(await axeViolations(page)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.externalRequests).toEqual([]);
    // Works without JavaScript: the map and the table are in the HTML.
    const noJs = await visit(browser, `/zones-blanches/${t.id}/`, { javaScriptEnabled: false });
    expect(await noJs.page.locator('figure.coverage-map > svg path[data-code]').count()).toBe(territoire.communes.length);
    expect(await noJs.page.locator('#table-non-couvertes tbody tr').count()).toBe(expected.length);
  });

  it("shows the same coverage on that commune's page", async () => {
    const t = theme();
    const code = rows.filter((r) => r.thematique === t.id && r.couvert === 'non').sort((a, b) => b.pop65 - a.pop65)[0]!.code;
    const v = await visit(browser, `/communes/${code}/`);
    const trs = v.page.locator('.commune-gaps-table tbody tr');
    expect(await trs.count()).toBe(THEMES.length);
    for (const [i, id] of THEMES.entries()) {
      const csv = rows.find((r) => r.code === code && r.thematique === id)!;
      expect(await trs.nth(i).getAttribute('data-theme')).toBe(id);
      expect((await trs.nth(i).locator('td').nth(1).textContent())!.trim(), `${code} ${id}`).toBe(csv.couvert === 'oui' ? 'Oui' : 'Non');
    }
    expect(await axeViolations(v.page)).toEqual([]);
  });
});

describe('/tableau-de-bord/', () => {
  it('draws its charts as SVG, and its coverage shares agree with the CSV', async () => {
    const v = await visit(browser, '/tableau-de-bord/');
    const { page } = v;
    await screenshot(page, 'tableau-de-bord');
    expect(await page.locator('figure.bar-chart > svg[role="img"]').count()).toBeGreaterThanOrEqual(4);
    for (const id of THEMES) {
      const tr = page.locator(`tr[data-theme="${id}"]:has(td:nth-child(6))`).first();
      const share = num((await tr.locator('td').nth(2).textContent())!.replace('%', '').replace('moins de 1', '0'));
      const all = rows.filter((r) => r.thematique === id);
      const covered = all.filter((r) => r.couvert === 'oui').reduce((s, r) => s + r.population, 0);
      const total = all.reduce((s, r) => s + r.population, 0);
      expect(share, id).toBe(Math.round((100 * covered) / total));
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.externalRequests).toEqual([]);
  });
});

describe('/rapport/', () => {
  it('is dated, lists actors and offers, passes axe and prints on A4 without the site menu', async () => {
    const v = await visit(browser, '/rapport/');
    const { page } = v;
    expect(await page.locator('h1').textContent()).toMatch(/Point ville du lien \d{4}/);
    expect(await page.locator('.report-head time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('#r-offres + table tbody tr, #r-offres ~ table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('.report-gap').count()).toBe(THEMES.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    mkdirSync('tests/browser/screenshots', { recursive: true });
    writeFileSync('tests/browser/screenshots/rapport.pdf', pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(20);
    expect(v.externalRequests).toEqual([]);
  });
});
