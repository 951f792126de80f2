import { z } from 'astro/zod';
import { accessibilite, adresse, codeInsee, coordonnees, courriel, horaires, id, nonEmpty, provenance, telephone, url } from './common';
import { TYPOLOGIES_STRUCTURE } from './vocabulary';

export const structure = z
  .object({
    id, // DI: id
    nom: nonEmpty('nom'), // DI: nom
    typologie: z.enum(Object.keys(TYPOLOGIES_STRUCTURE) as [keyof typeof TYPOLOGIES_STRUCTURE], {
      errorMap: () => ({ message: `typologie attendue parmi : ${Object.keys(TYPOLOGIES_STRUCTURE).join(', ')}` }),
    }),
    presentation: nonEmpty('présentation'), // DI: description
    adresse: adresse.optional(), // DI: adresse, complement_adresse, code_postal
    commune: codeInsee, // DI: code_insee
    coordonnees: coordonnees.optional(), // DI: latitude, longitude
    telephone: telephone.optional(), // DI: telephone
    courriel: courriel.optional(), // DI: courriel
    site_web: url.optional(), // DI: site_web
    horaires: horaires.optional(), // DI: horaires_accueil
    accessibilite: accessibilite.optional(), // DI: accessibilite_lieu (link part)
    /** INSEE codes where the structure acts; empty means the whole territory. */
    zone_intervention: z.array(codeInsee).default([]), // DI (service): zone_eligibilite
    benevoles: z.boolean({ required_error: 'bénévoles : oui (true) ou non (false) attendu' }),
    modalites_contact: nonEmpty('modalités de contact'), // DI (service): mobilisation_precisions
    ...provenance,
  })
  .strict();
export type Structure = z.infer<typeof structure>;
