import { z } from 'astro/zod';
import { accessibilite, adresse, codeInsee, coordonnees, courriel, horaires, id, nonEmpty, provenance, telephone, url } from './common';
import { TYPOLOGIES_STRUCTURE } from './vocabulary';

/**
 * Personne référente of the CNSA form: a role (« Coordinatrice des visites »), with professional contact.
 * A person's name is published only with their agreement, recorded as `nom_publie_avec_accord: true`.
 */
export const referent = z
  .object({
    fonction: nonEmpty('fonction de la personne référente'),
    nom: z.string().trim().min(1).optional(),
    nom_publie_avec_accord: z.boolean().optional(),
    telephone: telephone.optional(),
    courriel: courriel.optional(),
  })
  .strict()
  .refine((r) => !r.nom || r.nom_publie_avec_accord === true, {
    path: ['nom'],
    message: "nom d'une personne publié seulement avec son accord : indiquer nom_publie_avec_accord: true, sinon ne donner que la fonction",
  })
  .optional();

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
    // Fields of the CNSA « fiche de présentation des acteurs du territoire » (guide 2025, annexe 3): see src/lib/cnsa/annexe3.ts.
    /** Compétences des professionnels (métiers, qualifications, formations suivies). */
    competences_professionnels: z.string().trim().min(1, 'compétences : texte vide').optional(),
    /** Méthodes et outils spécifiques de lutte contre l'isolement (repérage, visites, appels, ateliers…). */
    methodes_outils: z.string().trim().min(1, 'méthodes et outils : texte vide').optional(),
    /** Modes de financement (subventions, cotisations, participation des usagers…). */
    financements: z.string().trim().min(1, 'financements : texte vide').optional(),
    referent,
    /** Link to a presentation document (plaquette, rapport d'activité), published by the structure. */
    document_presentation: url.optional(),
    ...provenance,
  })
  .strict();
export type Structure = z.infer<typeof structure>;
