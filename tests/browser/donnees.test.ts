/**
 * Open data out, contributions in, on the built pilot site: every /donnees/ file is linked and downloads;
 * structure fiches carry (and print) the CNSA annex 3; /proposer/ refuses a bad record with French messages
 * and produces YAML that `npm run check-data` accepts once appended; « Signaler une erreur » names the
 * fiche and the field; the freshness desk matches its CSV.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { BASE, axeViolations, launch, screenshot, visit } from './harness';

/** Tests that run axe on long pages or spawn check-data / import: more than the suite's 90 s on a loaded 2-core machine. */
const HEAVY = 240_000;
let browser: Browser;
beforeAll(async () => (browser = await launch()));
afterAll(async () => browser?.close());

const yamlCount = (f: string) => (parse(readFileSync(`data/${f}`, 'utf8')) as unknown[]).length;

/** Runs check-data on a copy of data/ where `file` has `yaml` appended. */
function checkWithAppended(file: string, yaml: string): { code: number; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'carte-proposer-'));
  cpSync('data', dir, { recursive: true });
  appendFileSync(path.join(dir, file), '\n' + yaml);
  try {
    return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/check-data.ts', dir], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

describe('/donnees/', () => {
  it('links every file, each downloads with the announced number of records; axe passes', async () => {
    const v = await visit(browser, '/donnees/');
    const rows = await v.page.$$eval('table.donnees-fichiers tbody tr', (trs) =>
      trs.map((tr) => ({ href: tr.querySelector('a')!.getAttribute('href')!, count: Number(tr.lastElementChild!.textContent!.replace(/\D/g, '')) })),
    );
    const names = rows.map((r) => r.href.replace('/donnees/', ''));
    expect(names).toEqual([
      'offres.geojson',
      'lieux.geojson',
      'equipes.geojson',
      'offres.csv',
      'lieux.csv',
      'structures.csv',
      'equipes.csv',
      'structures.json',
      'services.json',
      'lieux-mediation-numerique.json',
      'zones-blanches.csv',
    ]);
    for (const r of rows) {
      const res = await fetch(BASE + r.href);
      expect(res.status, r.href).toBe(200);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      let n: number;
      if (r.href.endsWith('.geojson')) n = (JSON.parse(text) as { features: unknown[] }).features.length;
      else if (r.href.endsWith('.json')) n = (JSON.parse(text) as unknown[]).length;
      else n = text.trimEnd().split('\r\n').length - 1; // quoted line breaks would be counted, but none of these cells has one
      expect(n, r.href).toBe(r.count);
    }
    expect(rows.find((r) => r.href.endsWith('offres.csv'))!.count).toBe(yamlCount('offres.yaml'));
    expect(rows.find((r) => r.href.endsWith('lieux.geojson'))!.count).toBe(yamlCount('lieux.yaml'));
    const text = await v.page.textContent('main');
    expect(text).toContain('Licence Ouverte 2.0');
    expect(text).toMatch(/Fichiers produits le \d{1,2}(er)? \p{L}+ \d{4}/u);
    expect(text).toContain('Natural Earth'); // reference file sources are shown
    // A browser download, not only a fetch: the link carries the download attribute.
    const [dl] = await Promise.all([v.page.waitForEvent('download'), v.page.click('a[href="/donnees/structures.json"]')]);
    expect(dl.suggestedFilename()).toBe('structures.json');
    expect(await axeViolations(v.page)).toEqual([]);
    expect(v.externalRequests).toEqual([]);
    await screenshot(v.page, 'donnees');
    await v.page.context().close();
  });
});

describe('structure fiche as the CNSA annex 3', () => {
  it('every structure fiche shows every rubrique, and printing shows the annex only', async () => {
    const ids = (parse(readFileSync('data/structures.yaml', 'utf8')) as { id: string }[]).map((s) => s.id);
    for (const id of ids) {
      const html = await (await fetch(`${BASE}/structures/${id}/`)).text();
      const annex = html.slice(html.indexOf('class="annexe3"'));
      for (const label of [
        'Nom de la structure',
        'Objectifs de la structure',
        'Types de services proposés',
        'Populations concernées',
        'Zone d&#39;intervention',
        'Compétences des professionnels',
        'Méthodes et outils spécifiques de lutte contre l&#39;isolement',
        'Intervention de bénévoles',
        'Modes de financement',
        'Site d&#39;accueil',
        'Horaires d&#39;ouverture',
        'Permanences le week-end',
        'Modalités de prise de contact',
        'Personne référente',
        'Adresse',
        'Téléphone',
        'Courriel',
        'Document de présentation',
      ])
        expect(annex, `${id}: ${label}`).toContain(`<th scope="row">${label}</th>`);
    }
    const v = await visit(browser, '/structures/lien-partage-neracais/');
    expect(await v.page.textContent('.annexe3')).toContain('Coordinatrice des visites');
    expect(await axeViolations(v.page)).toEqual([]);
    await v.page.emulateMedia({ media: 'print' });
    expect(await v.page.isVisible('.annexe3-table')).toBe(true);
    expect(await v.page.isVisible('.fiche-structure > .prose')).toBe(false);
    await screenshot(v.page, 'structure-annexe3-print');
    await v.page.context().close();
  });
});

async function fill(page: Page, name: string, value: string) {
  await page.fill(`[name="${name}"]`, value);
}

describe('/proposer/', () => {
  it(
    'a bad record gets French messages on its fields; a good one gives YAML that check-data accepts',
    async () => {
      const v = await visit(browser, '/proposer/');
      const p = v.page;
      expect(await axeViolations(p)).toEqual([]);
      // Bad: no description, no public, an unreadable schedule, a wrong phone, a commune outside the territory.
      await fill(p, 'nom', 'Atelier tricot du jeudi');
      await p.check('input[name="thematiques"][value="culture-loisirs"]');
      await p.check('input[name="mode.type"][value="sur_place"]');
      await fill(p, 'mode.adresse.voie', '2 place de la Mairie');
      await fill(p, 'mode.commune', 'Paris');
      await fill(p, 'horaires', 'jeudi 14h-16h');
      await p.waitForFunction(() => document.querySelector('#f-horaires-comprendre')!.textContent!.includes('Horaires non compris'));
      await fill(p, 'contact.telephone', '12 34');
      await p.click('button[type="submit"]');
      await p.waitForSelector('#proposer-erreurs:not([hidden])');
      const summary = await p.textContent('#proposer-erreurs');
      expect(summary).toMatch(/\d+ erreurs à corriger/);
      expect(summary).toContain('Description : description obligatoire');
      expect(summary).toMatch(/Pour qui : .*obligatoire/);
      expect(summary).toMatch(/Commune : commune inconnue du territoire Lot-et-Garonne : « Paris »/);
      expect(summary).toMatch(/Horaires : horaires illisibles \(format opening_hours\)/);
      expect(summary).toMatch(/Téléphone : téléphone attendu au format français/);
      expect(summary).toMatch(/Structure qui la propose : /);
      expect(summary).not.toMatch(/Required|Expected|Invalid/);
      expect(await p.getAttribute('#f-contact-telephone', 'aria-invalid')).toBe('true');
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('proposer-erreurs');
      expect(await p.isVisible('#proposer-resultat')).toBe(false);
      await screenshot(p, 'proposer-erreurs');

      // Good.
      await fill(p, 'description', 'On tricote ensemble autour d’un thé, débutants bienvenus.');
      await p.check('input[name="publics"][value="seniors"]');
      await p.selectOption('#f-porteur', 'lien-partage-neracais');
      await fill(p, 'mode.commune', 'Nérac (47195)');
      await p.dispatchEvent('[name="mode.commune"]', 'change');
      expect(await p.inputValue('[name="mode.coordonnees.lat"]')).not.toBe(''); // centre of the commune, marked approximate
      await fill(p, 'horaires', 'Th 14:00-16:00');
      await p.waitForFunction(() => document.querySelector('#f-horaires-comprendre')!.textContent === 'Compris : Tous les jeudis de 14 h à 16 h');
      await fill(p, 'contact.telephone', '05 36 49 10 01');
      await p.check('input[name="frais.type"][value="gratuit"]');
      await p.check('input[name="inscription.obligatoire"][value="non"]');
      await p.click('button[type="submit"]');
      await p.waitForSelector('#proposer-resultat:not([hidden])');
      expect(await p.isVisible('#proposer-erreurs')).toBe(false);
      const yaml = await p.inputValue('#proposer-yaml');
      expect(yaml).toMatch(/^- id: atelier-tricot-du-jeudi\n/);
      const rec = (parse(yaml) as Record<string, unknown>[])[0]!;
      expect(rec).toMatchObject({ porteur: 'lien-partage-neracais', horaires: 'Th 14:00-16:00', mode: { type: 'sur_place', commune: '47195' } });
      const mail = await p.getAttribute('#proposer-mail', 'href');
      expect(mail).toMatch(/^mailto:coordination@carte-du-lien\.exemple\.org\?subject=/);
      expect(decodeURIComponent(mail!)).toContain('- id: atelier-tricot-du-jeudi');
      expect(await p.inputValue('#proposer-csv')).toMatch(/^id;nom;description;/);
      expect(await axeViolations(p)).toEqual([]);
      expect(v.externalRequests).toEqual([]);
      expect(v.consoleErrors).toEqual([]);
      await screenshot(p, 'proposer-pret');
      await p.context().close();

      const { code, out } = checkWithAppended('offres.yaml', yaml);
      expect(out).toContain(`offres : ${yamlCount('offres.yaml') + 1} lu(s)`);
      expect(out).toMatch(/\b0 erreur\(s\)/);
      expect(code).toBe(0);
    },
    HEAVY,
  );

  it(
    'the structure variant asks the CNSA fields and its YAML passes check-data',
    async () => {
      const v = await visit(browser, '/proposer/structure/');
      const p = v.page;
      for (const n of [
        'competences_professionnels',
        'methodes_outils',
        'financements',
        'referent.fonction',
        'document_presentation',
        'zone_intervention',
        'modalites_contact',
      ])
        expect(await p.$(`[name="${n}"]`), n).not.toBeNull();
      await fill(p, 'nom', 'Les Amis du Lien (test)');
      await p.selectOption('#f-typologie', 'association');
      await fill(p, 'presentation', 'Rompre l’isolement des aînés par des visites.');
      await fill(p, 'commune', 'Agen');
      await p.check('input[name="benevoles"][value="oui"]');
      await fill(p, 'modalites_contact', 'Par téléphone.');
      await fill(p, 'referent.fonction', 'Coordinatrice');
      await fill(p, 'horaires', 'Mo-Sa 09:00-12:00');
      await fill(p, 'document_presentation', 'plaquette.pdf');
      await p.click('button[type="submit"]');
      await p.waitForSelector('#proposer-erreurs:not([hidden])');
      expect(await p.textContent('#proposer-erreurs')).toMatch(/Document de présentation \(adresse web\) : adresse web attendue/);
      await fill(p, 'document_presentation', 'https://amis-du-lien.exemple.org/plaquette.pdf');
      await p.click('button[type="submit"]');
      await p.waitForSelector('#proposer-resultat:not([hidden])');
      const yaml = await p.inputValue('#proposer-yaml');
      expect(yaml).toContain('commune: "47001"');
      expect(await axeViolations(p)).toEqual([]);
      await screenshot(p, 'proposer-structure');
      await p.context().close();
      const { code, out } = checkWithAppended('structures.yaml', yaml);
      expect(out).toMatch(/\b0 erreur\(s\)/);
      expect(code).toBe(0);
    },
    HEAVY,
  );
});

describe('« Signaler une erreur »', () => {
  it(
    'from a fiche, names the fiche and the field, checks the value, and the correction merges with import --fusion',
    async () => {
      const v = await visit(browser, '/offres/marche-douce-nerac/');
      const p = v.page;
      await Promise.all([p.waitForURL(/\/proposer\/signaler\//), p.click('text=Signaler une erreur sur cette fiche')]);
      await p.waitForLoadState('networkidle');
      expect(await p.textContent('#signaler-fiche')).toContain('Fiche activité : Marche douce du mardi à Nérac');
      await p.selectOption('#f-champ', 'horaires');
      await fill(p, 'correct', 'le mardi matin');
      await p.click('form[data-signaler] button[type="submit"]');
      await p.waitForSelector('#signaler-erreurs:not([hidden])');
      expect(await p.textContent('#signaler-erreurs')).toMatch(/Information correcte : horaires illisibles/);
      await fill(p, 'correct', 'Tu 10:00-11:30');
      await p.click('form[data-signaler] button[type="submit"]');
      await p.waitForSelector('#signaler-resultat:not([hidden])');
      const text = await p.inputValue('#signaler-texte');
      expect(text).toContain('« Marche douce du mardi à Nérac » (offres/marche-douce-nerac)');
      expect(text).toContain('Champ : Horaires (horaires)');
      expect(text.replace(/\r/g, '')).toContain('id;horaires\nmarche-douce-nerac;Tu 10:00-11:30'); // a textarea's value has \n line ends
      expect(await axeViolations(p)).toEqual([]);
      await screenshot(p, 'signaler');
      await p.context().close();

      const dir = mkdtempSync(path.join(os.tmpdir(), 'carte-signaler-'));
      cpSync('data', dir, { recursive: true });
      const csv = path.join(dir, 'correction.csv');
      writeFileSync(csv, '\uFEFFid;horaires\r\nmarche-douce-nerac;Tu 10:00-11:30\r\n');
      execFileSync('npx', ['tsx', 'scripts/import-csv.ts', csv, '--type', 'offres', '--fusion', '--data', dir], { encoding: 'utf8' });
      const merged = (parse(readFileSync(path.join(dir, 'offres.yaml'), 'utf8')) as { id: string; horaires?: string; description: string }[]).find(
        (o) => o.id === 'marche-douce-nerac',
      )!;
      expect(merged.horaires).toBe('Tu 10:00-11:30');
      expect(merged.description).toMatch(/^Une petite marche/); // the other fields are kept
    },
    HEAVY,
  );
  it('every kind of fiche has the link', async () => {
    for (const url of ['/lieux/bibliotheque-lavardac/', '/equipes/equipe-citoyenne-neracais/', '/structures/lien-partage-neracais/']) {
      const html = await (await fetch(BASE + url)).text();
      expect(html, url).toMatch(/href="\/proposer\/signaler\/\?fiche=\w+%2F[\w-]+(&amp;|&#38;)nom=/);
    }
  });
});

describe('/donnees/a-verifier/', () => {
  it(
    'lists the stale records oldest first, as its CSV does, and is not in the public menu',
    async () => {
      const v = await visit(browser, '/donnees/a-verifier/');
      const p = v.page;
      const dates = await p.$$eval('main table tbody time', (ts) => ts.map((t) => t.getAttribute('datetime')!));
      expect(dates.length).toBeGreaterThan(0);
      expect([...dates].sort()).toEqual(dates);
      const csv = (await (await fetch(`${BASE}/donnees/a-verifier.csv`)).text())
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(csv.slice(1).map((l) => l.split(';')[3])).toEqual(dates);
      expect(await p.$$eval('.site-nav a', (as) => as.map((a) => a.getAttribute('href')))).not.toContain('/donnees/a-verifier/');
      expect(await p.getAttribute('meta[name="robots"]', 'content')).toBe('noindex');
      expect(await axeViolations(p)).toEqual([]);
      await screenshot(p, 'a-verifier');
      await p.context().close();
    },
    HEAVY,
  );
});

describe('ended offers in the browser', () => {
  it('cards whose last date has passed since the build are hidden; the others stay', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    // Six months after the pilot's last dated sessions (March 2027): the page was built before, the reader comes after.
    await page.clock.install({ time: new Date('2027-09-01T10:00:00') });
    await page.goto(`${BASE}/offres/`, { waitUntil: 'networkidle' });
    const cards = await page.$$eval('li.offer-card', (lis) =>
      lis.map((li) => ({ fin: (li as HTMLElement).dataset.fin ?? null, hidden: (li as HTMLElement).hidden })),
    );
    const dated = cards.filter((c) => c.fin !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.hidden, JSON.stringify(c)).toBe(c.fin !== null && c.fin < '2027-09-01');
    expect(cards.some((c) => !c.hidden)).toBe(true);
    await context.close();
  });
});

describe('on a phone', () => {
  it('the new pages reflow at 360 px: wide tables scroll inside their own region, never the page', async () => {
    for (const url of ['/donnees/', '/donnees/a-verifier/', '/proposer/', '/proposer/structure/', '/structures/lien-partage-neracais/']) {
      const v = await visit(browser, url, { width: 360, height: 740 });
      const [scroll, width] = await v.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, url).toBeLessThanOrEqual(width);
      if (url === '/donnees/') await screenshot(v.page, 'donnees-telephone');
      await v.page.context().close();
    }
  });
});
