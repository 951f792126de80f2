// biome-ignore-all lint/suspicious/noExplicitAny: GeoJSON edited in place by the test helpers
/**
 * Hostile reference files: another territory's contour, another territory's population grid, a communes file
 * without population, another territory's communes file, a file cut short, a grid without the age counts. Each gets a French message naming the file (all at once, never a crash), both from
 * check-data and from the site build's loader.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/dataset';
import { formatIssue, type DataIssue } from '../../src/lib/data/issues';
import { DataValidationError } from '../../src/lib/data/issues';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'carte-reference-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the pilot's data folder with one reference file changed by `edit`. */
function pilotWith(name: string, file: string, edit: (json: any) => unknown): string {
  const dir = path.join(tmp, name);
  cpSync('data', dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}national`) });
  const p = path.join(dir, file);
  writeFileSync(p, JSON.stringify(edit(JSON.parse(readFileSync(p, 'utf8')))));
  return dir;
}
/** Moves every coordinate by `dlon` degrees: the same shapes, somewhere else in France. */
function shift(geojson: any, dlon: number): any {
  const walk = (c: any): any => (typeof c[0] === 'number' ? [c[0] + dlon, c[1]] : c.map(walk));
  const move = (f: any) => ({ ...f, geometry: { ...f.geometry, coordinates: walk(f.geometry.coordinates) } });
  return geojson.type === 'FeatureCollection' ? { ...geojson, features: geojson.features.map(move) } : move(geojson);
}
const errors = (dir: string) => loadDataset(dir).issues.filter((i) => i.niveau === 'erreur');
const text = (issues: DataIssue[]) => issues.map(formatIssue).join('\n');

describe('hostile reference files', { timeout: 180_000 }, () => {
  it('the pilot itself has no reference error', () => {
    expect(text(loadDataset('data').issues.filter((i) => i.niveau === 'erreur' && i.fichier.includes('reference')))).toBe('');
  });

  it('a contour of another territory', () => {
    const dir = pilotWith('contour', 'reference/contour.geojson', (c) => shift(c, 4));
    const issues = errors(dir);
    expect(text(issues)).toMatch(
      /reference\/contour\.geojson — le contour ne correspond pas aux communes du territoire : 319 centre\(s\) de commune sur 319 sont hors du contour/,
    );
  });

  it('a population grid of another territory', () => {
    const dir = pilotWith('grille', 'reference/population-filosofi-5km.geojson', (g) => shift(g, 4));
    expect(text(errors(dir))).toMatch(/population-filosofi-5km\.geojson — la grille de population ne recouvre pas le territoire/);
  });

  it('a communes file without population (and without centre for one commune): every problem, in one message per property', () => {
    const dir = pilotWith('population', 'reference/communes.geojson', (fc) => {
      for (const f of fc.features) delete f.properties.population;
      delete fc.features[0].properties.centre_lat;
      return fc;
    });
    const issues = errors(dir);
    const t = text(issues);
    expect(t).toMatch(
      /reference\/communes\.geojson · champ properties\.population — propriété « population » absente ou invalide pour 319 entité\(s\) : commune « 47\d{3} » /,
    );
    expect(t).toMatch(/propriété « centre_lat » absente ou invalide pour 1 entité\(s\)/);
    expect(t).toMatch(/npm run territoire/);
    expect(t).not.toMatch(/toLocaleString|TypeError|undefined/);
    // Records are not checked against a broken communes file: no flood of « commune hors du territoire ».
    expect(t).not.toMatch(/commune hors du territoire/);
  });

  it('a communes file of another territory: every listed commune missing from it, and its own communes ignored, said', () => {
    const dir = pilotWith('autres-communes', 'reference/communes.geojson', (fc) => {
      for (const f of fc.features) f.properties.code = `40${f.properties.code.slice(2)}`;
      return fc;
    });
    const t = text(errors(dir));
    expect(t).toMatch(/territoire\.yaml:\d+ · champ communes\[0\] — commune absente du fichier de référence .*communes\.geojson/);
    expect(t.match(/commune absente du fichier de référence/g)).toHaveLength(319);
    expect(text(loadDataset(dir).issues)).toMatch(/319 commune\(s\) du fichier ne sont pas dans la liste « communes »/);
  });

  it('a reference file that is not JSON (cut short): where it breaks, in French', () => {
    const dir = pilotWith('tronque', 'reference/contour.geojson', (c) => c);
    const p = path.join(dir, 'reference/contour.geojson');
    writeFileSync(p, readFileSync(p, 'utf8').slice(0, 500));
    const t = text(errors(dir));
    expect(t).toMatch(/contour\.geojson — fichier GeoJSON illisible : ce n’est pas du JSON valide/);
    expect(t).not.toMatch(/SyntaxError|Unexpected/);
  });

  it('a population grid without the age counts', () => {
    const dir = pilotWith('grille-sans-ages', 'reference/population-filosofi-5km.geojson', (g) => {
      for (const f of g.features) delete f.properties.ind_80p;
      return g;
    });
    expect(text(errors(dir))).toMatch(
      /population-filosofi-5km\.geojson — \d+ carreau\(x\) sans contour ou sans les effectifs attendus \(propriétés numériques ind, ind_65_79, ind_80p\)/,
    );
  });

  it('the build refuses the same data with the same French report', async () => {
    const dir = pilotWith('build', 'reference/contour.geojson', (c) => shift(c, 4));
    const { site } = await import('../../src/lib/site');
    process.env.CARTE_DATA_DIR = dir;
    try {
      let error: unknown;
      try {
        site();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataValidationError);
      expect((error as Error).message).toMatch(
        /^Les données contiennent des erreurs :\nERREUR .*contour\.geojson — le contour ne correspond pas aux communes du territoire/,
      );
    } finally {
      delete process.env.CARTE_DATA_DIR;
    }
  });
});
