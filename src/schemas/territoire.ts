import { z } from 'astro/zod';
import { cheminFichier, codeInsee, courriel, id, nonEmpty, pathProblem, url } from './common';
import { ACTIVITES_EQUIPE, type ActiviteEquipe } from './vocabulary';
import diThematiques from './standards/data-inclusion-v1/extra/thematiques.json';

/** data·inclusion v1 thématique codes ("categorie--sous-categorie"), from the published referential. */
export const DI_THEMATIQUES: ReadonlySet<string> = new Set((diThematiques as { value: string }[]).map((t) => t.value));

/** One need type of the territory's closed catalogue (DI: thematiques, coarser and centred on social ties). */
export const thematique = z
  .object({
    id,
    libelle: nonEmpty('libellé'),
    description: nonEmpty('description'),
    /** Colour of the map symbol; never used alone: the icon carries the meaning too. */
    couleur: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'couleur attendue au format #rrggbb'),
    /** Pictogram shown beside the colour: the name of a Lucide icon (lucide-static), e.g. "footprints". */
    icone: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "icône : nom d'une icône Lucide en minuscules (ex. « footprints »)"),
    /** Reach used by the coverage model: an on-site offer covers a commune whose centre is this close. */
    portee_km: z.number().positive('portée en km positive').default(10),
    /** Whether an offer reachable by phone/online fills a local gap for this need. */
    distance_comble: z.boolean().default(false),
    /**
     * Activities of an équipe citoyenne that fill this need (e.g. `[visites]` for home visits): the one statement
     * of what a team covers, read by coverage, search, map and the method text. Empty: no team fills it.
     */
    equipes: z
      .array(
        z.enum(Object.keys(ACTIVITES_EQUIPE) as [ActiviteEquipe], {
          errorMap: () => ({ message: `activité d'équipe attendue parmi : ${Object.keys(ACTIVITES_EQUIPE).join(', ')}` }),
        }),
      )
      .default([]),
    /**
     * Lieux open to all that cover this need within `portee_km`: lieu types (e.g. « mediation_numerique »)
     * or service labels of imported lieux (e.g. « Aide aux démarches administratives »). Read by the coverage model.
     */
    lieux: z.array(nonEmpty('type de lieu ou service')).default([]),
    /** data·inclusion thématiques this need maps to, for exports. */
    data_inclusion: z
      .array(
        z
          .string()
          .refine(
            (v) => DI_THEMATIQUES.has(v),
            'thématique data·inclusion inconnue du référentiel v1 (ex. « remobilisation--lien-social », « famille--soutien-aidants »)',
          ),
      )
      .default([]),
  })
  .strict();
export type Thematique = z.infer<typeof thematique>;

export const territoire = z
  .object({
    id,
    nom: nonEmpty('nom du territoire'),
    // « communes »: a list of communes (`npm run territoire -- 47001,47002`), neither one commune nor an EPCI.
    niveau: z.enum(['commune', 'communes', 'epci', 'departement'], {
      errorMap: () => ({ message: 'niveau attendu : commune, communes (une liste de communes), epci ou departement' }),
    }),
    code: nonEmpty('code du territoire'),
    /** INSEE codes of every commune of the territory. */
    communes: z.array(codeInsee).min(1, 'au moins une commune'),
    thematiques: z.array(thematique).min(1, 'au moins une thématique'),
    /** Reference files, relative to data/. */
    fichiers: z
      .object({
        communes: cheminFichier('fichier des communes'), // GeoJSON polygons with code, nom, population, centre_lon, centre_lat
        contour: cheminFichier('fichier du contour'),
        population_grille: cheminFichier('fichier de la grille de population').optional(), // INSEE Filosofi 5 km cells (GeoJSON)
        rivieres: cheminFichier('fichier des rivières').optional(),
        lacs: cheminFichier('fichier des lacs').optional(),
        lieux_habites: cheminFichier('fichier des lieux habités').optional(),
      })
      .strict(),
    /** Who receives proposals and corrections from /proposer/ (a service address, never a private person's). */
    contact: z.object({ courriel, nom: z.string().optional() }).strict().optional(),
    /** Licence of the published data files (/donnees/). */
    licence: z
      .object({ nom: nonEmpty('nom de la licence'), url })
      .strict()
      .default({ nom: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }),
    /** Information older than this many months is flagged for re-verification (check-data, fiches, /donnees/a-verifier/). */
    verification_mois: z.number().int('nombre entier de mois').positive('nombre de mois positif').default(12),
    /** Where each reference file comes from, shown on /donnees/. */
    sources: z
      .array(
        z
          .object({
            fichiers: z.array(nonEmpty('fichier')).min(1, 'au moins un fichier'),
            contenu: nonEmpty('contenu'),
            source: nonEmpty('source'),
            licence: nonEmpty('licence'),
            url: url.optional(),
          })
          .strict(),
      )
      .default([]),
    /** Optional full OpenStreetMap basemap (a PMTiles file placed under public/), see README. */
    fond_de_carte_osm: z
      .string()
      .superRefine((v, ctx) => {
        // A leading « / » means the site's root (public/), as in the README's example.
        const problem = pathProblem(v.replace(/^\/+/, ''));
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${problem} (dossier public/)` });
      })
      .optional(),
  })
  .strict();
export type Territoire = z.infer<typeof territoire>;
