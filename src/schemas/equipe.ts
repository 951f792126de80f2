import { z } from 'astro/zod';
import { codeInsee, courriel, id, nonEmpty, provenance, telephone } from './common';
import { ACTIVITES_EQUIPE } from './vocabulary';

/** Équipe citoyenne (MONALISA): volunteers visiting or calling isolated older people in a set of communes. */
export const equipe = z
  .object({
    id,
    nom: nonEmpty('nom'),
    description: z.string().optional(),
    porteur: id,
    communes: z.array(codeInsee).min(1, 'au moins une commune couverte'),
    activites: z
      .array(
        z.enum(Object.keys(ACTIVITES_EQUIPE) as [keyof typeof ACTIVITES_EQUIPE], {
          errorMap: () => ({ message: `activité attendue parmi : ${Object.keys(ACTIVITES_EQUIPE).join(', ')}` }),
        }),
      )
      .min(1, 'au moins une activité'),
    contact: z
      .object({ nom: z.string().optional(), telephone: telephone.optional(), courriel: courriel.optional() })
      .strict()
      .refine((c) => c.telephone || c.courriel, { message: 'contact : au moins un téléphone ou un courriel' }),
    nb_benevoles: z.number().int('nombre entier de bénévoles').nonnegative().optional(),
    ...provenance,
  })
  .strict();
export type Equipe = z.infer<typeof equipe>;
