/**
 * /proposer/: form fields → a ready-to-merge record, checked by the same zod schemas as `npm run check-data`
 * (src/schemas/, messages in French) plus the checks that need the territory (communes, lieux, porteurs).
 * Field names are the spreadsheet column paths ("contact.telephone", "mode.commune"), so that a form value
 * is converted exactly as a CSV cell would be. Pure: unit-tested without a browser.
 */
import { offre, structure } from '../../schemas';
import { cellsToRecord } from '../../lib/export/cells';
import { columnKind } from '../../lib/export/columns';

export type ProposalKind = 'offres' | 'structures';

export interface ProposerContext {
  kind: ProposalKind;
  communes: { code: string; nom: string; lat: number; lon: number }[];
  lieux: { id: string; nom: string; commune: string }[];
  structures: { id: string; nom: string }[];
  thematiques: { id: string; libelle: string }[];
  /** Ids already used in the collection: the new id must differ. */
  ids: string[];
  territoire: string;
  contact: string | null;
}

export interface FieldIssue {
  /** Form field (column path) the message belongs to, e.g. "contact.telephone"; "" for the whole record. */
  champ: string;
  message: string;
}

/** "Café des aidants d'Agen" → "cafe-des-aidants-d-agen". */
export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Label of a commune in the form's list, and back. */
export const communeLabel = (c: { code: string; nom: string }) => `${c.nom} (${c.code})`;
export const lieuLabel = (l: { id: string; nom: string }, communeNom: string) => `${l.nom} — ${communeNom}`;

/** A commune typed as "Agen (47001)", "Agen", "agen" or "47001"; null when it is not in the territory. */
export function resolveCommune(ctx: ProposerContext, raw: string): string | null {
  const v = raw.trim();
  const code = /\((\w{5})\)\s*$/.exec(v)?.[1] ?? (/^\w{5}$/.test(v) ? v : null);
  if (code) return ctx.communes.some((c) => c.code === code) ? code : null;
  const norm = (s: string) => slugify(s);
  const found = ctx.communes.filter((c) => norm(c.nom) === norm(v));
  return found.length === 1 ? found[0]!.code : null;
}

const COMMUNE_FIELDS = new Set(['commune', 'mode.commune']);
const COMMUNE_LISTS = new Set(['zone_intervention', 'mode.communes']);

/** Form entries (name, value) → record + the problems found while reading the form itself. */
export function formToRecord(ctx: ProposerContext, entries: [string, string][], today: string): { record: Record<string, unknown>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const grouped = new Map<string, string[]>();
  for (const [k, v] of entries) if (v.trim()) grouped.set(k, [...(grouped.get(k) ?? []), v.trim()]);
  const communeNom = new Map(ctx.communes.map((c) => [c.code, c.nom]));
  const lieuByLabel = new Map(ctx.lieux.map((l) => [lieuLabel(l, communeNom.get(l.commune) ?? l.commune), l.id]));
  const cells: [string, string][] = [];
  for (const [name, values] of grouped) {
    if (COMMUNE_FIELDS.has(name)) {
      const code = resolveCommune(ctx, values[0]!);
      if (!code) issues.push({ champ: name, message: `commune inconnue du territoire ${ctx.territoire} : « ${values[0]} » (choisir dans la liste)` });
      cells.push([name, code ?? '']);
    } else if (COMMUNE_LISTS.has(name)) {
      const parts = values
        .join(',')
        .split(/[,;\n]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const codes = parts.map((p) => resolveCommune(ctx, p));
      const unknown = parts.filter((_, i) => !codes[i]);
      if (unknown.length)
        issues.push({ champ: name, message: `commune(s) inconnue(s) du territoire ${ctx.territoire} : ${unknown.map((u) => `« ${u} »`).join(', ')}` });
      cells.push([name, codes.filter(Boolean).join('|')]);
    } else if (name === 'mode.lieu') {
      const id = lieuByLabel.get(values[0]!) ?? (ctx.lieux.some((l) => l.id === values[0]) ? values[0]! : undefined);
      if (!id) issues.push({ champ: name, message: `lieu introuvable : « ${values[0]} » (choisir dans la liste, ou laisser vide et donner l'adresse)` });
      cells.push([name, id ?? '']);
    } else cells.push([name, columnKind(ctx.kind, name) === 'list' ? values.join('|') : values[0]!]);
  }
  const record = cellsToRecord(ctx.kind, cells);
  const base = slugify(String(record.nom ?? '')) || 'nouvelle-fiche';
  let id = base;
  for (let n = 2; ctx.ids.includes(id); n++) id = `${base}-${n}`;
  return {
    record: { id, ...record, source: { nom: 'Proposition reçue par le formulaire du site' }, verifie_le: today },
    issues,
  };
}

/** Zod path → form field name: list items point at their list ("thematiques.0" → "thematiques"). */
function fieldOf(path: (string | number)[]): string {
  const keys = path.filter((k) => typeof k === 'string') as string[];
  // Object-level refinements (contact: "au moins un téléphone…") point at the object: show them on its first field.
  if (keys.join('.') === 'contact') return 'contact.telephone';
  return keys.join('.');
}

/** The same checks as check-data for one record: the zod schema, then references to the territory's data. */
export function validateRecord(ctx: ProposerContext, record: Record<string, unknown>): FieldIssue[] {
  const schema = ctx.kind === 'offres' ? offre : structure;
  const res = schema.safeParse(record);
  const issues: FieldIssue[] = res.success ? [] : res.error.issues.map((i) => ({ champ: fieldOf(i.path as (string | number)[]), message: i.message }));
  if (ctx.kind === 'offres' && typeof record.porteur === 'string' && !ctx.structures.some((s) => s.id === record.porteur))
    issues.push({ champ: 'porteur', message: 'structure introuvable : choisir dans la liste' });
  // One message per field and text: a missing sub-object can yield the same message twice.
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.champ + i.message) && seen.add(i.champ + i.message));
}
