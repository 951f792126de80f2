/**
 * The data·inclusion export validates against the published v1 JSON Schemas (copied in src/schemas/standards/,
 * Licence Ouverte 2.0), checked with ajv + ajv-formats. The schemas allow extra properties; here they
 * are closed, so that a misspelt field name fails too.
 */
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import structureSchema from '../../src/schemas/standards/data-inclusion-v1/structure.json';
import serviceSchema from '../../src/schemas/standards/data-inclusion-v1/service.json';
import { loadDataset } from '../../src/lib/data/dataset';
import { diServices, diStructures } from '../../src/lib/export/data-inclusion';
import { mediationNumerique } from '../../src/lib/export/mediation-numerique';
import type { Dataset } from '../../src/lib/data/dataset';
import { thematique } from '../../src/schemas';

/** A plain predicate (not a type guard, so a failing record keeps its type in the message). */
function validator(schema: object): ((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv.compile({ ...schema, additionalProperties: false });
}
const validStructure = validator(structureSchema);
const validService = validator(serviceSchema);
const ds = loadDataset('data').dataset as Dataset;

describe('data·inclusion v1 export', () => {
  it('every structure validates against structure.json', () => {
    const out = diStructures(ds);
    expect(out).toHaveLength(ds.structures.length);
    for (const s of out) expect(validStructure(s) ? null : { id: s.id, errors: validStructure.errors }).toBeNull();
  });
  it('every offer validates against service.json, with thématiques from the catalogue', () => {
    const out = diServices(ds);
    expect(out).toHaveLength(ds.offres.length);
    for (const s of out) expect(validService(s) ? null : { id: s.id, errors: validService.errors }).toBeNull();
    expect(out.every((s) => s.thematiques && s.thematiques.length > 0)).toBe(true);
    const ids = new Set(diStructures(ds).map((s) => s.id));
    expect(out.every((s) => ids.has(s.structure_id))).toBe(true);
  });
  it('the validator does catch a wrong record (not a test that cannot fail)', () => {
    const s = { ...diServices(ds)[0]!, frais: 'offert', thematiques: ['lien-social'] };
    expect(validService(s)).toBe(false);
    expect(validService.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/frais', '/thematiques/0']));
    expect(validStructure({ ...diStructures(ds)[0]!, champ_inconnu: 1 })).toBe(false);
  });
  it('the catalogue accepts only data·inclusion v1 thématique codes (check-data reports a legacy or misspelt code)', () => {
    const t = { id: 'x', libelle: 'X', description: 'X', couleur: '#000000', icone: 'phone' };
    expect(thematique.safeParse({ ...t, data_inclusion: ['remobilisation--lien-social'] }).success).toBe(true);
    const bad = thematique.safeParse({ ...t, data_inclusion: ['lien-social'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toMatch(/thématique data·inclusion inconnue du référentiel v1/);
  });
  it('publics without a national code are kept in publics_precisions', () => {
    const o = ds.offres.find((x) => x.publics.includes('aidants'))!;
    const s = diServices(ds).find((x) => x.id.endsWith(`--${o.id}`))!;
    expect(s.publics_precisions).toContain('Aidants');
  });
});

describe('lieux de médiation numérique export', () => {
  it('exports every lieu of that type through the ANCT library, or says why not', () => {
    const med = mediationNumerique(ds);
    const n = ds.lieux.filter((l) => l.type === 'mediation_numerique').length;
    expect(n).toBeGreaterThan(0);
    expect(med.lieux.length + med.exclus.length).toBe(n);
    for (const l of med.lieux) {
      expect(l.pivot).toMatch(/^\d{14}$/);
      expect(l.code_postal).toMatch(/^\d{5}$/);
      expect(l.date_maj).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.services).toBeTruthy();
    }
  });
  it('lists a lieu without postal code as excluded, with the reason', () => {
    const l = ds.lieux.find((x) => x.type === 'mediation_numerique')!;
    const med = mediationNumerique({ ...ds, lieux: [{ ...l, adresse: undefined }] });
    expect(med.lieux).toHaveLength(0);
    expect(med.exclus[0]!.raison).toMatch(/code postal/);
  });
});
