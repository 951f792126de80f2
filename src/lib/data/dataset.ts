/**
 * Loads every data file of a territory, validates it with the zod schemas and the cross-record checks,
 * and returns the dataset together with ALL the problems found (never only the first).
 * Used by `npm run check-data`, by the import script and by the Astro content loader.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { z } from 'astro/zod';
import { territoire as territoireSchema, type Equipe, type Lieu, type Offre, type Structure, type Territoire } from '../../schemas';
import { fieldPath, type DataIssue } from './issues';
import { readYamlObject, readYamlRecords, type RawRecord } from './yaml-records';
import { crossChecks } from './cross-checks';
import { readText } from './read-text';
import { confinedPath } from './safe-path';
import { unsafeChars } from './unsafe-chars';
import { readCounts, shrinkIssues, writeCounts, type Counts } from './shrink-guard';
import { checkCommunesFile, checkContour, checkGrid } from './reference-checks';
import { iconExists } from '../theme-icons';

export interface CommuneRef {
  code: string;
  nom: string;
  population: number;
  centre: { lat: number; lon: number };
  /** Its boundary is an estimated share of an older polygon (`contour_approche` in the communes file). */
  contourApproche?: boolean;
}

export interface Located<T> {
  record: T;
  line: number;
}

export interface Dataset {
  territoire: Territoire;
  communes: Map<string, CommuneRef>;
  communeShapes: FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string; population: number }>;
  contour: Feature<Polygon | MultiPolygon>;
  /** INSEE Filosofi cells overlapping the territory; absent when none is configured or usable (seniors « non estimés »). */
  grid?: FeatureCollection<Polygon | MultiPolygon, { ind: number; ind_65_79: number; ind_80p: number }>;
  structures: Structure[];
  lieux: Lieu[];
  offres: Offre[];
  equipes: Equipe[];
}

import { COLLECTIONS, type CollectionName } from './collections';

export { COLLECTIONS, type CollectionName };

function valueAt(obj: unknown, p: (string | number)[]): unknown {
  let cur = obj;
  for (const k of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function recordLabel(value: unknown, index: number): string {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? `« ${id} »` : `n° ${index + 1} (sans identifiant)`;
}

/** Validates raw records against a schema; invalid records are reported, never silently skipped. */
export function parseRecords<S extends z.ZodTypeAny>(
  raw: RawRecord[],
  schema: S,
  fichier: string,
): { valid: Located<z.infer<S>>[]; issues: DataIssue[]; invalidCount: number } {
  const valid: Located<z.infer<S>>[] = [];
  const issues: DataIssue[] = [];
  let invalidCount = 0;
  raw.forEach((r, i) => {
    if (r.unreadable) {
      invalidCount++; // its syntax error is already reported, at its line
      return;
    }
    const hidden = unsafeChars(r.value);
    for (const u of hidden)
      issues.push({
        niveau: 'erreur',
        fichier,
        ligne: r.lineOf(u.path),
        enregistrement: recordLabel(r.value, i),
        champ: u.champ || undefined,
        message: u.message,
      });
    const res = schema.safeParse(r.value);
    if (res.success && hidden.length) {
      invalidCount++;
      return;
    }
    if (res.success) {
      valid.push({ record: res.data, line: r.line });
      return;
    }
    invalidCount++;
    for (const iss of res.error.issues) {
      const p = iss.path as (string | number)[];
      const issue: DataIssue = {
        niveau: 'erreur',
        fichier,
        ligne: r.lineOf(p),
        enregistrement: recordLabel(r.value, i),
        champ: fieldPath(p) || undefined,
        message: iss.message,
      };
      const v = valueAt(r.value, p);
      if (v !== undefined && typeof v !== 'object') issue.valeur = v;
      issues.push(issue);
    }
  });
  return { valid, issues, invalidCount };
}

/**
 * Reads a reference GeoJSON file named in territoire.yaml. The path is checked BEFORE the file is opened
 * (it must stay inside the data folder), and messages never quote the file's content.
 */
function readGeoJson<T>(
  dataDir: string,
  name: string,
  rel: string,
  issues: DataIssue[],
  named: { fichier: string; ligne: number; champ: string },
): T | undefined {
  const where = confinedPath(dataDir, name);
  if ('error' in where) {
    issues.push({ niveau: 'erreur', ...named, valeur: name, message: `${where.error} de données` });
    return undefined;
  }
  if (!existsSync(where.abs)) {
    issues.push({ niveau: 'erreur', fichier: rel, message: 'fichier de référence introuvable (nommé dans territoire.yaml, rubrique fichiers)' });
    return undefined;
  }
  try {
    return JSON.parse(readText(where.abs).text) as T;
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message)?.[1];
    issues.push({
      niveau: 'erreur',
      fichier: rel,
      message: `fichier GeoJSON illisible : ce n’est pas du JSON valide${pos ? ` (à partir du caractère n° ${Number(pos) + 1})` : ''}`,
    });
    return undefined;
  }
}

export interface LoadResult {
  dataset?: Dataset;
  issues: DataIssue[];
  /** Records per collection as read from the files (valid or not): nothing is dropped unnoticed. */
  counts: Record<CollectionName, { read: number; valid: number }>;
}

export interface LoadOptions {
  /** Date used for the "not verified for 12 months" warning. */
  today?: Date;
  /** Folder messages' file paths are relative to (default: the working directory). */
  relRoot?: string;
  /** YAML text to validate in place of a collection file, without writing it (CSV import). */
  replace?: Partial<Record<CollectionName, string>>;
  /**
   * File keeping the record counts of the last successful load of this folder: a collection that empties
   * or loses many records compared with it is an error (see shrink-guard.ts). Written back on success.
   */
  countsFile?: string;
  /** A person confirmed that records were removed on purpose (CONFIRMER_SUPPRESSIONS=1). */
  confirmShrink?: boolean;
}

export function loadDataset(dataDir: string, opts: LoadOptions = {}): LoadResult {
  const today = opts.today ?? new Date();
  const relRoot = opts.relRoot ?? process.cwd();
  const abs = (f: string) => path.resolve(dataDir, f);
  const rel = (f: string) => path.relative(relRoot, abs(f)) || f;
  const issues: DataIssue[] = [];
  const counts = {} as LoadResult['counts'];

  const terrFile = rel('territoire.yaml');
  const terrRaw = readYamlObject(abs('territoire.yaml'), terrFile);
  issues.push(...terrRaw.issues);
  let territoire: Territoire | undefined;
  if (terrRaw.value !== undefined) {
    const res = territoireSchema.safeParse(terrRaw.value);
    if (res.success) {
      territoire = res.data;
      territoire.thematiques.forEach((t, i) => {
        if (!iconExists(t.icone))
          issues.push({
            niveau: 'erreur',
            fichier: terrFile,
            ligne: terrRaw.lineOf(['thematiques', i, 'icone']),
            champ: `thematiques[${i}].icone`,
            valeur: t.icone,
            message: 'icône inconnue de la bibliothèque Lucide (voir https://lucide.dev/icons)',
          });
      });
    } else
      for (const iss of res.error.issues)
        issues.push({
          niveau: 'erreur',
          fichier: terrFile,
          ligne: terrRaw.lineOf(iss.path as (string | number)[]),
          champ: fieldPath(iss.path as (string | number)[]),
          message: iss.message,
        });
  }

  const parsed = {} as { [K in CollectionName]: Located<z.infer<(typeof COLLECTIONS)[K]['schema']>>[] };
  const raws = {} as Record<CollectionName, RawRecord[]>;
  const files = {} as Record<CollectionName, string>;
  const empties = {} as Record<CollectionName, 'explicit' | 'implicit' | undefined>;
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const { file, schema } = COLLECTIONS[name];
    const fichier = rel(file);
    const raw = readYamlRecords(abs(file), fichier, opts.replace?.[name]);
    issues.push(...raw.issues);
    empties[name] = raw.empty;
    raws[name] = raw.records;
    files[name] = fichier;
    const res = parseRecords(raw.records, schema, fichier);
    issues.push(...res.issues);
    (parsed as Record<string, unknown>)[name] = res.valid;
    counts[name] = { read: raw.records.length, valid: res.valid.length };
    // Duplicate ids are checked on the raw records, so that an invalid duplicate is still seen.
    const seen = new Map<string, number>();
    raw.records.forEach((r) => {
      const id = (r.value as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined)
        issues.push({
          niveau: 'erreur',
          fichier,
          ligne: r.line,
          enregistrement: `« ${id} »`,
          champ: 'id',
          valeur: id,
          message: `identifiant en double (déjà utilisé ligne ${first})`,
        });
      else seen.set(id, r.line);
    });
  }

  issues.push(...checkShrink(dataDir, rel, counts, empties, opts));

  if (!territoire) return { issues, counts };

  const communesFile = rel(territoire.fichiers.communes);
  const named = (field: 'communes' | 'contour' | 'population_grille') => ({
    fichier: terrFile,
    ligne: terrRaw.lineOf(['fichiers', field]),
    champ: `fichiers.${field}`,
  });
  const shapesRaw = readGeoJson<unknown>(dataDir, territoire.fichiers.communes, communesFile, issues, named('communes'));
  const contourFile = rel(territoire.fichiers.contour);
  const contourRaw = readGeoJson<Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon>>(
    dataDir,
    territoire.fichiers.contour,
    contourFile,
    issues,
    named('contour'),
  );
  if (shapesRaw === undefined || !contourRaw) return { issues, counts };
  const checkedShapes = checkCommunesFile(shapesRaw, communesFile);
  issues.push(...checkedShapes.issues);
  const shapes = { type: 'FeatureCollection', features: checkedShapes.features } as unknown as Dataset['communeShapes'];
  const contour = contourRaw.type === 'FeatureCollection' ? contourRaw.features?.[0] : contourRaw;

  const communes = new Map<string, CommuneRef>();
  for (const f of shapes.features) {
    const p = f.properties as unknown as { code: string; nom: string; population: number; centre_lat: number; centre_lon: number; contour_approche?: unknown };
    communes.set(p.code, {
      code: p.code,
      nom: p.nom,
      population: p.population,
      centre: { lat: p.centre_lat, lon: p.centre_lon },
      ...(p.contour_approche === true ? { contourApproche: true } : {}),
    });
  }
  const listedInFile = new Set(
    ((shapesRaw as FeatureCollection | undefined)?.features ?? []).map((f) => String((f?.properties as { code?: unknown } | null)?.code)),
  );
  territoire.communes.forEach((code, i) => {
    if (!listedInFile.has(code))
      issues.push({
        niveau: 'erreur',
        fichier: terrFile,
        ligne: terrRaw.lineOf(['communes', i]),
        champ: `communes[${i}]`,
        valeur: code,
        message: `commune absente du fichier de référence ${communesFile}`,
      });
  });
  const inTerritory = new Set(territoire.communes);
  const extra = [...communes.keys()].filter((c) => !inTerritory.has(c));
  if (extra.length)
    issues.push({
      niveau: 'avertissement',
      fichier: communesFile,
      message: `${extra.length} commune(s) du fichier ne sont pas dans la liste « communes » de ${terrFile} et sont ignorées : ${extra.slice(0, 15).join(', ')}${extra.length > 15 ? '…' : ''}`,
    });
  const territoryCentres = territoire.communes.flatMap((c) => {
    const ref = communes.get(c);
    return ref ? [{ code: c, nom: ref.nom, lat: ref.centre.lat, lon: ref.centre.lon }] : [];
  });
  const contourIssues = checkContour(contour, territoryCentres, contourFile);
  issues.push(...contourIssues);
  // Records are placed against the reference files: with those wrong, their checks would only repeat the error.
  if (!contour || contourIssues.length || checkedShapes.issues.length) return { issues, counts };

  let grid: Dataset['grid'];
  const gridRel = territoire.fichiers.population_grille;
  if (gridRel) {
    const gridFile = rel(gridRel);
    const raw = readGeoJson<unknown>(dataDir, gridRel, gridFile, issues, named('population_grille'));
    if (raw !== undefined) {
      const checked = checkGrid(raw, contour, territoryCentres, gridFile);
      issues.push(...checked.issues);
      if (checked.usable) grid = raw as Dataset['grid'];
    }
  }
  for (const code of communes.keys()) if (!inTerritory.has(code)) communes.delete(code);

  const dataset: Dataset = {
    territoire,
    communes,
    communeShapes: { ...shapes, features: shapes.features.filter((f) => inTerritory.has(f.properties.code)) },
    contour,
    grid,
    structures: parsed.structures.map((l) => l.record),
    lieux: parsed.lieux.map((l) => l.record),
    offres: parsed.offres.map((l) => l.record),
    equipes: parsed.equipes.map((l) => l.record),
  };
  issues.push(...crossChecks({ territoire, communes: new Set(communes.keys()), contour, raw: raws, files, today }));
  if (opts.countsFile && !issues.some((i) => i.niveau === 'erreur'))
    writeCounts(opts.countsFile, Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c.read])));
  return { dataset, issues, counts };
}

/** Empty or shrunk collections, against the previous successful load and data/attendus.yaml. */
function checkShrink(
  dataDir: string,
  rel: (f: string) => string,
  counts: LoadResult['counts'],
  empties: Record<CollectionName, 'explicit' | 'implicit' | undefined>,
  opts: LoadOptions,
): DataIssue[] {
  const previous: Counts | undefined = opts.countsFile ? readCounts(opts.countsFile) : undefined;
  const issues: DataIssue[] = [];
  const expected: Counts = {};
  if (existsSync(path.join(dataDir, 'attendus.yaml'))) {
    const raw = readYamlObject(path.join(dataDir, 'attendus.yaml'), rel('attendus.yaml'));
    issues.push(...raw.issues);
    const v = raw.value as Record<string, unknown> | undefined;
    for (const [k, n] of Object.entries(v ?? {})) {
      if (k in COLLECTIONS && Number.isInteger(n) && (n as number) >= 0) expected[k] = n as number;
      else
        issues.push({
          niveau: 'erreur',
          fichier: rel('attendus.yaml'),
          ligne: raw.lineOf([k]),
          champ: k,
          valeur: n,
          message: `attendu : une collection (${Object.keys(COLLECTIONS).join(', ')}) et un nombre entier d’enregistrements`,
        });
    }
  }
  const list = (Object.keys(COLLECTIONS) as CollectionName[]).map((name) => ({
    name,
    fichier: rel(COLLECTIONS[name].file),
    read: counts[name].read,
    empty: empties[name],
    previous: previous?.[name],
    expected: expected[name],
  }));
  issues.push(...shrinkIssues(list, opts.confirmShrink ?? false));
  return issues;
}
