/**
 * The project's closed vocabularies, with their French labels: one place that the schemas, the build and the
 * browser all import. Plain constants only (no zod, no Node), so browser code can import this file directly.
 * The order of keys matters where the search index packs them into bitmasks (see src/lib/search/model.ts).
 */

/** Who an offer is for. Maps onto data·inclusion `publics` (value after the arrow). */
export const PUBLICS = {
  tous: 'Tout public', // → tous-publics
  seniors: 'Personnes âgées', // → seniors
  aidants: 'Aidants', // → (profils) aidants
  personnes_handicap: 'Personnes en situation de handicap', // → personnes-en-situation-de-handicap
  jeunes: 'Jeunes', // → jeunes
  familles: 'Familles', // → familles
  personnes_isolees: 'Personnes seules ou éloignées', // → (no exact code)
} as const;
export type Public = keyof typeof PUBLICS;

/** How an offer reaches people (DI: modes_accueil "en-presentiel" / "a-distance", zone_eligibilite). */
export const MODES = {
  sur_place: 'Sur place',
  a_domicile: 'À domicile',
  a_distance: 'À distance',
  itinerant: 'Itinérant',
} as const;
export type Mode = keyof typeof MODES;

/** Channels of an offer "à distance", as a phrase after the mode ("À distance (par téléphone, en ligne)"). */
export const CANAUX = {
  telephone: 'par téléphone',
  en_ligne: 'en ligne',
  visio: 'en visio',
  courrier: 'par courrier',
} as const;
export type Canal = keyof typeof CANAUX;

/** Reach of an offer "à distance". */
export const PORTEES_DISTANCE = { territoire: 'pour tout le territoire', national: 'accessible partout en France' } as const;

/** Languages most often declared (ISO 639); any other valid code is shown as is. */
export const LANGUES: Record<string, string> = {
  fr: 'français',
  oc: 'occitan',
  br: 'breton',
  eu: 'basque',
  ca: 'catalan',
  co: 'corse',
  lsf: 'langue des signes française',
  en: 'anglais',
  es: 'espagnol',
  ar: 'arabe',
  pt: 'portugais',
  it: 'italien',
  de: 'allemand',
  tr: 'turc',
};

/** Places one can enter without a reason and stay without consuming. */
export const TYPES_LIEU = {
  bibliotheque: 'Bibliothèque / médiathèque',
  centre_social: 'Centre social',
  maison_de_quartier: 'Maison de quartier',
  tiers_lieu: 'Tiers-lieu',
  cafe_associatif: 'Café associatif',
  jardin_partage: 'Jardin partagé',
  france_services: 'France services',
  mediation_numerique: 'Lieu de médiation numérique',
  maison_sport_sante: 'Maison sport-santé',
  ehpad: 'EHPAD (établissement pour personnes âgées)',
  ehpad_ouvert: 'EHPAD ouvert sur le quartier',
  salle_communale: 'Salle communale',
  autre: 'Autre lieu',
} as const;
export type TypeLieu = keyof typeof TYPES_LIEU;

/** Kinds of porteur. Maps onto data·inclusion typologies_de_structures (value after the arrow). */
export const TYPOLOGIES_STRUCTURE = {
  association: 'Association', // → ASSO
  ccas: 'CCAS / CIAS', // → CCAS
  commune: 'Commune', // → MUNI
  intercommunalite: 'Intercommunalité', // → EPCI
  departement: 'Département', // → DEPT
  centre_social: 'Centre social', // → CS
  france_services: 'France services', // → PE / MDS (no exact code)
  etablissement_medico_social: 'Établissement médico-social', // → autre
  caisse_retraite: 'Caisse de retraite', // → CARSAT / MSA
  clic: 'CLIC / point info seniors', // → autre
  autre: 'Autre', // → autre
} as const;
export type TypologieStructure = keyof typeof TYPOLOGIES_STRUCTURE;

/** What an équipe citoyenne (MONALISA) does. Which needs each activity fills is territory data (`equipes` on each thématique of data/territoire.yaml). */
export const ACTIVITES_EQUIPE = {
  visites: 'Visites de convivialité à domicile',
  appels: 'Appels de convivialité',
  sorties: 'Accompagnement aux sorties',
  ateliers: 'Ateliers et moments collectifs',
  courses: 'Aide aux courses et petits services',
} as const;
export type ActiviteEquipe = keyof typeof ACTIVITES_EQUIPE;

/** Who an équipe citoyenne serves, whatever its activities: MONALISA teams visit and call isolated older people. */
export const PUBLICS_EQUIPE: readonly Public[] = ['seniors', 'personnes_isolees'];

/** How an équipe reaches people: volunteers come to their homes, so search and map file it with offers "à domicile". */
export const MODE_EQUIPE: Mode = 'a_domicile';

/** Week days as in URLs and schedule facets (index 0 = lundi), and the search's "week-end" shortcut. */
export const JOURS = {
  lundi: 'Lundi',
  mardi: 'Mardi',
  mercredi: 'Mercredi',
  jeudi: 'Jeudi',
  vendredi: 'Vendredi',
  samedi: 'Samedi',
  dimanche: 'Dimanche',
} as const;
export const WEEK_END = { 'week-end': 'Le week-end' } as const;
/** Moments of the day (facets of the search). */
export const MOMENTS = { matin: 'Le matin', 'apres-midi': "L'après-midi", soir: 'Le soir' } as const;

/** The kinds of record a person can find, with the word used in URLs (`?type=`) and their labels. */
export const KINDS = {
  offre: { url: 'offres', libelle: 'Activité', pluriel: 'Activités' },
  lieu: { url: 'lieux', libelle: 'Lieu ouvert à tous', pluriel: 'Lieux ouverts à tous' },
  equipe: { url: 'equipes', libelle: 'Équipe citoyenne', pluriel: 'Équipes citoyennes' },
} as const;
export type RecordKind = keyof typeof KINDS;

/** `{ a: 'A' }` → `[{ id: 'a', libelle: 'A' }]`, for selects, legends and filters. */
export function options<K extends string>(labels: Record<K, string>): { id: K; libelle: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([id, libelle]) => ({ id, libelle }));
}
