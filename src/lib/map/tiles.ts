/**
 * The points and areas of /carte/ as vector tiles, for territories too large for one GeoJSON file: the
 * browser asks only for the tiles of the area and zoom in view. Three PMTiles archives (written by the
 * project's own writer), so that a layer switched off costs nothing:
 *   - points: offers on site, itinerant stops and lieux; grouped below RAW_ZOOM (one symbol with the
 *     count of each group, geojson-vt's clustering, the same as MapLibre's GeoJSON sources), exact from it;
 *   - equipes and domicile: the areas of the équipes citoyennes and of the offers at home.
 * Tile contents are the same whatever the territory; only their number grows with the data.
 */
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { PMTilesWriter } from '../pmtiles/writer';
import type { MapData, MapItem } from './data';
import type { TileAreaProps, TilePointProps } from './contract';
import { addCounts, clusterCounts, countKey, FILTER_NAMES, tileFilterProps, type FilterName } from './filter';

export type { TileAreaProps, TilePointProps };
/** The values each filter of the page offers (thématique, public and mode ids): the groups count per value. */
export type FilterValues = Record<FilterName, readonly string[]>;

/** Above this many items, /carte/ uses tiles and lists only what is in view (built in the browser). */
export const TILED_ABOVE_ITEMS = 4000;
export const TILE_MIN_ZOOM = 3;
/** Points are exact from this zoom (a z11 tile is ~20 km wide); grouped below. */
export const RAW_ZOOM = 11;
export const POINTS_MAX_ZOOM = 12;
/** Areas are communes: a z10 tile keeps them exact enough, MapLibre overzooms them beyond. */
export const AREAS_MAX_ZOOM = 10;
export const TILE_FILES = ['points', 'equipes', 'domicile'] as const;
export type TileFile = (typeof TILE_FILES)[number];

const EXTENT = 4096;

function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(b[0]) ? b : [-180, -85, 180, 85];
}

/** Tiles of `z` touched by the bounding box [w, s, e, n] of each feature. */
function tilesTouched(boxes: [number, number, number, number][], z: number): Set<string> {
  const out = new Set<string>();
  for (const [w, s, e, n] of boxes) {
    const [x0, y0] = tileXY(w, n, z);
    const [x1, y1] = tileXY(e, s, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.add(`${x}/${y}`);
  }
  return out;
}

function featureBox(f: Feature): [number, number, number, number] {
  return bboxOf({ type: 'FeatureCollection', features: [f] });
}

function archive(layer: string, fc: FeatureCollection, fields: Record<string, string>, minZoom: number, maxZoom: number, index: GeoJSONVT): Uint8Array {
  const bounds = bboxOf(fc);
  const writer = new PMTilesWriter({
    minZoom,
    maxZoom,
    bounds,
    metadata: { name: `carte-du-lien ${layer}`, format: 'pbf', type: 'overlay', vector_layers: [{ id: layer, fields, minzoom: minZoom, maxzoom: maxZoom }] },
  });
  const boxes = fc.features.map(featureBox);
  for (let z = minZoom; z <= maxZoom; z++)
    for (const key of tilesTouched(boxes, z)) {
      const [x, y] = key.split('/').map(Number) as [number, number];
      const t = index.getTile(z, x, y);
      if (!t?.features.length) continue;
      writer.addTile(z, x, y, fromGeojsonVt({ [layer]: t as GeoJSONVTTile }, { version: 2, extent: EXTENT }));
    }
  return writer.finish().bytes;
}

/**
 * The points layer: grouped below RAW_ZOOM, exact from it. Each group carries, per layer and per filter value, how
 * many of its items pass (src/lib/map/filter.ts), so that the number drawn is what the filters show.
 */
export function pointsArchive(points: FeatureCollection<Geometry, TilePointProps>, values: FilterValues): Uint8Array {
  const index = new GeoJSONVT(points as FeatureCollection, {
    maxZoom: POINTS_MAX_ZOOM,
    indexMaxZoom: TILE_MIN_ZOOM,
    extent: EXTENT,
    buffer: 64,
    cluster: true,
    // The clustering writes tile coordinates in its own extent (512 by default): it must be the tiles' extent.
    // Radius: 36 screen pixels of a 512-pixel tile, in those units.
    clusterOptions: {
      maxZoom: RAW_ZOOM - 1,
      radius: (36 * EXTENT) / 512,
      minPoints: 2,
      extent: EXTENT,
      map: (p) => {
        const t = p as unknown as TilePointProps;
        return clusterCounts(t.layer, { themes: words(t.themes), publics: words(t.publics), mode: t.mode }, values);
      },
      reduce: addCounts,
    },
  });
  const fields: Record<string, string> = {
    id: 'String',
    kind: 'String',
    layer: 'String',
    theme: 'String',
    themes: 'String',
    publics: 'String',
    mode: 'String',
    nom: 'String',
    resume: 'String',
    arret: 'String',
    point_count: 'Number',
  };
  for (const l of ['offres', 'lieux'] as const) {
    fields[countKey(l)] = 'Number';
    for (const n of FILTER_NAMES) for (const v of values[n]) fields[countKey(l, n, v)] = 'Number';
  }
  return archive('points', points as FeatureCollection, fields, TILE_MIN_ZOOM, POINTS_MAX_ZOOM, index);
}

const words = (s: string) => s.split(' ').filter(Boolean);

/** An areas layer (équipes or offers at home), its features from `tileAreas`. */
export function areasArchive(layer: 'equipes' | 'domicile', fc: FeatureCollection<Geometry, TileAreaProps>): Uint8Array {
  const index = new GeoJSONVT(fc as FeatureCollection, { maxZoom: AREAS_MAX_ZOOM, indexMaxZoom: TILE_MIN_ZOOM, extent: EXTENT, buffer: 16, tolerance: 3 });
  const fields = { id: 'String', nom: 'String', theme: 'String', themes: 'String', publics: 'String', mode: 'String', resume: 'String' };
  return archive(layer, fc as FeatureCollection, fields, TILE_MIN_ZOOM, AREAS_MAX_ZOOM, index);
}

/**
 * The areas with what the filter rule reads (an équipe fills the needs of its activities, src/lib/needs.ts) and
 * the popup's line: filters apply to équipes and zones as on the list map.
 */
export function tileAreas(data: MapData, layer: 'equipes' | 'domicile'): FeatureCollection<Geometry, TileAreaProps> {
  const items = new Map<string, MapItem>(data.items.filter((i) => i.layer === layer).map((i) => [i.id, i]));
  return {
    type: 'FeatureCollection',
    features: data[layer].features.map((f) => {
      const i = items.get(f.properties.id)!;
      const theme = 'theme' in f.properties ? String(f.properties.theme) : (i.themes[0] ?? '');
      return { type: 'Feature', properties: { id: i.id, nom: i.nom, theme, resume: i.resume, ...tileFilterProps(i) }, geometry: f.geometry };
    }),
  };
}

/** The map's points with everything the list and popups need (the tiled /carte/ has no list in its HTML). */
export function tilePoints(data: MapData): FeatureCollection<Geometry, TilePointProps> {
  const items = new Map<string, MapItem>(data.items.map((i) => [`${i.kind}:${i.id}`, i]));
  return {
    type: 'FeatureCollection',
    features: data.points.features.map((f) => {
      const i = items.get(`${f.properties.kind}:${f.properties.id}`)!;
      const props: TilePointProps = {
        id: i.id,
        kind: f.properties.kind,
        layer: i.layer as 'offres' | 'lieux',
        theme: f.properties.theme,
        ...tileFilterProps(i),
        nom: i.nom,
        resume: i.resume,
      };
      if (f.properties.arret) props.arret = f.properties.arret;
      if (i.exemple) props.exemple = true;
      return { type: 'Feature', properties: props, geometry: f.geometry };
    }),
  };
}

/** Whether /carte/ is tiled for this map data. */
export function isTiled(data: MapData): boolean {
  return data.items.length > TILED_ABOVE_ITEMS;
}
