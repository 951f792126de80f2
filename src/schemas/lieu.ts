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
    ...provenance,
  })
  .strict();
export type Lieu = z.infer<typeof lieu>;
