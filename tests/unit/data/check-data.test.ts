/**
 * The validation a coordinator reads: every planted error of tests/fixtures/erreurs-plantees is reported,
 * in one run, with file, line, record and field, in French.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadDataset } from '../../../src/lib/data/dataset';
import { formatIssue, type DataIssue } from '../../../src/lib/data/issues';

const FIXTURE = path.resolve('tests/fixtures/erreurs-plantees');
const TODAY = new Date('2026-11-23T12:00:00Z');
let issues: DataIssue[];

beforeAll(() => {
  issues = loadDataset(FIXTURE, { today: TODAY }).issues;
});

function find(record: string, champ: string): DataIssue {
  const hit = issues.find((i) => i.enregistrement === `« ${record} »` && i.champ === champ);
  if (!hit) throw new Error(`aucune erreur pour ${record} / ${champ} parmi :\n${issues.map(formatIssue).join('\n')}`);
  return hit;
}

describe('validation messages, one per error kind', () => {
  it('missing field', () => {
    const i = find('sans-description', 'description');
    expect(i.fichier).toBe('tests/fixtures/erreurs-plantees/offres.yaml');
    expect(i.ligne).toBe(16);
    expect(i.message).toMatch(/obligatoire/);
  });
  it('wrong type', () => {
    const i = find('mauvais-type', 'inscription.obligatoire');
    expect(i.message).toBe('type attendu : true ou false (reçu : un texte)');
    expect(i.valeur).toBe('oui');
    expect(i.ligne).toBe(36);
  });
  it('unknown thématique', () => {
    const i = find('theme-inconnu', 'thematiques[0]');
    expect(i.message).toMatch(/thématique inconnue.*activite-physique, aidants/);
    expect(i.valeur).toBe('jardinage');
  });
  it('coordinates outside the territory', () => {
    expect(find('lieu-a-paris', 'coordonnees').message).toMatch(/hors du territoire/);
  });
  it('latitude and longitude swapped', () => {
    expect(find('lieu-inverse', 'coordonnees').message).toMatch(/inversées/);
  });
  it('commune code not in the territory', () => {
    const i = find('commune-hors-territoire', 'mode.communes[1]');
    expect(i.valeur).toBe('75056');
    expect(i.message).toMatch(/commune hors du territoire/);
    expect(find('equipe-test', 'communes[1]').valeur).toBe('47999');
  });
  it('duplicate id', () => {
    const i = find('mediatheque-test', 'id');
    expect(i.message).toMatch(/en double \(déjà utilisé ligne 1\)/);
    expect(i.ligne).toBe(25);
  });
  it('dangling reference', () => {
    expect(find('porteur-inconnu', 'porteur').message).toMatch(/référence introuvable/);
    expect(find('equipe-test', 'porteur').valeur).toBe('ccas-fantome');
  });
  it('invalid phone, e-mail and URL', () => {
    expect(find('telephone-faux', 'contact.telephone').message).toMatch(/téléphone attendu au format français/);
    expect(find('asso-mauvais-contacts', 'courriel').message).toMatch(/courriel invalide/);
    expect(find('asso-mauvais-contacts', 'site_web').message).toMatch(/http:\/\/ ou https:\/\//);
  });
  it('unparsable schedule', () => {
    const i = find('horaires-illisibles', 'horaires');
    expect(i.message).toMatch(/^horaires illisibles/);
    expect(i.valeur).toBe('le mardi après-midi');
  });
  it('stale verification is a warning, not an error', () => {
    const i = find('lieu-ancien', 'verifie_le');
    expect(i.niveau).toBe('avertissement');
    expect(i.message).toMatch(/plus de 12 mois/);
  });
  it('a valid record raises nothing', () => {
    expect(issues.filter((i) => i.enregistrement === '« marche-test »')).toEqual([]);
  });
  it('formats an issue with file:line, record, field and value', () => {
    expect(formatIssue(find('theme-inconnu', 'thematiques[0]'))).toBe(
      'ERREUR tests/fixtures/erreurs-plantees/offres.yaml:48 · enregistrement « theme-inconnu » · champ thematiques[0] — thématique inconnue du catalogue du territoire (attendu : activite-physique, aidants) (valeur : « jardinage »)',
    );
  });
});

describe('npm run check-data', () => {
  const run = (dir: string) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/check-data.ts', dir], { encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };
  it('prints every planted error in one run and exits non-zero', () => {
    const { code, out } = run(FIXTURE);
    expect(code).toBe(1);
    const errorLines = out.split('\n').filter((l) => l.startsWith('ERREUR '));
    expect(errorLines).toHaveLength(issues.filter((i) => i.niveau === 'erreur').length);
    for (const kind of [
      'obligatoire',
      'type attendu',
      'thématique inconnue',
      'hors du territoire',
      'inversées',
      'commune hors du territoire',
      'en double',
      'référence introuvable',
      'téléphone',
      'courriel invalide',
      'http://',
      'horaires illisibles',
    ])
      expect(out, kind).toContain(kind);
    expect(out).toMatch(/offres : 8 lu\(s\), 4 invalide\(s\)/);
  }, 60_000);
  it('accepts the shipped data', () => {
    const { code, out } = run('data');
    expect(
      out,
      out
        .split('\n')
        .filter((l) => l.startsWith('ERREUR'))
        .join('\n'),
    ).toMatch(/^0 erreur\(s\)/m);
    expect(code).toBe(0);
  }, 60_000);
});

describe('the build', () => {
  it('stops with the complete report when the data is invalid (site(), used by every page and the content loader)', async () => {
    process.env.CARTE_DATA_DIR = FIXTURE;
    const { site } = await import('../../../src/lib/site');
    try {
      expect(() => site()).toThrow(/14 erreur\(s\)/);
      try {
        site();
      } catch (e) {
        const lines = String((e as Error).message)
          .split('\n')
          .filter((l) => l.startsWith('ERREUR'));
        expect(lines).toHaveLength(issues.filter((i) => i.niveau === 'erreur').length);
      }
    } finally {
      delete process.env.CARTE_DATA_DIR;
    }
  });
});
