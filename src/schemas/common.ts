/**
 * Building blocks shared by every record kind.
 *
 * Field names follow the data·inclusion schema (gip-inclusion/data-inclusion-schema, docs/structure.md
 * and docs/service.md) wherever a field exists there; the mapping is written next to each field as
 * `// DI: <champ>`. Error messages are in French: coordinators read them.
 */
import { z } from 'astro/zod';
import OpeningHours from 'opening_hours';

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un objet (clés : valeurs)',
  undefined: 'absent',
  null: 'vide',
  integer: 'un nombre entier',
  date: 'une date',
};
/**
 * French messages for zod's generic issues, so that a coordinator never reads "Expected boolean, received string".
 * Set once for the shared zod instance (astro/zod), used by check-data and by the build alike.
 */
const frenchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'champ obligatoire manquant' };
      return { message: `type attendu : ${TYPE_NAMES[issue.expected] ?? issue.expected} (reçu : ${TYPE_NAMES[issue.received] ?? issue.received})` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `champ(s) inconnu(s) : ${issue.keys.join(', ')} (faute de frappe ?)` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `valeur attendue parmi : ${issue.options.join(', ')}` };
    case z.ZodIssueCode.invalid_literal:
      return { message: `valeur attendue : ${JSON.stringify(issue.expected)}` };
    case z.ZodIssueCode.too_small:
      return { message: issue.type === 'array' ? `au moins ${issue.minimum} élément(s) attendu(s)` : `valeur trop petite (minimum ${issue.minimum})` };
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'array' ? `au plus ${issue.maximum} élément(s)` : `valeur trop grande (maximum ${issue.maximum})` };
    case z.ZodIssueCode.invalid_union:
      return { message: 'valeur de forme inattendue pour ce champ' };
    default:
      return { message: ctx.defaultError };
  }
};
z.setErrorMap(frenchErrorMap);

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CODE_INSEE = /^(?:\d{5}|2[AB]\d{3})$/;

export const id = z
  .string({ required_error: 'identifiant obligatoire' })
  .regex(SLUG, 'identifiant attendu en minuscules, chiffres et tirets (ex. « cafe-des-aidants-agen »)');

export const codeInsee = z
  .string({ required_error: 'code INSEE obligatoire', invalid_type_error: 'code INSEE attendu entre guillemets (texte de 5 caractères)' })
  .regex(CODE_INSEE, 'code INSEE attendu sur 5 caractères (ex. « 47001 »)');

export const nonEmpty = (what: string) =>
  z
    .string({ required_error: `${what} obligatoire`, invalid_type_error: `${what} : texte attendu` })
    .trim()
    .min(1, `${what} ne peut pas être vide`);

/** ISO date (AAAA-MM-JJ), kept as a string so that YAML and CSV read alike. */
export const dateIso = z
  .union([z.string(), z.date()], {
    errorMap: (_issue, ctx) => ({ message: ctx.data === undefined ? 'champ obligatoire manquant' : 'date attendue au format AAAA-MM-JJ' }),
  })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ')
      .refine(isRealDate, 'date inexistante dans le calendrier (ex. 30 février, 31 avril) : vérifiez le jour et le mois'),
  );

/** « 2026-02-30 » is well formed but does not exist (Date.parse accepts it and moves it to March 2). */
export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Why a path written in a data file is not acceptable, or null. Pure string rules (no node:path: schemas
 * also run in the browser): relative, no « .. » segment, no drive or URL scheme, no NUL.
 * src/lib/data/safe-path.ts checks the resolved path again right before opening the file.
 */
export function pathProblem(rel: string): string | null {
  if (rel.includes('\0')) return 'caractère nul dans le chemin';
  if (/^[\\/]/.test(rel) || /^[a-z][a-z0-9+.-]*:/i.test(rel))
    return 'chemin absolu ou adresse refusé : écrivez un chemin relatif au dossier (ex. « reference/communes.geojson »)';
  if (rel.split(/[\\/]+/).includes('..'))
    return 'chemin refusé : « .. » sortirait du dossier ; le fichier doit se trouver dans le dossier (ex. « reference/communes.geojson »)';
  return null;
}

/**
 * A path to a file of the project written in a data file: relative, and never leaving its folder
 * (checked again on the resolved path right before the file is opened: src/lib/data/safe-path.ts).
 */
export const cheminFichier = (what: string) =>
  nonEmpty(what).superRefine((v, ctx) => {
    const problem = pathProblem(v);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });

export const coordonnees = z.object(
  {
    lat: z
      .number({ required_error: 'latitude obligatoire', invalid_type_error: 'latitude : nombre attendu' })
      .min(-90, 'latitude entre -90 et 90')
      .max(90, 'latitude entre -90 et 90'), // DI: latitude
    lon: z
      .number({ required_error: 'longitude obligatoire', invalid_type_error: 'longitude : nombre attendu' })
      .min(-180, 'longitude entre -180 et 180')
      .max(180, 'longitude entre -180 et 180'), // DI: longitude
  },
  { required_error: 'coordonnées obligatoires (lat, lon)', invalid_type_error: 'coordonnées attendues sous la forme { lat, lon }' },
);
export type Coordonnees = z.infer<typeof coordonnees>;

/** French numbers: 10 digits starting with 0, +33 followed by 9 digits, or a 4-digit short number (3919...). */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s.\-()]/g, '');
  if (/^0[1-9]\d{8}$/.test(s)) return s;
  if (/^\+33[1-9]\d{8}$/.test(s)) return '0' + s.slice(3);
  if (/^3\d{3}$/.test(s)) return s;
  return null;
}
export const telephone = z
  .string({ invalid_type_error: 'téléphone attendu entre guillemets' })
  .refine((v) => normalizePhone(v) !== null, 'téléphone attendu au format français (ex. « 05 53 12 34 56 », « +33 5 53 12 34 56 » ou « 3919 »)'); // DI: telephone

export const courriel = z.string().email('courriel invalide (ex. « contact@exemple.fr »)'); // DI: courriel
function isWebUrl(u: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(u).protocol);
  } catch {
    return false;
  }
}
export const url = z.string().refine(isWebUrl, 'adresse web attendue, commençant par http:// ou https:// (ex. « https://www.exemple.fr »)'); // DI: site_web / lien_mobilisation

/**
 * The opening_hours library words its problems for mappers (« Mo-Fr 25:00 <--- (La plage horaire commence
 * en dehors du jour actuel.) »). A coordinator gets instead what is wrong in plain French, where, and a
 * corrected form: the library's own rewrite when it has one, an example otherwise.
 */
const OH_EXAMPLE = '« Mo-Fr 09:00-12:00 », « Tu 14:00-16:00 », « Th[1,3] 14:00-16:30 » ou « "sur rendez-vous" »';
function explainOpeningHours(value: string, raw: string): string {
  const [, at = '', why = raw] = /^(.*?)\s*<---\s*\((.*)\)\s*$/s.exec(raw) ?? [];
  const where = at ? ` (lecture arrêtée après « ${at} »)` : '';
  const badHour = /\b(2[5-9]|[3-9]\d):\d\d\b/.exec(value) ?? /\b24:(?!00)\d\d\b/.exec(value);
  if (badHour) return `heure impossible « ${badHour[0]} » : une heure va de 00:00 à 24:00`;
  let m: RegExpExecArray | null;
  if ((m = /abréviation anglaise "(\w+)" pour "([^"]+)"/.exec(why)))
    return `les jours s’écrivent avec leur abréviation anglaise : « ${m[1]} » pour « ${m[2]} » (Mo Tu We Th Fr Sa Su)`;
  if (/point-virgule/.test(why)) return 'point-virgule en trop : le « ; » sépare deux règles, supprimez celui qui ne précède rien';
  if (/sans minutes/.test(why)) return `heures écrites sans les minutes${where} : écrivez « 09:00-12:00 » et non « 9-12 »`;
  if (/ne continue pas comme prévu|Tiret \(-\) ou fin ouverte/.test(why))
    return `plage horaire incomplète${where} : écrivez début et fin avec les minutes, séparés par un tiret (« 14:00-16:00 »)`;
  if ((m = /""([^"]+)""/.exec(why))) return `un commentaire s’écrit entre guillemets, avec une majuscule : « "${m[1]}" »`;
  if (/mois \w+ a/.test(why)) return `date impossible${where} : ce mois n’a pas autant de jours`;
  if (/Caractère inattendu|n'a pas pu être reconnue/.test(why))
    return `texte non reconnu${where} : jours en abréviations anglaises (Mo Tu We Th Fr Sa Su), heures au format 14:00-16:00`;
  return `syntaxe non reconnue${where}`;
}

/**
 * Parses an OSM opening_hours value; returns the French problem or null. The library tolerates loose
 * input ("jeudi 14h-16h") with warnings: they are errors here (the data must be in the standard syntax
 * that data·inclusion and OSM tools read), and the message proposes the library's corrected value.
 */
/**
 * Where opening_hours reads a schedule: the country sets public holidays (PH); the point only matters for rules
 * on sunrise or sunset. Validation does not depend on the point (France's centre by default); the site passes its
 * territory's centre when it computes dates (site().centre).
 */
export function openingHoursPlace(where: { lat: number; lon: number } = { lat: 46.6, lon: 2.4 }) {
  return { lat: where.lat, lon: where.lon, address: { country_code: 'fr', state: '' } };
}

export function openingHoursError(value: string): string | null {
  // Schedules repeat across records (« Mo-Fr 09:00-12:00 »…) and parsing one costs ~0.5 ms: at national scale
  // (100,000 offers) checking each string once instead of once per record saves about a minute of build.
  let known = checkedSchedules.get(value);
  if (known === undefined) {
    if (checkedSchedules.size >= 10_000) checkedSchedules.clear();
    known = scheduleProblem(value);
    checkedSchedules.set(value, known);
  }
  return known;
}
const checkedSchedules = new Map<string, string | null>();

function scheduleProblem(value: string): string | null {
  try {
    const oh = new OpeningHours(value, openingHoursPlace(), { locale: 'fr' } as never);
    const warnings = oh.getWarnings();
    if (!warnings.length) return null;
    return `${explainOpeningHours(value, warnings[0]!.replace(/\s+/g, ' ').trim())} — forme corrigée : « ${oh.prettifyValue()} »`;
  } catch (e) {
    // The library lists several hints separated by "; ": the first one locates the problem.
    return `${explainOpeningHours(value, String(e).replace(/\s+/g, ' ').trim().split('; ')[0]!)} — exemples de forme correcte : ${OH_EXAMPLE}`;
  }
}
/** Schedule in OSM `opening_hours` syntax (DI: horaires_accueil), e.g. "Tu 14:00-16:00", "We[1] 10:00-12:00", "\"sur rendez-vous\"". */
export const horaires = z
  .string({ invalid_type_error: 'horaires : texte au format opening_hours attendu' })
  .trim()
  .min(1, 'horaires vides')
  .superRefine((v, ctx) => {
    const err = openingHoursError(v);
    if (err) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `horaires illisibles (format opening_hours) : ${err}` });
  });

export const accessibilite = z
  .object({
    pmr: z.boolean().default(false), // accessible en fauteuil roulant
    malentendants: z.boolean().default(false),
    malvoyants: z.boolean().default(false),
    precisions: z.string().optional(),
    acceslibre: url.optional(), // DI: accessibilite_lieu
  })
  .strict();
export type Accessibilite = z.infer<typeof accessibilite>;

export const adresse = z
  .object({
    voie: nonEmpty('adresse'), // DI: adresse
    complement: z.string().optional(), // DI: complement_adresse
    code_postal: z
      .string()
      .regex(/^\d{5}$/, 'code postal sur 5 chiffres')
      .optional(), // DI: code_postal
  })
  .strict();

/** Where a record comes from: a real open-data file, or an example written for the demonstration. */
export const source = z
  .object({
    nom: nonEmpty('nom de la source'), // DI: source
    url: url.optional(),
    licence: z.string().optional(),
  })
  .strict();

/** Fields every published record carries: provenance and freshness. */
export const provenance = {
  source,
  verifie_le: dateIso, // DI: date_maj
  /** true for invented demonstration records: the page then says "Exemple de démonstration". */
  exemple: z.boolean().default(false),
};
