/** `npm run import`: a spreadsheet goes through the same validation, and nothing is written when it fails. */
import { describe, expect, it, beforeEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { csvToRecords, detectDelimiter } from '../../../src/lib/import/csv-rows';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'carte-import-test-'));
  cpSync('tests/fixtures/mini', dir, { recursive: true });
  // The fixture's territory points at the shipped reference files relative to its own folder.
  const t = path.join(dir, 'territoire.yaml');
  writeFileSync(t, readFileSync(t, 'utf8').replaceAll('../../../data/', path.resolve('data') + '/'));
});
const run = (csv: string) => {
  try {
    return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/import-csv.ts', csv, '--data', dir], { encoding: 'utf8' }) };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
};

describe('csvToRecords', () => {
  it('reads ";" and "," files, nested columns, lists, yes/no and decimal commas', () => {
    expect(detectDelimiter('id;nom\n')).toBe(';');
    expect(detectDelimiter('id,nom\n')).toBe(',');
    const [row] = csvToRecords('\ufeffid;publics;inscription.obligatoire;mode.coordonnees.lat;frais.montant\nx;seniors| aidants;Oui;44,2;\n', 'offres');
    expect(row).toEqual({
      line: 2,
      record: { id: 'x', publics: ['seniors', 'aidants'], inscription: { obligatoire: true }, mode: { coordonnees: { lat: 44.2 } } },
    });
  });
});

describe('npm run import', () => {
  it('adds new rows and replaces rows whose id exists, then the data is valid', () => {
    const { code, out } = run('tests/fixtures/import/offres-ok.csv');
    expect(out).toContain('3 ligne(s) importée(s)');
    expect(out).toContain('2 ajoutée(s), 1 remplacée(s)');
    expect(code).toBe(0);
    const offres = parse(readFileSync(path.join(dir, 'offres.yaml'), 'utf8')) as { id: string; horaires?: string; mode: { type: string } }[];
    expect(offres.map((o) => o.id)).toEqual(['marche-test', 'atelier-tablette-test', 'ecoute-aidants-test']);
    expect(offres[0]!.horaires).toBe('Th 14:00-16:00');
    expect(offres[2]!.mode.type).toBe('a_distance');
  }, 60_000);
  it('reports every error with its CSV line and column, and writes nothing', () => {
    const before = readFileSync(path.join(dir, 'offres.yaml'), 'utf8');
    const { code, out } = run('tests/fixtures/import/offres-erreurs.csv');
    expect(code).toBe(1);
    const lines = out.split('\n').filter((l) => l.startsWith('ERREUR'));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/offres-erreurs\.csv:2 · enregistrement « atelier-tablette-test » · champ colonne /);
    expect(out).toMatch(/csv:2 .*colonne thematiques\[0\] — thématique inconnue.*« jardinage »/);
    expect(out).toMatch(/csv:2 .*colonne inscription\.obligatoire — type attendu : true ou false/);
    expect(out).toMatch(/csv:2 .*colonne contact\.telephone — téléphone/);
    expect(out).toMatch(/csv:3 .*colonne horaires — horaires illisibles/);
    expect(out).toMatch(/csv:4 .*colonne porteur — référence introuvable/);
    expect(out).toContain("rien n'a été écrit");
    expect(readFileSync(path.join(dir, 'offres.yaml'), 'utf8')).toBe(before);
  }, 60_000);
});
