import { z } from 'astro/zod';
import { accessibilite, adresse, codeInsee, coordonnees, courriel, horaires, id, nonEmpty, provenance, telephone, url } from './common';

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

export const lieu = z
  .object({
    id,
    nom: nonEmpty('nom'),
    type: z.enum(Object.keys(TYPES_LIEU) as [TypeLieu], {
      errorMap: () => ({ message: `type de lieu attendu parmi : ${Object.keys(TYPES_LIEU).join(', ')}` }),
    }),
    description: z.string().optional(),
    adresse: adresse.optional(),
    commune: codeInsee,
    coordonnees,
    horaires: horaires.optional(),
    accessibilite: accessibilite.optional(),
    telephone: telephone.optional(),
    courriel: courriel.optional(),
    site_web: url.optional(),
    /** Structure (id) that runs the place, when known. */
    porteur: id.optional(),
    /** Services offered, as labelled by the national dataset it comes from (DI: services of the structure). */
    services: z.array(nonEmpty('service')).default([]),
    /** Who is welcome (labels of the source, e.g. « Seniors », « Familles »). DI: publics. */
    publics: z.array(nonEmpty('public')).default([]),
    /** Fees (labels of the source, e.g. « Gratuit », « Payant »). DI: frais. */
    frais: z.array(nonEmpty('frais')).default([]),
    /** Labels and networks (« France Services », « Conseillers numériques »…). DI: labels_nationaux. */
    labels: z.array(nonEmpty('label')).default([]),
    /** Identifier of the record in its national source, so that a new import updates it (DI: id). */
    id_externe: z.string().optional(),
    ...provenance,
  })
  .strict();
export type Lieu = z.infer<typeof lieu>;
