/**
 * The hostile corpus (tests/fixtures/hostile/): files as coordinators really produce them — tabs, duplicated
 * keys, old encodings, emptied files, alias bombs, impossible dates, invisible characters, paths leaving
 * data/ — each case replacing one file of a valid base. For every case: the expected French errors, at
 * their line, each reported ONCE; no parser English, no file content; and the count of valid records
 * proving that no valid record was dropped because of its neighbour.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDataset, type CollectionName } from '../../src/lib/data/dataset';
import { formatIssue, type DataIssue } from '../../src/lib/data/issues';
import { countsFile, writeCounts } from '../../src/lib/data/shrink-guard';
import { readText } from '../../src/lib/data/read-text';
import { csvToRecords } from '../../src/lib/import/csv-rows';

const ROOT = path.resolve('tests/fixtures/hostile');
const TODAY = new Date('2026-11-23T12:00:00Z');
const work = mkdtempSync(path.join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Expected {
  ligne?: number;
  champ?: string;
  message: string;
}
interface Case {
  description: string;
  erreurs: Expected[];
  avertissements: Expected[];
  valides: Record<CollectionName, number>;
  interdit: string;
  maxErreurs?: number;
  sansTerritoire?: boolean;
  nom?: { lieux: string; valeur: string };
}

/** A fresh copy of the base with the case's files laid over it. */
function dataDirFor(name: string, caseDir?: string): string {
  const dir = path.join(work, name);
  cpSync(path.join(ROOT, 'base'), dir, { recursive: true, dereference: false, filter: (src) => !src.endsWith('reference') });
  symlinkSync(path.resolve('data/reference'), path.join(dir, 'reference'));
  if (caseDir) for (const f of readdirSync(caseDir)) if (f !== '_cas.json') cpSync(path.join(caseDir, f), path.join(dir, f));
  return dir;
}

const matches = (i: DataIssue, e: Expected) =>
  new RegExp(e.message).test(i.message) && (e.ligne === undefined || i.ligne === e.ligne) && (e.champ === undefined || i.champ === e.champ);

const names = readdirSync(path.join(ROOT, 'cas')).sort();
const totals = { cases: 0, validRecords: 0 };

describe('hostile corpus', () => {
  it('has a case for each class of problem', () => expect(names.length).toBeGreaterThanOrEqual(25));

  it('base: valid, nothing to report', () => {
    const r = loadDataset(dataDirFor('base'), { today: TODAY });
    expect(r.issues.map(formatIssue)).toEqual([]);
  });

  for (const name of names) {
    it(name, () => {
      const caseDir = path.join(ROOT, 'cas', name);
      const c = JSON.parse(readFileSync(path.join(caseDir, '_cas.json'), 'utf8')) as Case;
      const dir = dataDirFor(name, caseDir);
      const r = loadDataset(dir, { today: TODAY, relRoot: dir });
      const report = `${c.description}\n${r.issues.map(formatIssue).join('\n')}`;
      const errors = r.issues.filter((i) => i.niveau === 'erreur');
      const warnings = r.issues.filter((i) => i.niveau === 'avertissement');
      for (const e of c.erreurs)
        expect(
          errors.some((i) => matches(i, e)),
          `${JSON.stringify(e)}\n${report}`,
        ).toBe(true);
      for (const w of c.avertissements)
        expect(
          warnings.some((i) => matches(i, w)),
          `${JSON.stringify(w)}\n${report}`,
        ).toBe(true);
      if (c.maxErreurs) expect(errors.length, report).toBeLessThanOrEqual(c.maxErreurs);
      else expect(errors.length, report).toBe(c.erreurs.length);
      expect(warnings.length, report).toBe(c.avertissements.length);
      // Never the parser's English, never a line of a file that should not have been read.
      for (const i of r.issues) expect(i.message, report).not.toMatch(new RegExp(c.interdit));
      // No valid record dropped: every record the case did not break is still there and valid.
      const valid = Object.fromEntries(Object.entries(r.counts).map(([k, n]) => [k, n.valid]));
      expect(valid, report).toEqual(c.valides);
      if (c.sansTerritoire) expect(r.dataset).toBeUndefined();
      if (c.nom) expect(r.dataset?.lieux.find((l) => l.id === c.nom!.lieux)?.nom).toBe(c.nom.valeur);
      totals.cases++;
      totals.validRecords += Object.values(valid).reduce((a, b) => a + b, 0);
    });
  }

  it('counts every case and every valid record kept', () => {
    expect(totals.cases).toBe(names.length);
    console.log(`corpus hostile : ${totals.cases} cas, ${totals.validRecords} enregistrements valides conservés`);
  });
});

describe('collections that shrink between two checks', () => {
  const counts = path.join(work, 'cache');
  it('an offres.yaml cut from 7 to 3 records is an error, unless confirmed', () => {
    const dir = dataDirFor('shrink');
    const file = countsFile(dir, counts);
    expect(loadDataset(dir, { today: TODAY, countsFile: file }).issues).toEqual([]); // records 7 offers
    const offres = readFileSync(path.join(dir, 'offres.yaml'), 'utf8');
    const cut = offres.slice(0, offres.indexOf('- id: gym-douce-agen'));
    writeFileSync(path.join(dir, 'offres.yaml'), cut);
    const after = loadDataset(dir, { today: TODAY, countsFile: file }).issues;
    expect(after.map((i) => i.message)).toEqual([
      expect.stringMatching(/4 enregistrement\(s\) de moins qu’au contrôle précédent \(7 → 3\).*CONFIRMER_SUPPRESSIONS=1/),
    ]);
    const confirmed = loadDataset(dir, { today: TODAY, countsFile: file, confirmShrink: true }).issues;
    expect(confirmed.map((i) => i.niveau)).toEqual(['avertissement']);
    // Once confirmed (and the check passed), 3 is the new reference: the next check is quiet.
    expect(loadDataset(dir, { today: TODAY, countsFile: file }).issues).toEqual([]);
  });
  it('losing one record of seven is not "many at once"', () => {
    const dir = dataDirFor('shrink-one');
    const file = countsFile(dir, counts);
    writeCounts(file, { structures: 7, lieux: 7, offres: 8, equipes: 2 });
    expect(loadDataset(dir, { today: TODAY, countsFile: file }).issues).toEqual([]);
  });
});

describe('spreadsheets saved by an old spreadsheet program', () => {
  it('a Windows-1252 CSV is converted with a notice, never garbled', () => {
    const { text, notice } = readText(path.join(ROOT, 'csv/offres-latin1.csv'));
    expect(notice).toMatch(/Windows-1252.*UTF-8/);
    const rows = csvToRecords(text, 'offres');
    expect(rows[0]!.record.nom).toBe('Atelier tablette à la médiathèque');
    expect(JSON.stringify(rows)).not.toMatch(/\uFFFD/);
  });
});
