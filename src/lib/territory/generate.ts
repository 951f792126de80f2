/**
 * `npm run territoire -- <code>`: writes a territory's data/territoire.yaml and data/reference/ from the
 * national reference files (offline), and reports what it wrote and what it could not find.
 * The catalogue of needs (thématiques) of an existing territoire.yaml is kept.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bbox, bboxClip, booleanIntersects, centroid } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { isScalar, parseDocument, Scalar, type YAMLMap, YAMLSeq } from 'yaml';
import { departementsOf, selectTerritory, type Selection } from './select';
import { loadCentres, loadCog, loadCommunesTopology } from './national';
import { mergeToCurrent, topologyOfFile } from './polygons';
import type { Topology } from 'topojson-specification';
import { clipGrid, readGridCsv } from './grid';

export interface GenerateOptions {
  /** Data folder written (default data/). */
  dataDir: string;
  /** National reference folder (default data/national/). */
  nationalDir: string;
  /** National commune centres and populations (default data/reference/communes-france.json). */
  centresFile: string;
  /** A polygon file supplied by the user (GeoJSON with INSEE codes), used in place of the shipped polygons. */
  polygonFile?: string;
  /** territoire.yaml whose catalogue of needs is kept (default: the data folder's, else the project's). */
  catalogueFile?: string;
  /** Overrides of the territory's id and name. */
  id?: string;
  nom?: string;
}

export interface GenerateReport {
  selection: Selection;
  written: string[];
  /** What could not be found, in French, one line each. */
  missing: string[];
  notes: string[];
  /** Communes whose polygon is an estimated share of an older polygon, in French, one line each. */
  approximated: string[];
  communes: number;
  gridCells: number;
}

export const REFERENCE_FILES = {
  communes: 'reference/communes.geojson',
  contour: 'reference/contour.geojson',
  population_grille: 'reference/population-filosofi-5km.geojson',
  rivieres: 'reference/basemap-rivieres.geojson',
  lacs: 'reference/basemap-lacs.geojson',
  lieux_habites: 'reference/basemap-lieux-habites.geojson',
} as const;

const COLLECTION_FILES = ['structures.yaml', 'lieux.yaml', 'offres.yaml', 'equipes.yaml'];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'territoire';

function roundCoords<G extends Geometry>(g: G, digits = 5): G {
  const f = 10 ** digits;
  const walk = (c: unknown): unknown => (typeof c === 'number' ? Math.round(c * f) / f : Array.isArray(c) ? c.map(walk) : c);
  return { ...g, coordinates: walk((g as { coordinates: unknown }).coordinates) } as G;
}

function clipLayer(fc: FeatureCollection, box: BBox): FeatureCollection {
  const features: Feature[] = [];
  const boxPoly: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [box[0], box[1]],
          [box[2], box[1]],
          [box[2], box[3]],
          [box[0], box[3]],
          [box[0], box[1]],
        ],
      ],
    },
  };
  for (const f of fc.features) {
    if (!f.geometry || !booleanIntersects(f, boxPoly)) continue;
    if (f.geometry.type === 'Point' || f.geometry.type === 'MultiPoint') features.push(f);
    else features.push(bboxClip(f as Feature<Polygon | MultiPolygon>, box) as Feature);
  }
  return { type: 'FeatureCollection', features };
}

export function generateTerritory(args: string[], opts: GenerateOptions): GenerateReport {
  const cog = loadCog();
  const selection = selectTerritory(args, cog);
  const missing: string[] = selection.unknown.map((c) => `code ${c} : aucune commune de ce code dans la liste officielle (COG)`);
  const notes = [...selection.notes];
  const written: string[] = [];
  if (!selection.communes.length) throw new Error(`aucune commune trouvée pour ${args.join(' ')}`);
  const selected = new Set(selection.communes);

  // Polygons: the user's file, or the shipped 2018 polygons of every département concerned.
  let topologies: Topology[];
  if (opts.polygonFile) {
    topologies = [topologyOfFile(JSON.parse(readFileSync(opts.polygonFile, 'utf8')) as FeatureCollection)];
    notes.push(`contours des communes lus dans ${opts.polygonFile}`);
  } else {
    topologies = departementsOf(selection.communes, cog).flatMap((dep) => {
      const t = loadCommunesTopology(opts.nationalDir, dep);
      if (!t) missing.push(`département ${dep} : pas de fichier de contours dans ${path.join(opts.nationalDir, 'communes-2018')}`);
      return t ? [t] : [];
    });
  }
  const centres = loadCentres(opts.centresFile);
  // Communes with no polygon of their own (re-created since the polygons were made) get a share of the
  // polygon that holds their centre; neighbours of the loaded départements take part in the split too.
  const loadedDeps = new Set(departementsOf(selection.communes, cog));
  const candidates = [...cog.communes.values()].filter((c) => selected.has(c.code) || loadedDeps.has(c.departement ?? '')).map((c) => c.code);
  const merged = mergeToCurrent(topologies, selected, cog.currentOf, { candidates, centreOf: (code) => centres.get(code) });
  if (merged.merged) notes.push(`${merged.merged} contour(s) d’anciennes communes fusionné(s) dans leur commune actuelle`);
  const approximated: string[] = [];
  const label = (code: string) => `${code} (${cog.communes.get(code)?.nom ?? '?'})`;
  for (const [code, a] of [...merged.approximated].sort(([x], [y]) => x.localeCompare(y))) {
    const others = a.shared.filter((c) => c !== code).map(label);
    approximated.push(
      `commune ${label(code)} : contour approché, part du contour de ${a.parent} (${cog.communes.get(cog.currentOf(a.parent) ?? '')?.nom ?? 'ancienne commune'}) ` +
        `partagé avec ${others.join(', ') || 'aucune autre'} par la proximité de leurs centres, car ${a.shared.length > 1 ? 'certaines de ces communes n’ont' : 'elle n’a'} pas de contour propre (commune rétablie depuis les contours utilisés)`,
    );
  }
  const features: Feature<MultiPolygon>[] = [];
  for (const code of selection.communes) {
    const geom = merged.communes.get(code);
    const cogc = cog.communes.get(code)!;
    if (!geom?.coordinates.length) {
      missing.push(`commune ${code} (${cogc.nom}) : aucun contour dans les fichiers de contours ; elle est retirée de la liste des communes`);
      continue;
    }
    const c = centres.get(code);
    let centre = c ? { lat: c.lat, lon: c.lon } : undefined;
    if (!centre) {
      const [lon, lat] = centroid(geom).geometry.coordinates as [number, number];
      centre = { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
      missing.push(`commune ${code} (${cogc.nom}) : pas de centre dans ${path.basename(opts.centresFile)}, centre géométrique du contour utilisé`);
    }
    const population = c?.population ?? cogc.population;
    if (population === undefined) missing.push(`commune ${code} (${cogc.nom}) : population inconnue, 0 utilisé`);
    features.push({
      type: 'Feature',
      properties: {
        code,
        nom: cogc.nom,
        population: population ?? 0,
        centre_lat: centre.lat,
        centre_lon: centre.lon,
        // Said on the commune page: its boundary inside the shared polygon is an estimate.
        ...(merged.approximated.has(code) ? { contour_approche: true } : {}),
      } as never,
      geometry: roundCoords(geom),
    });
  }
  if (!features.length) throw new Error('aucune commune du territoire n’a de contour : rien n’est écrit');
  const contour: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: { nom: selection.nom }, geometry: roundCoords(merged.contour) };

  const dataDir = opts.dataDir;
  const write = (rel: string, content: string) => {
    const abs = path.join(dataDir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    written.push(path.join(path.relative(process.cwd(), dataDir) || '.', rel));
  };
  const json = (v: unknown) => JSON.stringify(v) + '\n';
  write(REFERENCE_FILES.communes, json({ type: 'FeatureCollection', features }));
  write(REFERENCE_FILES.contour, json(contour));

  const fichiers: Record<string, string> = { communes: REFERENCE_FILES.communes, contour: REFERENCE_FILES.contour };
  const gridFile = path.join(opts.nationalDir, 'filosofi2021-ind-5km-france.csv.gz');
  let gridCells = 0;
  if (existsSync(gridFile)) {
    const grid = clipGrid(readGridCsv(gridFile), contour);
    gridCells = grid.features.length;
    if (gridCells) {
      write(REFERENCE_FILES.population_grille, json(grid));
      fichiers.population_grille = REFERENCE_FILES.population_grille;
    } else
      missing.push(
        'grille de population Filosofi : aucune cellule ne recouvre le territoire (France métropolitaine seulement) ; les personnes âgées seront « non estimées »',
      );
  } else missing.push(`grille de population : ${gridFile} introuvable ; les personnes âgées seront « non estimées »`);

  const [w, s, e, n] = bbox(contour);
  const box: BBox = [w - 0.5, s - 0.5, e + 0.5, n + 0.5];
  for (const [key, name] of [
    ['rivieres', 'rivieres'],
    ['lacs', 'lacs'],
    ['lieux_habites', 'lieux-habites'],
  ] as const) {
    const src = path.join(opts.nationalDir, 'natural-earth', `${name}.geojson`);
    if (!existsSync(src)) {
      missing.push(`fond de carte : ${src} introuvable`);
      continue;
    }
    const layer = clipLayer(JSON.parse(readFileSync(src, 'utf8')) as FeatureCollection, box);
    write(REFERENCE_FILES[key], json(layer));
    fichiers[key] = REFERENCE_FILES[key];
  }

  // territoire.yaml: identity, files and communes replaced; the catalogue of needs (and comments) kept.
  const terrPath = path.join(dataDir, 'territoire.yaml');
  const catalogue = opts.catalogueFile ?? (existsSync(terrPath) ? terrPath : path.resolve('data/territoire.yaml'));
  const doc = parseDocument(readFileSync(catalogue, 'utf8'));
  const nom = opts.nom ?? selection.nom;
  // Comments about the previous territory (its name, its number of communes) go with it.
  const root = doc.contents as YAMLMap;
  root.commentBefore = null;
  for (const pair of root.items) if (isScalar(pair.key) && ['id', 'communes'].includes(String(pair.key.value))) pair.key.commentBefore = null;
  doc.commentBefore = ` Configuration du territoire : ${nom}, produite par « npm run territoire -- ${args.join(' ')} ».\n Les fichiers de référence sont dans data/reference/ ; leurs sources et licences dans data/SOURCES.md.`;
  doc.set('id', opts.id ?? slug(nom));
  doc.set('nom', nom);
  doc.set('niveau', selection.niveau);
  doc.set('code', selection.code);
  doc.set('fichiers', doc.createNode(fichiers));
  if (doc.has('fond_de_carte_osm')) {
    doc.delete('fond_de_carte_osm');
    notes.push('fond_de_carte_osm retiré : il décrivait le territoire précédent');
  }
  const codes = new YAMLSeq<Scalar<string>>();
  for (const f of features) {
    const s = new Scalar(String(f.properties!.code));
    s.type = Scalar.QUOTE_DOUBLE;
    codes.items.push(s);
  }
  doc.set('communes', codes);
  for (const pair of root.items)
    if (isScalar(pair.key) && pair.key.value === 'communes')
      pair.key.commentBefore = ` Les ${features.length} communes du territoire (codes INSEE, liste officielle de @etalab/decoupage-administratif).`;
  write('territoire.yaml', doc.toString({ lineWidth: 0 }));

  for (const f of COLLECTION_FILES) if (!existsSync(path.join(dataDir, f))) write(f, `# Aucun enregistrement pour l’instant.\n[]\n`);

  return { selection, written, missing, notes, approximated, communes: features.length, gridCells };
}
