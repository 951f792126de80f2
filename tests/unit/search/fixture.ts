/** A tiny hand-made territory around Agen, for the search unit tests. */
import { equipe, lieu, offre, structure, territoire } from '../../../src/schemas';
import type { Dataset } from '../../../src/lib/data/dataset';

const src = { source: { nom: 'Exemple de test' }, verifie_le: '2026-11-01', exemple: true };
export const COMMUNES = {
  agen: { code: '47001', nom: 'Agen', population: 32193, centre: { lat: 44.201, lon: 0.6302 } },
  boe: { code: '47031', nom: 'Boé', population: 5784, centre: { lat: 44.1695, lon: 0.6494 } },
  nerac: { code: '47195', nom: 'Nérac', population: 6937, centre: { lat: 44.1339, lon: 0.347 } },
  villeneuve: { code: '47323', nom: 'Villeneuve-sur-Lot', population: 22004, centre: { lat: 44.4183, lon: 0.7484 } },
  marmande: { code: '47157', nom: 'Marmande', population: 17361, centre: { lat: 44.5014, lon: 0.1689 } },
};
const theme = (id: string, libelle: string, equipes: string[] = []) => ({ id, libelle, description: libelle, couleur: '#123456', icone: 'circle', equipes });

export function fixtureDataset(): Dataset {
  const t = territoire.parse({
    id: 'test',
    nom: 'Test',
    niveau: 'departement',
    code: '47',
    communes: Object.values(COMMUNES).map((c) => c.code),
    thematiques: [
      theme('activite-physique', 'Activité physique adaptée'),
      theme('numerique', 'Numérique'),
      theme('visites-domicile', 'Visites à domicile', ['visites']),
      theme('ecoute-entraide', 'Écoute et entraide', ['appels']),
      theme('mobilite', 'Mobilité', ['sorties', 'courses']),
    ],
    fichiers: { communes: 'x', contour: 'y' },
  });
  const structures = [
    structure.parse({
      id: 'asso-sport',
      nom: 'Sport Santé Agenais',
      typologie: 'association',
      presentation: 'Association',
      commune: '47001',
      benevoles: true,
      modalites_contact: 'Téléphone',
      ...src,
    }),
  ];
  const lieux = [
    lieu.parse({
      id: 'mediatheque-nerac',
      nom: 'Médiathèque de Nérac',
      type: 'bibliotheque',
      commune: '47195',
      coordonnees: { lat: 44.1361, lon: 0.3394 },
      horaires: 'We 14:00-18:00',
      accessibilite: { pmr: true },
      ...src,
    }),
  ];
  const base = { publics: ['seniors'], contact: { telephone: '0553000000' }, porteur: 'asso-sport', ...src };
  const offres = [
    offre.parse({
      ...base,
      id: 'marche-agen',
      nom: 'Marche douce du mardi',
      description: 'Balade en groupe le long du canal.',
      thematiques: ['activite-physique'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: false },
      horaires: 'Tu 09:30-11:00',
      mode: { type: 'sur_place', commune: '47001', adresse: { voie: 'Quai' }, coordonnees: { lat: 44.2, lon: 0.62 } },
    }),
    offre.parse({
      ...base,
      id: 'gym-boe',
      nom: 'Gym douce',
      description: 'Équilibre et renforcement, prévention des chutes.',
      thematiques: ['activite-physique'],
      frais: { type: 'payant', montant: '2 €' },
      inscription: { obligatoire: true },
      horaires: 'Th 18:00-19:00',
      accessibilite: { pmr: true },
      mode: { type: 'sur_place', commune: '47031', adresse: { voie: 'Salle' }, coordonnees: { lat: 44.17, lon: 0.65 } },
    }),
    offre.parse({
      ...base,
      id: 'gym-marmande',
      nom: 'Gym seniors',
      description: 'Séances collectives.',
      thematiques: ['activite-physique'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: true },
      horaires: 'Sa 10:00-11:00',
      mode: { type: 'sur_place', commune: '47157', adresse: { voie: 'Gymnase' }, coordonnees: { lat: 44.5, lon: 0.17 } },
    }),
    offre.parse({
      ...base,
      id: 'atelier-numerique-nerac',
      nom: 'Atelier tablette',
      description: 'Apprendre à utiliser sa tablette et les visioconférences.',
      thematiques: ['numerique'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: true },
      horaires: 'We 14:00-16:00',
      mode: { type: 'sur_place', lieu: 'mediatheque-nerac' },
    }),
    offre.parse({
      ...base,
      id: 'bus-ecoute',
      nom: "Bus de l'écoute",
      description: 'Un bus qui s’arrête dans les villages.',
      thematiques: ['ecoute-entraide'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: false },
      mode: {
        type: 'itinerant',
        arrets: [
          { nom: 'Place du marché', commune: '47323', adresse: { voie: 'Place' }, coordonnees: { lat: 44.41, lon: 0.7 }, horaires: 'Mo 10:00-12:00' },
          { nom: 'Mairie', commune: '47031', adresse: { voie: 'Mairie' }, coordonnees: { lat: 44.169, lon: 0.649 }, horaires: 'Fr 14:00-16:00' },
        ],
      },
    }),
    offre.parse({
      ...base,
      id: 'portage-livres',
      nom: 'Portage de livres',
      description: 'La bibliothèque apporte des livres chez vous.',
      thematiques: ['visites-domicile'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: true },
      horaires: '"sur rendez-vous"',
      mode: { type: 'a_domicile', communes: ['47195', '47001'] },
    }),
    offre.parse({
      ...base,
      id: 'ligne-ecoute',
      nom: "Ligne d'écoute",
      description: 'Appelez pour parler.',
      thematiques: ['ecoute-entraide'],
      frais: { type: 'gratuit' },
      inscription: { obligatoire: false },
      horaires: 'Mo-Fr 09:00-17:00',
      mode: { type: 'a_distance', portee: 'national', canal: ['telephone'] },
    }),
  ];
  const equipes = [
    equipe.parse({
      id: 'equipe-nerac',
      nom: 'Équipe citoyenne du Néracais',
      porteur: 'asso-sport',
      communes: ['47195'],
      activites: ['visites', 'appels'],
      contact: { telephone: '0553000001' },
      ...src,
    }),
  ];
  return {
    territoire: t,
    communes: new Map(Object.values(COMMUNES).map((c) => [c.code, c])),
    communeShapes: { type: 'FeatureCollection', features: [] },
    contour: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } },
    structures,
    lieux,
    offres,
    equipes,
  };
}
