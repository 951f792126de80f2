/**
 * A new territory with the commands alone, as a coordinator would: `npm run territoire -- <code>`, an import of a
 * national lieux file, `npm run check-data`, then the site build. A département of metropolitan France (90,
 * Territoire de Belfort: a grid, imported lieux) and an EPCI overseas (CA du Centre de la Martinique: no population
 * grid, no offers, équipes, structures or lieux).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const cog = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; departement: string }[];
const epci = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; membres: { code: string }[] }[];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'carte-territoire-'));

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` };
}
const tsx = (script: string, ...args: string[]) => run('npx', ['tsx', script, ...args]);

/** Builds the site of a data folder into its own dist (pages and full-text index, in one process). */
function build(data: string, dist: string) {
  const env = { CARTE_DATA_DIR: data };
  const basemap = run('npx', ['tsx', 'scripts/build-basemap.ts', data], env);
  expect(basemap.status, basemap.out).toBe(0);
  const astro = run('npx', ['tsx', 'scripts/build-pages.ts', '--outDir', dist], { ...env, CARTE_BUILD_PARTS: '1' });
  expect(astro.status, astro.out.slice(-3000)).toBe(0);
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : /\.(html|csv)$/.test(f) ? [p] : [];
  });
}
/** Every text of the pilot that must never reach another territory's pages (the national commune list of the search, JSON, legitimately has them). */
const PILOT_TEXT = /Lot-et-Garonne|Nérac|47600|Villeneuve-sur-Lot|Marmande/;

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  run('npx', ['tsx', 'scripts/build-basemap.ts']); // the pilot's basemap back in public/generated/
});

describe('département 90 from national data, with a national lieux file', () => {
  const data = path.join(tmp, 'd90');
  const dist = path.join(tmp, 'dist90');
  let gen: ReturnType<typeof run>;
  beforeAll(() => {
    gen = tsx('scripts/territoire.ts', '90', '--dossier', data);
  });

  it('writes territoire.yaml with every current commune of the official list, and says what it wrote', () => {
    expect(gen.status, gen.out).toBe(0);
    const t = parse(readFileSync(path.join(data, 'territoire.yaml'), 'utf8'));
    const expected = cog
      .filter((c) => c.type === 'commune-actuelle' && c.departement === '90')
      .map((c) => c.code)
      .sort();
    expect(t.communes).toEqual(expected);
    expect(t.niveau).toBe('departement');
    expect(t.nom).toBe('Territoire de Belfort');
    // The catalogue of needs of the project's territoire.yaml is kept.
    expect(t.thematiques.map((x: { id: string }) => x.id)).toEqual(
      parse(readFileSync('data/territoire.yaml', 'utf8')).thematiques.map((x: { id: string }) => x.id),
    );
    const shapes = JSON.parse(readFileSync(path.join(data, 'reference/communes.geojson'), 'utf8'));
    expect(shapes.features).toHaveLength(expected.length);
    expect(gen.out).toMatch(/reference\/contour\.geojson/);
    expect(gen.out).toMatch(/fusionné/); // one commune of 2018 merged since
    const check = tsx('scripts/check-data.ts', data);
    expect(check.status, check.out).toBe(0);
  });

  it('imports the national médiation numérique file (JSON) with a report, and again from CSV without change', () => {
    const json = tsx('scripts/import-national.ts', 'mediation-numerique', 'tests/fixtures/national/lieux-mediation-numerique.json', '--data', data);
    expect(json.status, json.out).toBe(0);
    expect(json.out).toMatch(/5 ligne\(s\) lue\(s\) ; 1 hors du territoire ; 3 lieu\(x\) du territoire : 3 ajouté\(s\)/);
    expect(json.out).toMatch(/REJETÉ élément n° 4 « Club informatique » : .*service 'Cuisine'/);
    expect(json.out).toMatch(/COMMUNE DÉDUITE DU POINT élément n° 2 .* 90052 \(Giromagny\)/);
    expect(json.out).toMatch(/À VÉRIFIER élément n° 3 .*hors de sa commune déclarée 90099/);
    const csv = tsx('scripts/import-national.ts', 'mediation-numerique', 'tests/fixtures/national/lieux-mediation-numerique.csv', '--data', data);
    expect(csv.out).toMatch(/0 ajouté\(s\), 0 mis à jour .*3 inchangé\(s\)/);
    expect(csv.out).toMatch(/rien n’a été écrit/);
  });

  it('builds; lieux count toward coverage, apart from activities; no pilot text', () => {
    build(data, dist);
    const csv = readFileSync(path.join(dist, 'donnees/zones-blanches.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const numerique = csv.filter((r) => r[2] === 'numerique');
    expect(numerique.length).toBeGreaterThan(90);
    // No offer: a covered commune is covered by a lieu only, and the CSV says so.
    expect(numerique.filter((r) => r[3] === 'oui').length).toBeGreaterThan(0);
    expect(numerique.filter((r) => r[3] === 'oui').every((r) => r[8] === 'lieu_seulement')).toBe(true);
    expect(csv.filter((r) => r[2] === 'activite-physique').every((r) => r[3] === 'non')).toBe(true);
    // A grid covers 90: seniors are estimated.
    expect(csv.slice(1).some((r) => Number(r[6]) > 0)).toBe(true);
    const page = readFileSync(path.join(dist, 'zones-blanches/numerique/index.html'), 'utf8');
    expect(page).toMatch(/seulement par un lieu ouvert à tous/);
    const fiche = readFileSync(path.join(dist, 'lieux/numerique-espace-numerique-de-la-mediatheque-belfort/index.html'), 'utf8');
    expect(fiche).toMatch(/Maîtrise des outils numériques du quotidien/);
    expect(fiche).toMatch(/Fiche Accès libre/);
    expect(fiche).toMatch(/lmn-90-belfort/);
    const home = readFileSync(path.join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/placeholder="ex\. Belfort ou 90/);
    for (const f of htmlFiles(dist)) expect(PILOT_TEXT.exec(readFileSync(f, 'utf8'))?.[0], path.relative(dist, f)).toBeUndefined();
  });

  it('built in two parts, one Astro process each (as a large territory is), the site is the same, file for file', () => {
    const two = path.join(tmp, 'dist90-parties');
    const r = run('npx', ['tsx', 'scripts/build-pages.ts', '--outDir', two], { CARTE_DATA_DIR: data, CARTE_BUILD_PARTS: '2' });
    expect(r.status, r.out.slice(-3000)).toBe(0);
    expect(r.out).toMatch(/2 parties réunies/);
    const files = (dir: string) =>
      allFiles(dir)
        .map((f) => path.relative(dir, f))
        .sort();
    expect(files(two)).toEqual(files(dist));
    // The same bytes but for the build's time stamps (the page's and the calendar files').
    const read = (dir: string, f: string) =>
      readFileSync(path.join(dir, f), 'latin1')
        .replace(/data-built="[^"]*"/g, '')
        .replace(/^DTSTAMP:.*$/gm, '');
    for (const f of files(dist)) if (read(two, f) !== read(dist, f)) expect.fail(`${f} diffère entre les deux constructions`);
    // The parts' folders are gone.
    expect(readdirSync('.').filter((f) => /^dist\..*partie/.test(f))).toEqual([]);
  });
});

describe('an EPCI overseas, with nothing recorded and no population grid', () => {
  const data = path.join(tmp, 'epci');
  const dist = path.join(tmp, 'dist-epci');
  let gen: ReturnType<typeof run>;
  beforeAll(() => {
    gen = tsx('scripts/territoire.ts', '249720061', '--dossier', data);
  });

  it('writes the EPCI’s member communes and says the grid could not be found', () => {
    expect(gen.status, gen.out).toBe(0);
    const t = parse(readFileSync(path.join(data, 'territoire.yaml'), 'utf8'));
    expect(t.communes).toEqual(
      epci
        .find((e) => e.code === '249720061')!
        .membres.map((m) => m.code)
        .sort(),
    );
    expect(t.niveau).toBe('epci');
    expect(t.fichiers.population_grille).toBeUndefined();
    expect(gen.out).toMatch(/Introuvable \(1\)[\s\S]*grille de population/);
  });

  it('builds with empty offers, équipes, structures and lieux: pages say so, every commune is uncovered, seniors « non estimé »', () => {
    build(data, dist);
    const csv = readFileSync(path.join(dist, 'donnees/zones-blanches.csv'), 'utf8')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'));
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.every((r) => r[3] === 'non' && r[6] === '' && r[7] === '')).toBe(true);
    const zones = readFileSync(path.join(dist, 'zones-blanches/index.html'), 'utf8');
    expect(zones).toMatch(/non estimé/);
    expect(zones).not.toMatch(/Filosofi/); // no page cites a source it did not use
    expect(readFileSync(path.join(dist, 'zones-blanches/numerique/index.html'), 'utf8')).toMatch(/de la plus peuplée à la moins peuplée/);
    expect(readFileSync(path.join(dist, 'tableau-de-bord/index.html'), 'utf8')).not.toMatch(/pour 1 000 hab\. de 65 ans/);
    expect(readFileSync(path.join(dist, 'offres/index.html'), 'utf8')).toMatch(/Aucune activité n'est encore recensée/);
    expect(readFileSync(path.join(dist, 'equipes/index.html'), 'utf8')).toMatch(/Aucune équipe citoyenne n'est encore recensée/);
    expect(readFileSync(path.join(dist, 'structures/index.html'), 'utf8')).toMatch(/Aucune structure n'est encore recensée/);
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(/Rien n'est encore recensé/);
    for (const f of htmlFiles(dist)) expect(PILOT_TEXT.exec(readFileSync(f, 'utf8'))?.[0], path.relative(dist, f)).toBeUndefined();
  });
});

describe('communes re-created since the shipped polygons (Neussargues-Moissac, Cantal, undone in 2024)', () => {
  it('every commune gets an approximate polygon, marked and reported, and the data check passes', () => {
    const data = path.join(tmp, 'recreated');
    const gen = tsx('scripts/territoire.ts', '15141,15031,15035,15047,15171,15108', '--dossier', data);
    expect(gen.status, gen.out).toBe(0);
    expect(gen.out).toMatch(/Contours approchés \(5\)/);
    expect(gen.out).toMatch(/commune 15031 \(Celles\) : contour approché, part du contour de 15141/);
    expect(gen.out).not.toMatch(/Introuvable/);
    const shapes = JSON.parse(readFileSync(path.join(data, 'reference/communes.geojson'), 'utf8')) as {
      features: { properties: { code: string; contour_approche?: boolean } }[];
    };
    expect(shapes.features).toHaveLength(6);
    // 15108 (Val d'Arcomie, with polygons of its own) is not approximated.
    expect(shapes.features.filter((f) => f.properties.contour_approche).map((f) => f.properties.code)).toEqual(['15031', '15035', '15047', '15141', '15171']);
    const check = tsx('scripts/check-data.ts', data);
    expect(check.status, check.out).toBe(0);
  });
});
