/**
 * Brings national lieux into a territory's lieux.yaml: keeps those of the territory, places each in its
 * commune (derived from the point when the source gives none; flagged when the point lies outside the
 * commune it declares), gives each a stable id (the same lieu, by source id, is updated on a new import:
 * re-running changes nothing), validates everything with the rules of check-data, then writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Flatbush from 'flatbush';
import { bbox, booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadDataset, type Dataset } from '../../data/dataset';
import { formatIssue, type DataIssue } from '../../data/issues';
import { lieu as lieuSchema } from '../../../schemas';
import { slugify, titleCase } from '../../text';
import type { Candidate } from './candidate';

/** A point this far outside its declared commune is flagged (simplified boundaries). */
const MISPLACED_KM = 1;
const OPTIONAL_FIELDS = [
  'description',
  'adresse',
  'horaires',
  'telephone',
  'courriel',
  'site_web',
  'accessibilite',
  'services',
  'publics',
  'frais',
  'labels',
] as const;
const ID_PREFIX: Record<string, string> = { mediation_numerique: 'numerique', france_services: 'france-services', bibliotheque: 'bibliotheque' };

export interface ImportReport {
  read: number;
  added: string[];
  updated: string[];
  unchanged: number;
  outside: number;
  /** Rows with neither a point nor a commune: they cannot be placed in any territory. */
  unplaced: number;
  rejected: { where: string; nom?: string; reasons: string[] }[];
  derived: { where: string; id: string; commune: string }[];
  misplaced: { where: string; id: string; message: string }[];
  notes: { where: string; id: string; note: string }[];
  /** Problems of the data folder itself (not of the imported rows): nothing is written then. */
  blocking: string[];
  written: boolean;
}

function communeLocator(ds: Dataset) {
  const shapes = ds.communeShapes.features;
  const index = new Flatbush(Math.max(shapes.length, 1));
  for (const f of shapes) {
    const [a, b, c, d] = bbox(f);
    index.add(a, b, c, d);
  }
  if (!shapes.length) index.add(0, 0, 0, 0);
  index.finish();
  const byCode = new Map(shapes.map((f) => [f.properties.code, f]));
  return {
    at(lat: number, lon: number): string | undefined {
      const pt = point([lon, lat]);
      return index
        .search(lon, lat, lon, lat)
        .map((i) => shapes[i])
        .find((f) => f && booleanPointInPolygon(pt, f))?.properties.code;
    },
    kmOutside(code: string, lat: number, lon: number): number | undefined {
      const f = byCode.get(code);
      if (!f) return undefined;
      const pt = point([lon, lat]);
      return booleanPointInPolygon(pt, f) ? 0 : pointToPolygonDistance(pt, f, { units: 'kilometers' });
    },
  };
}

/** Optional fields the lieu schema refuses are dropped (with a note) rather than losing the whole lieu. */
function cleanOptional(rec: Record<string, unknown>): string[] {
  const notes: string[] = [];
  for (const k of Object.keys(rec)) {
    const v = rec[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete rec[k];
    else if (v && typeof v === 'object' && !Array.isArray(v))
      for (const kk of Object.keys(v)) if ((v as Record<string, unknown>)[kk] === undefined) delete (v as Record<string, unknown>)[kk];
  }
  const shape = lieuSchema.shape as Record<string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }>;
  for (const k of OPTIONAL_FIELDS) {
    if (rec[k] === undefined) continue;
    const res = shape[k]!.safeParse(rec[k]);
    if (!res.success) {
      notes.push(`${k} ignoré (${res.error?.issues[0]?.message ?? 'invalide'}) : ${JSON.stringify(rec[k]).slice(0, 80)}`);
      delete rec[k];
    }
  }
  return notes;
}

const keyOf = (type: unknown, idExterne: unknown) => `${String(type)}:${String(idExterne)}`;

export function importLieux(dataDir: string, candidates: Candidate[], opts: { write?: (file: string, text: string) => void } = {}): ImportReport {
  const report: ImportReport = {
    read: candidates.length,
    added: [],
    updated: [],
    unchanged: 0,
    outside: 0,
    unplaced: 0,
    rejected: [],
    derived: [],
    misplaced: [],
    notes: [],
    blocking: [],
    written: false,
  };
  const loaded = loadDataset(dataDir);
  const ds = loaded.dataset;
  if (!ds) {
    report.blocking = loaded.issues.filter((i) => i.niveau === 'erreur').map(formatIssue);
    return report;
  }
  const locate = communeLocator(ds);
  const target = path.join(dataDir, 'lieux.yaml');
  const doc = parseDocument(readFileSync(target, 'utf8'));
  if (!isSeq(doc.contents)) {
    report.blocking = [`${target} : le fichier doit contenir une liste d'enregistrements`];
    return report;
  }
  const seq = doc.contents as YAMLSeq<YAMLMap>;
  if (seq.items.length === 0) doc.commentBefore = null; // « Aucun enregistrement pour l'instant. » is no longer true
  seq.flow = false; // a new territory's empty file says « [] »: write records one per block, as people edit them
  const existing = new Map<string, number>(); // type:id_externe → index in seq
  const ids = new Set<string>();
  seq.items.forEach((n, i) => {
    if (!isMap(n)) return;
    const id = n.get('id');
    if (typeof id === 'string') ids.add(id);
    const ext = n.get('id_externe');
    if (ext !== undefined) existing.set(keyOf(n.get('type'), ext), i);
  });

  const imported = new Map<string, Candidate>(); // lieu id → candidate
  const previous = new Map<string, YAMLMap>(); // lieu id → its node before an update, restored if the update is rejected
  for (const c of candidates) {
    const rec = c.record;
    const nom = typeof rec.nom === 'string' ? rec.nom : undefined;
    const co = rec.coordonnees as { lat?: number; lon?: number } | undefined;
    const hasPoint = !!co && typeof co.lat === 'number' && typeof co.lon === 'number';
    const declared = typeof rec.commune === 'string' ? rec.commune : undefined;
    const actual = hasPoint ? locate.at(co!.lat!, co!.lon!) : undefined;
    const declaredIn = declared !== undefined && ds.communes.has(declared);
    // Only rows of the territory are reported on: a national file has many rows elsewhere.
    if (!declaredIn && !actual) {
      if (hasPoint || declared) report.outside++;
      else report.unplaced++;
      continue;
    }
    if (c.errors.length) {
      report.rejected.push({ where: c.where, nom, reasons: c.errors });
      continue;
    }
    if (!hasPoint) {
      report.rejected.push({ where: c.where, nom, reasons: ['coordonnées absentes : le lieu ne peut pas être placé sur la carte'] });
      continue;
    }
    if (nom && nom === nom.toUpperCase()) rec.nom = titleCase(nom);
    const key = keyOf(rec.type, rec.id_externe);
    const at = existing.get(key);
    let id: string;
    if (at !== undefined) id = String(seq.items[at]!.get('id'));
    else {
      const communeNom = ds.communes.get(declaredIn ? declared! : actual!)?.nom ?? '';
      const prefix = ID_PREFIX[String(rec.type)] ?? slugify(String(rec.type));
      const name = slugify(String(rec.nom ?? ''));
      const place = slugify(communeNom);
      const base = [name.startsWith(prefix) ? '' : prefix, name, name.includes(place) ? '' : place].filter(Boolean).join('-').slice(0, 70).replace(/-+$/, '');
      id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
    }
    if (!declaredIn) {
      rec.commune = actual;
      if (declared)
        report.misplaced.push({
          where: c.where,
          id,
          message: `commune déclarée ${declared} hors du territoire, mais le point est dans la commune ${actual} (${ds.communes.get(actual!)?.nom}) : ${actual} retenue`,
        });
      else report.derived.push({ where: c.where, id, commune: `${actual} (${ds.communes.get(actual!)?.nom})` });
    } else if (actual !== declared) {
      const off = locate.kmOutside(declared!, co!.lat!, co!.lon!) ?? 0;
      if (off > MISPLACED_KM)
        report.misplaced.push({
          where: c.where,
          id,
          message: `point à ${off.toFixed(1).replace('.', ',')} km hors de sa commune déclarée ${declared} (${ds.communes.get(declared!)?.nom})${actual ? `, dans ${actual} (${ds.communes.get(actual)?.nom})` : ''} : à vérifier`,
        });
    }
    for (const note of cleanOptional(rec)) report.notes.push({ where: c.where, id, note });
    const full = { id, ...rec };
    if (at !== undefined) {
      const before = JSON.stringify(seq.items[at]!.toJSON());
      const node = doc.createNode(full) as YAMLMap;
      if (JSON.stringify(node.toJSON()) === before) report.unchanged++;
      else {
        previous.set(id, seq.items[at]!);
        seq.items[at] = node;
        report.updated.push(id);
      }
    } else {
      const node = doc.createNode(full) as YAMLMap;
      existing.set(key, seq.items.length);
      seq.items.push(node);
      report.added.push(id);
    }
    imported.set(id, c);
  }

  // Validate as check-data would; a lieu with errors is rejected with them, then the rest is checked again.
  for (let pass = 0; pass < 3; pass++) {
    const { issues } = loadDataset(dataDir, { replace: { lieux: String(doc) } });
    const errors = issues.filter((i) => i.niveau === 'erreur');
    if (!errors.length) break;
    const ours = new Map<string, DataIssue[]>();
    const others: DataIssue[] = [];
    for (const e of errors) {
      const id = e.enregistrement?.replace(/^« | »$/g, '');
      if (id && imported.has(id)) ours.set(id, [...(ours.get(id) ?? []), e]);
      else others.push(e);
    }
    if (others.length || pass === 2) {
      report.blocking = (others.length ? others : errors).map(formatIssue);
      return report;
    }
    for (const [id, errs] of ours) {
      const c = imported.get(id)!;
      report.rejected.push({
        where: c.where,
        nom: String(c.record.nom ?? ''),
        reasons: errs.map((e) => `${e.champ ? `${e.champ} : ` : ''}${e.message}${e.valeur !== undefined ? ` (valeur : ${String(e.valeur)})` : ''}`),
      });
      const idx = seq.items.findIndex((n) => isMap(n) && n.get('id') === id);
      const before = previous.get(id);
      if (idx >= 0 && before) seq.items[idx] = before;
      else if (idx >= 0) seq.items.splice(idx, 1);
      report.added = report.added.filter((x) => x !== id);
      report.updated = report.updated.filter((x) => x !== id);
      imported.delete(id);
    }
  }
  if (report.added.length || report.updated.length) {
    (opts.write ?? writeFileSync)(target, String(doc));
    report.written = true;
  }
  return report;
}
