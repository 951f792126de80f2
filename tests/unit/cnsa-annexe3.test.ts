/** Every rubrique of the CNSA annex 3 (fiche de présentation des acteurs) maps to the structure model and shows on the fiche. */
import { describe, expect, it } from 'vitest';
import { ANNEXE3, annexe3Values, weekendOpening, NON_RENSEIGNE } from '../../src/lib/cnsa/annexe3';
import { structure, type Structure, type Offre } from '../../src/schemas';

/** The rubriques of the CNSA form (guide 2025, annexe 3), as the issue and the domain notes list them. */
const FORM = [
  'Nom de la structure',
  'Objectifs de la structure',
  'Types de services proposés',
  'Populations concernées',
  "Zone d'intervention",
  'Compétences des professionnels',
  "Méthodes et outils spécifiques de lutte contre l'isolement",
  'Intervention de bénévoles',
  'Modes de financement',
  "Site d'accueil",
  "Horaires d'ouverture",
  'Permanences le week-end',
  'Modalités de prise de contact',
  'Personne référente',
  'Adresse',
  'Téléphone',
  'Courriel',
  'Document de présentation',
];

const base: Structure = structure.parse({
  id: 's',
  nom: 'Structure test',
  typologie: 'association',
  presentation: 'Présentation de test.',
  commune: '47001',
  benevoles: true,
  modalites_contact: 'Par téléphone.',
  source: { nom: 'test' },
  verifie_le: '2026-01-01',
});

describe('CNSA annex 3', () => {
  it('lists every rubrique of the form, each read from model fields or derived', () => {
    expect(ANNEXE3.map((r) => r.libelle)).toEqual(FORM);
    const shape = Object.keys(structure.shape);
    for (const r of ANNEXE3) {
      expect(r.champs.length > 0 || r.derive !== undefined, r.libelle).toBe(true);
      for (const c of r.champs) expect(shape, `${r.libelle} → ${c}`).toContain(c);
    }
  });
  it('the new fields exist in the model and a private name needs the person’s agreement', () => {
    for (const f of ['competences_professionnels', 'methodes_outils', 'financements', 'referent', 'document_presentation'])
      expect(Object.keys(structure.shape)).toContain(f);
    expect(structure.safeParse({ ...base, referent: { fonction: 'Coordinatrice', nom: 'Marie Dupont' } }).success).toBe(false);
    expect(structure.safeParse({ ...base, referent: { fonction: 'Coordinatrice', nom: 'Marie Dupont', nom_publie_avec_accord: true } }).success).toBe(true);
    expect(structure.safeParse({ ...base, referent: { fonction: 'Coordinatrice' } }).success).toBe(true);
  });
  it('fills each rubrique from the record, its offers and its hours', () => {
    const s: Structure = {
      ...base,
      horaires: 'Mo-Fr 09:00-12:00; Sa 10:00-12:00',
      financements: 'Subventions',
      referent: { fonction: 'Coordinatrice' },
      document_presentation: 'https://exemple.org/p.pdf',
    };
    const offres = [{ thematiques: ['aidants'], publics: ['aidants', 'seniors'], mode: { type: 'sur_place' } }] as unknown as Offre[];
    const v = Object.fromEntries(
      annexe3Values(s, { offres, communeNom: () => 'Agen', territoireNom: 'T', themeLabel: () => 'Soutien aux aidants' }).map((r) => [r.libelle, r.valeur]),
    );
    expect(v['Types de services proposés']).toBe('Soutien aux aidants (sur place)');
    expect(v['Populations concernées']).toBe('Aidants et Personnes âgées');
    expect(v['Permanences le week-end']).toBe('Oui');
    expect(v['Modes de financement']).toBe('Subventions');
    expect(v['Compétences des professionnels']).toBe(NON_RENSEIGNE);
    expect(v["Zone d'intervention"]).toBe('Tout le territoire T');
  });
  it('reads weekend opening from the hours', () => {
    expect(weekendOpening('Mo-Fr 09:00-12:00')).toBe(false);
    expect(weekendOpening('Mo-Sa 09:00-12:00')).toBe(true);
    expect(weekendOpening('Su[1] 10:00-12:00')).toBe(true);
    expect(weekendOpening('"sur rendez-vous"')).toBeNull();
  });
});
