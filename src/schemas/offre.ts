import { z } from 'astro/zod';
import { accessibilite, adresse, codeInsee, coordonnees, courriel, dateIso, horaires, id, nonEmpty, provenance, telephone, url } from './common';
import { CANAUX, PORTEES_DISTANCE, PUBLICS, type Canal, type Public } from './vocabulary';

/** A place: a lieu du lien of the data, or an address with coordinates. */
const emplacement = {
  lieu: id.optional(),
  adresse: adresse.optional(),
  commune: codeInsee.optional(),
  coordonnees: coordonnees.optional(),
};
type PlaceFields = { lieu?: string; adresse?: unknown; commune?: string; coordonnees?: unknown };
/** A place is a lieu id, or commune + coordinates (+ an address for an on-site offer; a stop has its name). */
function placeCheck(fields: readonly ('adresse' | 'commune' | 'coordonnees')[]) {
  const hint = fields.includes('adresse') ? 'adresse + commune + coordonnées' : 'commune + coordonnées';
  return (v: PlaceFields, ctx: z.RefinementCtx) => {
    if (v.lieu) return;
    for (const f of fields)
      if (v[f] === undefined)
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [f], message: `${f} obligatoire quand aucun lieu n'est indiqué (donner « lieu » ou ${hint})` });
  };
}
const requireSitePlace = placeCheck(['adresse', 'commune', 'coordonnees']);
const requireStopPlace = placeCheck(['commune', 'coordonnees']);

export const arret = z
  .object({
    nom: nonEmpty("nom de l'arrêt"),
    ...emplacement,
    horaires,
  })
  .strict()
  .superRefine(requireStopPlace);

// The place check of a sur_place mode runs in the offer's superRefine: a discriminated union takes plain objects only.
const modeSurPlace = z.object({ type: z.literal('sur_place'), ...emplacement }).strict();
const modeADomicile = z.object({ type: z.literal('a_domicile'), communes: z.array(codeInsee).min(1, 'au moins une commune desservie') }).strict();
const modeADistance = z
  .object({
    type: z.literal('a_distance'),
    portee: z.enum(Object.keys(PORTEES_DISTANCE) as ['territoire', 'national'], {
      errorMap: () => ({ message: `portée attendue : ${Object.keys(PORTEES_DISTANCE).join(' ou ')}` }),
    }),
    canal: z.array(z.enum(Object.keys(CANAUX) as [Canal], { errorMap: () => ({ message: `canal attendu parmi : ${Object.keys(CANAUX).join(', ')}` }) })).min(1),
  })
  .strict();
const modeItinerant = z.object({ type: z.literal('itinerant'), arrets: z.array(arret).min(1, 'au moins un arrêt') }).strict();

export const mode = z.discriminatedUnion('type', [modeSurPlace, modeADomicile, modeADistance, modeItinerant], {
  errorMap: (issue, ctx) =>
    issue.code === z.ZodIssueCode.invalid_union_discriminator
      ? { message: 'mode.type attendu : sur_place, a_domicile, a_distance ou itinerant' }
      : { message: ctx.defaultError },
});
export type ModeOffre = z.infer<typeof mode>;

export const frais = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('gratuit'), precisions: z.string().optional() }).strict(),
    z.object({ type: z.literal('payant'), montant: nonEmpty('montant (ex. « 2 € la séance »)'), precisions: z.string().optional() }).strict(),
    z.object({ type: z.literal('sur_conditions'), precisions: nonEmpty('précisions sur les conditions') }).strict(),
  ],
  {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: 'frais.type attendu : gratuit, payant ou sur_conditions' }
        : { message: ctx.defaultError },
  },
); // DI: frais + frais_precisions

export const contact = z
  .object({
    nom: z.string().optional(), // a function or a service ("Accueil du CCAS"), not a private person
    telephone: telephone.optional(),
    courriel: courriel.optional(),
    site_web: url.optional(),
    modalites: z.string().optional(), // DI: mobilisation_precisions
  })
  .strict()
  .refine((c) => c.telephone || c.courriel || c.site_web, { message: 'contact : au moins un téléphone, un courriel ou un site web' });

export const offre = z
  .object({
    id, // DI: id
    nom: nonEmpty('nom'), // DI: nom
    description: nonEmpty('description'), // DI: description
    /** Ids from the territory's catalogue (data/territoire.yaml). */
    thematiques: z.array(id).min(1, 'au moins une thématique'), // DI: thematiques (via the catalogue's mapping)
    publics: z
      .array(z.enum(Object.keys(PUBLICS) as [Public], { errorMap: () => ({ message: `public attendu parmi : ${Object.keys(PUBLICS).join(', ')}` }) }))
      .min(1, 'au moins un public'), // DI: publics
    frais, // DI: frais, frais_precisions
    inscription: z
      .object({ obligatoire: z.boolean({ required_error: 'inscription.obligatoire : true ou false' }), precisions: z.string().optional() })
      .strict(),
    accessibilite: accessibilite.default({}),
    langues: z.array(z.string().regex(/^[a-z]{2,3}$/, 'langue attendue en code ISO 639 (ex. « fr », « oc », « lsf »)')).default(['fr']),
    contact, // DI: telephone, courriel, lien_mobilisation
    porteur: id, // DI: structure_id
    mode,
    /** Schedule in OSM opening_hours syntax; for an itinerant offer each stop has its own. */
    horaires: horaires.optional(), // DI: horaires_accueil
    periode: z.object({ debut: dateIso.optional(), fin: dateIso.optional() }).strict().optional(),
    ...provenance,
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.mode.type === 'sur_place')
      requireSitePlace(o.mode, { ...ctx, addIssue: (i) => ctx.addIssue({ ...i, path: ['mode', ...(i.path ?? [])] }) } as z.RefinementCtx);
    if (o.periode?.debut && o.periode.fin && o.periode.debut > o.periode.fin)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['periode', 'fin'],
        message: `période inversée : la fin (${o.periode.fin}) est avant le début (${o.periode.debut})`,
      });
    if (o.mode.type !== 'itinerant' && !o.horaires)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['horaires'], message: 'horaires obligatoires (format opening_hours, ou « "sur rendez-vous" »)' });
  });
export type Offre = z.infer<typeof offre>;
