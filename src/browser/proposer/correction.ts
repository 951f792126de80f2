/**
 * « Signaler une erreur »: a correction names the fiche (collection + id) and the field. When the field is
 * one spreadsheet column, the correction comes with a two-column CSV (id + that column) that
 * `npm run import -- correction.csv --type <collection> --fusion` merges into the record, after the same
 * validation as everything else; the value is checked here first with the field's own zod schema.
 */
import { z } from 'astro/zod';
import { columnsOf, SCHEMAS, type RecordKind } from '../../lib/export/columns';
import { recordsToCsv } from '../../lib/export/csv';
import { convertCell, setPath } from '../../lib/export/cells';

/** Friendly names of the fields people most often correct; other fields show their column name. */
export const FIELD_LABELS: Record<string, string> = {
  nom: 'Nom',
  description: 'Description',
  presentation: 'Présentation',
  horaires: 'Horaires',
  telephone: 'Téléphone',
  courriel: 'Courriel',
  site_web: 'Site web',
  'adresse.voie': 'Adresse',
  'adresse.code_postal': 'Code postal',
  commune: 'Commune',
  'contact.telephone': 'Téléphone de contact',
  'contact.courriel': 'Courriel de contact',
  'contact.site_web': 'Site web',
  'contact.nom': 'Qui contacter',
  'contact.modalites': 'Comment prendre contact',
  'frais.type': 'Coût',
  'frais.montant': 'Montant',
  'inscription.obligatoire': 'Inscription obligatoire',
  'accessibilite.pmr': 'Accessible en fauteuil roulant',
  publics: 'Publics',
  thematiques: 'Besoins',
  'mode.adresse.voie': 'Adresse du lieu',
  modalites_contact: 'Modalités de contact',
  communes: 'Communes couvertes',
  activites: 'Activités',
  nb_benevoles: 'Nombre de bénévoles',
  'periode.debut': 'Date de début',
  'periode.fin': 'Date de fin',
};
const NOT_CORRECTABLE = /^(id|source\.|exemple$|verifie_le$)/;

export const KINDS: Record<RecordKind, string> = { offres: 'activité', lieux: 'lieu', structures: 'structure', equipes: 'équipe citoyenne' };

/** The fields a reader can point at for one kind of fiche, with their label. */
export function correctableFields(kind: RecordKind): { champ: string; label: string }[] {
  return columnsOf(kind)
    .filter((c) => c.kind !== 'objects' && !NOT_CORRECTABLE.test(c.path))
    .map((c) => ({ champ: c.path, label: FIELD_LABELS[c.path] ? `${FIELD_LABELS[c.path]} (${c.path})` : c.path }));
}

function unwrap(t: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap();
    else if (t instanceof z.ZodDefault) t = t._def.innerType;
    else if (t instanceof z.ZodEffects && unwrap(t._def.schema) instanceof z.ZodObject) t = t._def.schema;
    else return t;
  }
}

/** The zod schema of one field ("contact.telephone"), or null when it sits in a variant (mode.*, frais.*). */
export function fieldSchema(kind: RecordKind, champ: string): z.ZodTypeAny | null {
  let t: z.ZodTypeAny = SCHEMAS[kind];
  for (const k of champ.split('.')) {
    const o = unwrap(t);
    if (!(o instanceof z.ZodObject)) return null;
    const next = (o.shape as Record<string, z.ZodTypeAny>)[k];
    if (!next) return null;
    t = next;
  }
  return t;
}

/** French problem with the proposed value, or null when the field's schema accepts it. */
export function checkValue(kind: RecordKind, champ: string, raw: string): string | null {
  const schema = fieldSchema(kind, champ);
  if (!schema || !raw.trim()) return null;
  const res = schema.safeParse(convertCell(kind, champ, raw));
  return res.success ? null : res.error.issues[0]!.message;
}

/** Two-column CSV (id + the field) for `npm run import --fusion`. */
export function correctionCsv(kind: RecordKind, id: string, champ: string, raw: string): string {
  const rec: Record<string, unknown> = { id };
  setPath(rec, champ.split('.'), convertCell(kind, champ, raw));
  const full = recordsToCsv(kind, [rec])
    .replace(/^\uFEFF/, '')
    .split('\r\n');
  // Keep only the id and the corrected column.
  const header = full[0]!.split(';');
  const keep = [header.indexOf('id'), header.indexOf(champ)];
  const cells = (line: string) => line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  return '\uFEFF' + [cells(full[0]!), cells(full[1]!)].map((c) => keep.map((i) => c[i] ?? '').join(';')).join('\r\n') + '\r\n';
}

export function correctionText(o: {
  kind: RecordKind;
  id: string;
  nom: string;
  champ: string;
  label: string;
  faux: string;
  correct: string;
  qualite: string;
  url: string;
}): string {
  return [
    'Bonjour,',
    '',
    `Je signale une erreur sur la fiche ${KINDS[o.kind]} « ${o.nom} » (${o.kind}/${o.id}) : ${o.url}`,
    `Champ : ${o.label}`,
    o.faux ? `Ce qui est faux : ${o.faux}` : null,
    `Information correcte : ${o.correct}`,
    o.qualite ? `Je suis : ${o.qualite}` : null,
    '',
    'Merci.',
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
}
