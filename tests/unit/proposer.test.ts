/** /proposer/ logic without a browser: form fields → record, French messages, corrections for `import --fusion`. */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/dataset';
import { proposerContext } from '../../src/pages/proposer/_context';
import { formToRecord, resolveCommune, slugify, validateRecord } from '../../src/browser/proposer/record';
import { toYaml } from '../../src/browser/proposer/output';
import { checkValue, correctableFields, correctionCsv } from '../../src/browser/proposer/correction';
import { csvToRecords } from '../../src/lib/import/csv-rows';
import { offre } from '../../src/schemas';

const ds = loadDataset('data').dataset!;
const ctx = proposerContext(ds, 'offres');
const porteur = ds.structures[0]!.id;
const good: [string, string][] = [
  ['nom', 'Atelier tricot du jeudi'],
  ['description', 'On tricote ensemble autour d’un thé.'],
  ['thematiques', 'culture-loisirs'],
  ['thematiques', 'repas-convivialite'],
  ['publics', 'seniors'],
  ['porteur', porteur],
  ['mode.type', 'sur_place'],
  ['mode.adresse.voie', '2 place de la Mairie'],
  ['mode.commune', 'Nérac (47195)'],
  ['mode.coordonnees.lat', '44.136'],
  ['mode.coordonnees.lon', '0.339'],
  ['horaires', 'Th 14:00-16:00'],
  ['frais.type', 'gratuit'],
  ['inscription.obligatoire', 'non'],
  ['accessibilite.pmr', 'oui'],
  ['contact.telephone', '05 36 49 10 01'],
];

describe('form → record', () => {
  it('builds a record the offer schema accepts, with an id, a source and today as verification date', () => {
    const { record, issues } = formToRecord(ctx, good, '2026-11-25');
    expect(issues).toEqual([]);
    expect(validateRecord(ctx, record)).toEqual([]);
    expect(record).toMatchObject({
      id: 'atelier-tricot-du-jeudi',
      thematiques: ['culture-loisirs', 'repas-convivialite'],
      inscription: { obligatoire: false },
      accessibilite: { pmr: true },
      mode: { commune: '47195', coordonnees: { lat: 44.136 } },
      verifie_le: '2026-11-25',
    });
    expect(offre.safeParse(record).success).toBe(true);
    expect(toYaml(record)).toMatch(/^- id: atelier-tricot-du-jeudi\n/);
    expect(toYaml(record)).toContain('commune: "47195"');
  });
  it('reports every problem in French, on its field', () => {
    const bad = good
      .filter(([k]) => !['description', 'publics', 'porteur'].includes(k))
      .map(([k, v]): [string, string] =>
        k === 'horaires' ? [k, 'jeudi 14h'] : k === 'contact.telephone' ? [k, '12'] : k === 'mode.commune' ? [k, 'Paris'] : [k, v],
      );
    const { record, issues } = formToRecord(ctx, bad, '2026-11-25');
    const all = [...issues, ...validateRecord(ctx, record)];
    const by = (c: string) =>
      all
        .filter((i) => i.champ === c)
        .map((i) => i.message)
        .join(' | ');
    expect(by('mode.commune')).toMatch(/commune inconnue du territoire .*« Paris »/);
    expect(by('description')).toMatch(/obligatoire/);
    expect(by('publics')).toMatch(/obligatoire/);
    expect(by('porteur')).toMatch(/obligatoire/);
    expect(by('horaires')).toMatch(/horaires illisibles/);
    expect(by('contact.telephone')).toMatch(/téléphone attendu au format français/);
    for (const i of all) expect(i.message).not.toMatch(/Required|Expected|Invalid/);
  });
  it('never reuses an existing id', () => {
    const taken = ds.offres[0]!;
    const { record } = formToRecord(ctx, [['nom', taken.nom]], '2026-11-25');
    expect(record.id).not.toBe(taken.id);
    expect(slugify("Café des aidants d'Agen")).toBe('cafe-des-aidants-d-agen');
  });
  it('understands communes typed as name, code or list label', () => {
    expect(resolveCommune(ctx, 'nérac')).toBe('47195');
    expect(resolveCommune(ctx, '47195')).toBe('47195');
    expect(resolveCommune(ctx, 'Nérac (47195)')).toBe('47195');
    expect(resolveCommune(ctx, '75056')).toBeNull();
  });
});

describe('structure variant', () => {
  it('a structure with the CNSA fields passes; a referent with a private name does not', () => {
    const sctx = proposerContext(ds, 'structures');
    const fields: [string, string][] = [
      ['nom', 'Association test'],
      ['typologie', 'association'],
      ['presentation', 'Rompre l’isolement des aînés.'],
      ['commune', 'Agen'],
      ['benevoles', 'oui'],
      ['modalites_contact', 'Par téléphone.'],
      ['zone_intervention', 'Agen, Boé'],
      ['financements', 'Cotisations'],
      ['referent.fonction', 'Coordinatrice'],
    ];
    const { record, issues } = formToRecord(sctx, fields, '2026-11-25');
    expect(issues).toEqual([]);
    expect(validateRecord(sctx, record)).toEqual([]);
    expect(record.zone_intervention).toEqual(['47001', '47031']);
    expect(validateRecord(sctx, { ...record, referent: { fonction: 'X', nom: 'Jeanne Martin' } }).map((i) => i.champ)).toContain('referent.nom');
  });
});

describe('corrections', () => {
  it('offers the fields of the fiche, checks the value with its schema, and writes a CSV that import --fusion reads', () => {
    expect(correctableFields('offres').map((f) => f.champ)).toEqual(expect.arrayContaining(['horaires', 'contact.telephone', 'nom']));
    expect(correctableFields('offres').map((f) => f.champ)).not.toContain('id');
    expect(checkValue('offres', 'horaires', 'mardi 14h')).toMatch(/horaires illisibles/);
    expect(checkValue('offres', 'horaires', 'Tu 14:00-16:00')).toBeNull();
    expect(checkValue('lieux', 'telephone', '12')).toMatch(/téléphone/);
    const csv = correctionCsv('offres', 'marche-douce-nerac', 'contact.telephone', '05 36 49 10 09');
    expect(csv).toBe('\uFEFFid;contact.telephone\r\nmarche-douce-nerac;05 36 49 10 09\r\n');
    expect(csvToRecords(csv, 'offres')[0]!.record).toEqual({ id: 'marche-douce-nerac', contact: { telephone: '05 36 49 10 09' } });
  });
});
