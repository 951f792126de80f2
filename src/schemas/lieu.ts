import { z } from 'astro/zod';
import { accessibilite, adresse, codeInsee, coordonnees, courriel, horaires, id, nonEmpty, provenance, telephone, url } from './common';
import { TYPES_LIEU, type TypeLieu } from './vocabulary';

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
