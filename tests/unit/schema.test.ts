import { describe, expect, it } from 'vitest';
import { offre, lieu, equipe, normalizePhone } from '../../src/schemas';

const base = {
  id: 'cafe-des-aidants-nerac',
  nom: 'Café des aidants',
  description: 'Un moment pour les proches aidants.',
  thematiques: ['aidants'],
  publics: ['aidants'],
  frais: { type: 'gratuit' },
  inscription: { obligatoire: false },
  contact: { telephone: '05 36 49 12 34' },
  porteur: 'asso-exemple',
  mode: { type: 'sur_place', lieu: 'mediatheque-nerac' },
  horaires: 'Th[1] 14:00-16:00',
  source: { nom: 'Exemple' },
  verifie_le: '2026-10-01',
  exemple: true,
};
const messages = (r: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('offre schema', () => {
  it('accepts a complete offer and applies defaults', () => {
    const r = offre.safeParse(base);
    expect(messages(r)).toEqual([]);
    expect(r.success && r.data.langues).toEqual(['fr']);
    expect(r.success && r.data.accessibilite).toEqual({ pmr: false, malentendants: false, malvoyants: false });
  });
  it('accepts each mode', () => {
    for (const mode of [
      { type: 'sur_place', adresse: { voie: '1 place de la Mairie' }, commune: '47195', coordonnees: { lat: 44.13, lon: 0.34 } },
      { type: 'a_domicile', communes: ['47195', '47001'] },
      { type: 'a_distance', portee: 'national', canal: ['telephone'] },
    ])
      expect(messages(offre.safeParse({ ...base, mode })), mode.type).toEqual([]);
    const itinerant = {
      type: 'itinerant',
      arrets: [{ nom: 'Place du marché', commune: '47195', coordonnees: { lat: 44.13, lon: 0.34 }, horaires: 'Mo[1] 09:00-11:00' }],
    };
    const { horaires: _h, ...noHours } = base;
    expect(messages(offre.safeParse({ ...noHours, mode: itinerant }))).toEqual([]);
  });
  it('requires a place for an on-site offer without lieu', () => {
    expect(messages(offre.safeParse({ ...base, mode: { type: 'sur_place', commune: '47195' } }))).toEqual([
      "mode.adresse: adresse obligatoire quand aucun lieu n'est indiqué (donner « lieu » ou adresse + commune + coordonnées)",
      "mode.coordonnees: coordonnees obligatoire quand aucun lieu n'est indiqué (donner « lieu » ou adresse + commune + coordonnées)",
    ]);
  });
  it('requires an amount when the offer is paid, and at least one contact channel', () => {
    expect(messages(offre.safeParse({ ...base, frais: { type: 'payant' }, contact: { nom: 'Accueil' } }))).toEqual([
      'frais.montant: montant (ex. « 2 € la séance ») obligatoire',
      'contact: contact : au moins un téléphone, un courriel ou un site web',
    ]);
  });
  it('rejects an unknown mode and unknown fields', () => {
    expect(messages(offre.safeParse({ ...base, mode: { type: 'en_bus' } }))).toEqual([
      'mode.type: mode.type attendu : sur_place, a_domicile, a_distance ou itinerant',
    ]);
    expect(messages(offre.safeParse({ ...base, tarif: 'gratuit' }))).toEqual([': champ(s) inconnu(s) : tarif (faute de frappe ?)']);
  });
  it('rejects ids that are not slugs', () => {
    expect(messages(offre.safeParse({ ...base, id: 'Café Nérac' }))[0]).toMatch(/^id: identifiant attendu en minuscules/);
  });
});

describe('lieu and equipe schemas', () => {
  it('require coordinates for a lieu and communes for an équipe', () => {
    expect(messages(lieu.safeParse({ id: 'x', nom: 'X', type: 'bibliotheque', commune: '47001', source: { nom: 's' }, verifie_le: '2026-01-01' }))).toEqual([
      'coordonnees: coordonnées obligatoires (lat, lon)',
    ]);
    expect(
      messages(
        equipe.safeParse({
          id: 'e',
          nom: 'E',
          porteur: 'p',
          communes: [],
          activites: ['visites'],
          contact: { courriel: 'a@b.fr' },
          source: { nom: 's' },
          verifie_le: '2026-01-01',
        }),
      ),
    ).toEqual(['communes: au moins une commune couverte']);
  });
  it('rejects an INSEE code given as a number (YAML without quotes)', () => {
    expect(
      messages(
        lieu.safeParse({
          id: 'x',
          nom: 'X',
          type: 'bibliotheque',
          commune: 47001,
          coordonnees: { lat: 44.2, lon: 0.6 },
          source: { nom: 's' },
          verifie_le: '2026-01-01',
        }),
      ),
    ).toEqual(['commune: code INSEE attendu entre guillemets (texte de 5 caractères)']);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['05 53 12 34 56', '0553123456'],
    ['+33 5 53 12 34 56', '0553123456'],
    ['05.53.12.34.56', '0553123456'],
    ['3919', '3919'],
    ['05 53 12 34', null],
    ['12 34 56 78 90', null],
  ])('%s → %s', (raw, expected) => expect(normalizePhone(raw)).toBe(expected));
});
