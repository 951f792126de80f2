/**
 * Spreadsheet columns of each record kind, read off the zod schemas (the single source of truth): a
 * column per leaf field path ("nom", "frais.type", "mode.coordonnees.lat"); lists of plain values are one
 * column ("thematiques", values joined by "|"); lists of objects get numbered columns
 * ("mode.arrets[1].nom", "mode.arrets[2].nom"…). The CSV import and the CSV export both use this, so
 * that export → import → export gives the same file. Pure (no node:*): the /proposer/ page uses it too.
 */
import { z } from 'astro/zod';
import { equipe, lieu, offre, structure } from '../../schemas';

export type RecordKind = 'offres' | 'lieux' | 'structures' | 'equipes';
export const SCHEMAS: Record<RecordKind, z.ZodTypeAny> = { structures: structure, lieux: lieu, offres: offre, equipes: equipe };

export type LeafKind = 'text' | 'number' | 'boolean' | 'list';
export type Column = { path: string; kind: LeafKind } | { path: string; kind: 'objects'; item: Column[] };

/** Strips optional/default/refinement wrappers down to the shape-bearing type. */
function unwrap(t: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap();
    else if (t instanceof z.ZodDefault) t = t._def.innerType;
    else if (t instanceof z.ZodEffects) t = t._def.schema;
    else if (t instanceof z.ZodPipeline) t = t._def.out;
    else return t;
  }
}

function leafKind(t: z.ZodTypeAny): LeafKind {
  if (t instanceof z.ZodNumber) return 'number';
  if (t instanceof z.ZodBoolean) return 'boolean';
  return 'text';
}

function walk(t: z.ZodTypeAny, prefix: string, out: Column[]): void {
  const u = unwrap(t);
  if (u instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(u.shape as Record<string, z.ZodTypeAny>)) walk(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (u instanceof z.ZodDiscriminatedUnion || u instanceof z.ZodUnion) {
    // The variants' fields side by side, each once, in order of first appearance ("type" first).
    const options = (u instanceof z.ZodDiscriminatedUnion ? [...u.options.values()] : u.options) as z.ZodTypeAny[];
    if (options.every((o) => !(unwrap(o) instanceof z.ZodObject))) {
      out.push({ path: prefix, kind: leafKind(unwrap(options[0]!)) });
      return;
    }
    const seen = new Set(out.map((c) => c.path));
    for (const o of options) {
      const sub: Column[] = [];
      walk(o, prefix, sub);
      for (const c of sub) {
        if (seen.has(c.path)) continue;
        seen.add(c.path);
        out.push(c);
      }
    }
  } else if (u instanceof z.ZodArray) {
    const el = unwrap(u.element);
    if (el instanceof z.ZodObject) {
      const item: Column[] = [];
      walk(el, '', item);
      out.push({ path: prefix, kind: 'objects', item });
    } else out.push({ path: prefix, kind: 'list' });
  } else out.push({ path: prefix, kind: leafKind(u) });
}

const cache = new Map<RecordKind, Column[]>();
export function columnsOf(kind: RecordKind): Column[] {
  let cols = cache.get(kind);
  if (!cols) {
    cols = [];
    walk(SCHEMAS[kind], '', cols);
    cache.set(kind, cols);
  }
  return cols;
}

/** Kind of value a CSV column holds, for a column name of the spreadsheet ("mode.arrets[2].coordonnees.lat" → number). */
export function columnKind(kind: RecordKind, column: string): LeafKind {
  const parts = column.split(/\[\d+\]\.?/);
  let cols = columnsOf(kind);
  for (let i = 0; i < parts.length; i++) {
    const c = cols.find((x) => x.path === parts[i]);
    if (!c) return 'text';
    if (c.kind !== 'objects') return c.kind;
    cols = c.item;
  }
  return 'text';
}
