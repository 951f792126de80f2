/**
 * Builds the offline basemap of a territory as a PMTiles archive from its reference files
 * (data/territoire.yaml `fichiers`): commune boundaries and labels, the territory's outline, a mask that
 * dims the outside, rivers, lakes and populated places around it. Nothing here knows about the pilot:
 * every extent, name and rank comes from the files.
 */
import { readFileSync } from 'node:fs';
import { confinedOrThrow } from '../data/safe-path';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox, bboxClip, booleanPointInPolygon } from '@turf/turf';
import { PMTilesWriter, type ArchiveStats } from '../pmtiles/writer';

export type BBox = [number, number, number, number];

export interface BasemapInput {
  contour: Feature<Polygon | MultiPolygon>;
  communes: FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string; population: number; centre_lon?: number; centre_lat?: number }>;
  rivieres?: FeatureCollection;
  lacs?: FeatureCollection;
  lieuxHabites?: FeatureCollection<Point>;
}

export interface BasemapOptions {
  minZoom?: number;
  maxZoom?: number;
  /** Margin around the territory, as a fraction of its size (at least 0.25°). */
  margin?: number;
  name?: string;
  attribution?: string;
}

/** Layer names and the fields they carry: the style (src/lib/map/style.ts) relies on them. */
export const BASEMAP_LAYERS = {
  masque: {},
  eau_surfaces: { nom: 'String' },
  eau_lignes: { nom: 'String', rang: 'Number' },
  communes: { code: 'String' },
  territoire: {},
  communes_noms: { code: 'String', nom: 'String', population: 'Number', rang: 'Number', zmin: 'Number', taille: 'Number' },
  lieux_habites: { nom: 'String', population: 'Number', rang: 'Number' },
} as const;
export type BasemapLayer = keyof typeof BASEMAP_LAYERS;

/** Reads the reference files a territory config names (paths relative to the data directory). */
export function readBasemapInput(
  dataDir: string,
  fichiers: { communes: string; contour: string; rivieres?: string; lacs?: string; lieux_habites?: string },
): BasemapInput {
  const read = <T>(rel: string): T => JSON.parse(readFileSync(confinedOrThrow(dataDir, rel), 'utf8')) as T;
  const contourRaw = read<Feature<Polygon | MultiPolygon> | FeatureCollection<Polygon | MultiPolygon>>(fichiers.contour);
  const contour = contourRaw.type === 'FeatureCollection' ? contourRaw.features[0]! : contourRaw;
  return {
    contour,
    communes: read(fichiers.communes),
    rivieres: fichiers.rivieres ? read(fichiers.rivieres) : undefined,
    lacs: fichiers.lacs ? read(fichiers.lacs) : undefined,
    lieuxHabites: fichiers.lieux_habites ? read(fichiers.lieux_habites) : undefined,
  };
}

/** Territory bbox grown by a margin, for the archive's extent. */
export function extentOf(contour: Feature, margin = 0.5): BBox {
  const [w, s, e, n] = bbox(contour) as BBox;
  const dx = Math.max(0.25, (e - w) * margin);
  const dy = Math.max(0.25, (n - s) * margin);
  return [w - dx, s - dy, e + dx, n + dy];
}

function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
}
function innerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates.slice(1) : g.coordinates.flatMap((p) => p.slice(1));
}
function rings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** The outside of the territory within the extent: the extent with the territory's outer rings as holes (and its enclaves). */
export function maskOf(contour: Feature<Polygon | MultiPolygon>, extent: BBox): FeatureCollection<Polygon> {
  const [w, s, e, n] = extent;
  const frame: Position[] = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [frame, ...outerRings(contour.geometry)] } },
      ...innerRings(contour.geometry).map((r): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [r] } })),
    ],
  };
}

function ringsAsLines<P>(f: Feature<Polygon | MultiPolygon>, props: P): Feature<LineString, P>[] {
  return rings(f.geometry).map((r) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: r } }));
}

/**
 * Pixel position of a lon/lat at a map zoom, in MapLibre's pixel space: vector tiles are 512 px, so
 * tile zoom z is drawn from map zoom z to z+1, where the world is at least 512·2^z px wide.
 */
export function project(lon: number, lat: number, z: number): [number, number] {
  const size = 512 * 2 ** z;
  const x = ((lon + 180) / 360) * size;
  const y = ((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * size;
  return [x, y];
}

export interface LabelCandidate {
  nom: string;
  lon: number;
  lat: number;
  population: number;
}

/** Text size (px) of a commune label, by population: the style uses the same `taille`. */
export function labelSize(population: number): number {
  return population >= 20000 ? 17 : population >= 5000 ? 15 : population >= 1500 ? 13.5 : 12.5;
}

/**
 * Greedy label placement by population: at each zoom, labels are taken from the most to the least
 * populated and kept when their box (estimated from the text length and size) overlaps no box kept
 * before (labels kept at a lower zoom first: once shown, a label stays). A label's `zmin` is the first
 * zoom where it is kept; labels never kept get `maxZoom`, where MapLibre's own collision detection decides.
 */
export function placeLabels(cands: LabelCandidate[], minZoom: number, maxZoom: number): number[] {
  const order = cands.map((_, i) => i).sort((a, b) => cands[b]!.population - cands[a]!.population || cands[a]!.nom.localeCompare(cands[b]!.nom));
  const zmin = cands.map(() => Infinity);
  for (let z = minZoom; z <= maxZoom; z++) {
    const kept: [number, number, number, number][] = [];
    const boxOf = (c: LabelCandidate): [number, number, number, number] => {
      const size = labelSize(c.population);
      const [x, y] = project(c.lon, c.lat, z);
      const hw = (c.nom.length * size * 0.56) / 2 + 6;
      const hh = size * 0.75 + 4;
      return [x - hw, y - hh, x + hw, y + hh];
    };
    // Labels shown at a lower zoom stay: they cannot collide now, every distance has doubled.
    for (const i of order) if (zmin[i]! < z) kept.push(boxOf(cands[i]!));
    for (const i of order) {
      if (zmin[i]! < z) continue;
      const box = boxOf(cands[i]!);
      if (kept.some((k) => box[0] < k[2] && box[2] > k[0] && box[1] < k[3] && box[3] > k[1])) continue;
      kept.push(box);
      zmin[i] = z;
    }
  }
  for (let i = 0; i < zmin.length; i++) if (zmin[i] === Infinity) zmin[i] = maxZoom;
  return zmin;
}

function clipToExtent(fc: FeatureCollection | undefined, extent: BBox): Feature[] {
  if (!fc) return [];
  const out: Feature[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const [w, s, e, n] = bbox(f) as BBox;
    if (e < extent[0] || w > extent[2] || n < extent[1] || s > extent[3]) continue;
    if (f.geometry.type === 'Point') {
      out.push(f);
      continue;
    }
    const clipped = bboxClip(f as Feature<Polygon | MultiPolygon | LineString>, extent);
    const g = clipped.geometry as Geometry & { coordinates: unknown[] };
    if (g.coordinates.length) out.push({ ...clipped, properties: f.properties });
  }
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The GeoJSON of each layer, before tiling (exported for tests). */
export function basemapLayers(input: BasemapInput, extent: BBox, minZoom: number, maxZoom: number): Record<BasemapLayer, FeatureCollection> {
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const inside = (p: Position) => booleanPointInPolygon(p, input.contour);

  const cands: (LabelCandidate & { code: string })[] = input.communes.features.map((f) => {
    const p = f.properties;
    let lon = p.centre_lon;
    let lat = p.centre_lat;
    if (lon === undefined || lat === undefined) {
      const [w, s, e, n] = bbox(f);
      lon = (w + e) / 2;
      lat = (s + n) / 2;
    }
    return { code: p.code, nom: p.nom, population: num(p.population), lon, lat };
  });
  const zmin = placeLabels(cands, minZoom, maxZoom);
  const byPop = cands.map((_, i) => i).sort((a, b) => cands[b]!.population - cands[a]!.population);
  const rank = new Map(byPop.map((i, r) => [i, r + 1]));

  const places = clipToExtent(input.lieuxHabites, extent)
    .filter((f) => f.geometry.type === 'Point' && !inside((f.geometry as Point).coordinates))
    .map((f) => ({
      ...f,
      properties: { nom: str(f.properties?.name_fr) || str(f.properties?.name), population: num(f.properties?.pop_max), rang: num(f.properties?.scalerank) },
    }));

  return {
    masque: maskOf(input.contour, extent),
    eau_surfaces: fc(clipToExtent(input.lacs, extent).map((f) => ({ ...f, properties: { nom: str(f.properties?.name) } }))),
    eau_lignes: fc(
      clipToExtent(input.rivieres, extent).map((f) => ({
        ...f,
        properties: { nom: str(f.properties?.name_fr) || str(f.properties?.name), rang: num(f.properties?.scalerank) },
      })),
    ),
    communes: fc(input.communes.features.flatMap((f) => ringsAsLines(f, { code: f.properties.code }))),
    territoire: fc(ringsAsLines(input.contour, {})),
    communes_noms: fc(
      cands.map((c, i) => ({
        type: 'Feature',
        properties: { code: c.code, nom: c.nom, population: c.population, rang: rank.get(i)!, zmin: zmin[i]!, taille: labelSize(c.population) },
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      })),
    ),
    lieux_habites: fc(places),
  };
}

function tileRange(extent: BBox, z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const [x0, y1] = project(extent[0], extent[1], z).map((v) => Math.floor(v / 512)) as [number, number];
  const [x1, y0] = project(extent[2], extent[3], z).map((v) => Math.floor(v / 512)) as [number, number];
  const c = (v: number) => Math.min(n - 1, Math.max(0, v));
  return { x0: c(x0), x1: c(x1), y0: c(y0), y1: c(y1) };
}

/**
 * Net area of a tiled polygon (outer rings minus holes). Clipping a frame-with-holes to a tile that lies
 * inside a hole leaves the tile square twice (outer and hole): nothing to draw, so the feature is dropped.
 */
function netArea(geometry: unknown): number {
  if (!Array.isArray(geometry)) return 0;
  let sum = 0;
  for (const ring of geometry as [number, number][][]) {
    if (!Array.isArray(ring) || ring.length < 3 || !Array.isArray(ring[0])) continue;
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
    sum += a / 2;
  }
  return Math.abs(sum);
}

export interface BasemapResult {
  bytes: Uint8Array;
  stats: ArchiveStats;
  extent: BBox;
  minZoom: number;
  maxZoom: number;
  layerCounts: Record<BasemapLayer, number>;
}

export function buildBasemap(input: BasemapInput, opts: BasemapOptions = {}): BasemapResult {
  const minZoom = opts.minZoom ?? 6;
  // The reference boundaries have ~1 m coordinates and ~150–300 m segments: z12 tiles (1.7 m per unit)
  // keep all their detail, and MapLibre overzooms them to street level. Raise it for finer sources.
  const maxZoom = opts.maxZoom ?? 12;
  const extent = extentOf(input.contour, opts.margin);
  const layers = basemapLayers(input, extent, minZoom, maxZoom);
  const names = Object.keys(BASEMAP_LAYERS) as BasemapLayer[];
  const indexes = names.map((name) => [name, new GeoJSONVT(layers[name], { maxZoom, indexMaxZoom: minZoom, tolerance: 3, buffer: 64, extent: 4096 })] as const);

  const [w, s, e, n] = bbox(input.contour);
  const writer = new PMTilesWriter({
    minZoom,
    maxZoom,
    bounds: extent,
    center: [(w + e) / 2, (s + n) / 2, Math.min(maxZoom, Math.max(minZoom, 8))],
    metadata: {
      name: opts.name ?? 'Fond de carte',
      format: 'pbf',
      type: 'overlay',
      attribution: opts.attribution ?? '',
      generator: 'carte-du-lien scripts/build-basemap.ts',
      vector_layers: names.map((id) => ({ id, fields: BASEMAP_LAYERS[id], minzoom: minZoom, maxzoom: maxZoom })),
    },
  });

  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(extent, z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tileLayers: Record<string, GeoJSONVTTile> = {};
        let any = false;
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y);
          if (!t?.features.length) continue;
          // Commune names: only those placed at this zoom (all of them at the last zoom).
          const all: GeoJSONVTTile['features'] = t.features;
          const features =
            name === 'communes_noms' ? all.filter((f) => Number(f.tags?.zmin) <= z) : name === 'masque' ? all.filter((f) => netArea(f.geometry) > 1) : all;
          if (!features.length) continue;
          tileLayers[name] = { ...t, features } as GeoJSONVTTile;
          any = true;
        }
        if (any) writer.addTile(z, x, y, fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }));
      }
  }
  const { bytes, stats } = writer.finish();
  const layerCounts = Object.fromEntries(names.map((k) => [k, layers[k].features.length])) as Record<BasemapLayer, number>;
  return { bytes, stats, extent, minZoom, maxZoom, layerCounts };
}
