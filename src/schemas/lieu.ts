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
    ...provenance,
  })
  .strict();
export type Lieu = z.infer<typeof lieu>;
