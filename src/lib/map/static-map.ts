/**
 * The small maps of the fiches and commune pages, drawn at build time as SVG: no JavaScript, no map
 * library, a few kilobytes, printable. They show the item (points, or the area of its communes) among
 * the neighbouring communes, with the names of the largest ones for bearings; the interactive map stays
 * one link away on /carte/.
 *
 * Cost per page does not grow with the territory: the communes in view come from a spatial index
 * (flatbush, `communeShapeIndex`) that `site()` builds once per build, and only those are simplified and
 * projected (with the path code of every static map, lib/svg-path.ts).
 */
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Dataset } from '../data/dataset';
import { pathData } from '../svg-path';

export type BBox = [number, number, number, number];

export interface StaticMapInput {
  points: { lon: number; lat: number }[];
  /** Area drawn as the item's zone (already merged), or null. */
  area: Feature<Polygon | MultiPolygon> | null;
}

export interface StaticMap {
  width: number;
  height: number;
  /** Extent shown, west, south, east, north (for the link to /carte/). */
  bbox: BBox;
  /** Communes in view, outlines (one path each). */
  communes: string[];
  /** The item's area, or null. */
  area: string | null;
  points: { x: number; y: number }[];
  labels: { x: number; y: number; text: string }[];
}

const WIDTH = 640;
const HEIGHT = 400;
/** A single point is shown with this much around it (km each way). */
const MIN_HALF_SPAN_KM = 6;
const KM_PER_DEG_LAT = 111.2;

/** Communes' outlines with a spatial index of their extents (null for a territory without outlines). */
export interface CommuneShapeIndex {
  tree: Flatbush | null;
  shapes: Feature<Polygon | MultiPolygon, { code: string; nom: string; population: number }>[];
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Built once per build by `site().communeShapeIndex()`. */
export function communeShapeIndex(ds: Dataset): CommuneShapeIndex {
  const shapes = ds.communeShapes.features;
  let tree: Flatbush | null = null;
  if (shapes.length) {
    tree = new Flatbush(shapes.length);
    for (const f of shapes) {
      let w = Infinity,
        s = Infinity,
        e = -Infinity,
        n = -Infinity;
      for (const ring of ringsOf(f.geometry))
        for (const [x, y] of ring) {
          if (x! < w) w = x!;
          if (x! > e) e = x!;
          if (y! < s) s = y!;
          if (y! > n) n = y!;
        }
      tree.add(w, s, e, n);
    }
    tree.finish();
  }
  return { tree, shapes };
}

/** Extent of the points and the area, padded, never smaller than MIN_HALF_SPAN_KM around its centre, at the frame's ratio. */
export function viewFor(input: StaticMapInput, width = WIDTH, height = HEIGHT): BBox {
  const xs: number[] = input.points.map((p) => p.lon);
  const ys: number[] = input.points.map((p) => p.lat);
  if (input.area) for (const ring of ringsOf(input.area.geometry)) for (const [x, y] of ring) xs.push(x!), ys.push(y!);
  if (!xs.length) throw new Error('carte statique : ni point ni zone à montrer');
  let w = Math.min(...xs),
    e = Math.max(...xs),
    s = Math.min(...ys),
    n = Math.max(...ys);
  const midLat = (s + n) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  // Padding: 15 % of the span on each side, at least the minimum span around a single place.
  const padLat = Math.max((n - s) * 0.15, 0.004);
  const padLon = Math.max((e - w) * 0.15, 0.004 / k);
  w -= padLon;
  e += padLon;
  s -= padLat;
  n += padLat;
  let halfLat = Math.max((n - s) / 2, MIN_HALF_SPAN_KM / KM_PER_DEG_LAT);
  let halfLon = Math.max((e - w) / 2, MIN_HALF_SPAN_KM / (KM_PER_DEG_LAT * k));
  // Same aspect ratio as the frame (in km), so that nothing is stretched.
  const ratio = width / height;
  if ((halfLon * k) / halfLat < ratio) halfLon = (halfLat * ratio) / k;
  else halfLat = (halfLon * k) / ratio;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  return [cx - halfLon, cy - halfLat, cx + halfLon, cy + halfLat];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** `ds` gives the communes' centres (labels), `idx` the outlines in view; pages call `site().staticMap()`. */
export function staticMap(ds: Dataset, idx: CommuneShapeIndex, input: StaticMapInput, width = WIDTH, height = HEIGHT): StaticMap {
  const bbox = viewFor(input, width, height);
  const [w, s, e, n] = bbox;
  const projection = {
    width,
    height,
    project: (lon: number, lat: number): [number, number] => [((lon - w) / (e - w)) * width, ((n - lat) / (n - s)) * height],
  };
  const { project } = projection;
  // Simplify to about half a pixel: invisible, and far fewer points.
  const tolerance = ((e - w) / width) * 0.5;
  const path = (f: Feature<Polygon | MultiPolygon>) => pathData(f, projection, tolerance);
  const inView = idx.tree ? idx.tree.search(w, s, e, n).map((i) => idx.shapes[i]!) : [];
  const points = input.points.map((p) => {
    const [x, y] = project(p.lon, p.lat);
    return { x: r1(x), y: r1(y) };
  });
  // Names of the most populated communes in view, kept apart from each other and from the points.
  const labels: StaticMap['labels'] = [];
  for (const f of [...inView].sort((a, b) => b.properties.population - a.properties.population)) {
    const c = ds.communes.get(f.properties.code);
    if (!c) continue;
    const [x, y] = project(c.centre.lon, c.centre.lat);
    const half = f.properties.nom.length * 4.5; // about half the text's width at 15 px, bold
    if (x - half < 4 || x + half > width - 4 || y < 18 || y > height - 8) continue;
    const clear = (q: { x: number; y: number }, dx: number, dy: number) => Math.abs(q.x - x) > dx || Math.abs(q.y - y) > dy;
    if (!labels.every((l) => clear(l, half + l.text.length * 4.5 + 8, 22)) || !points.every((p) => clear(p, 40, 18))) continue;
    labels.push({ x: r1(x), y: r1(y), text: f.properties.nom });
    if (labels.length >= 5) break;
  }
  return {
    width,
    height,
    bbox: bbox.map((v) => Math.round(v * 1e4) / 1e4) as BBox,
    communes: inView.map(path),
    area: input.area ? path(input.area) : null,
    points,
    labels,
  };
}

/** Above this many communes the overview of /carte/ draws the territory's outline only (a national territory: MBs of paths). */
export const OVERVIEW_MAX_COMMUNES = 1500;
/** Nearly square: the map box is portrait on a phone, landscape on a computer (the drawing is fitted, never cropped). */
const OVERVIEW_WIDTH = 520;
const OVERVIEW_HEIGHT = 480;

export interface OverviewMark {
  x: number;
  y: number;
  /** `${layer}:${id}` of the /carte/ list entry the mark belongs to (the page hides it with its entry). */
  key: string;
  kind: 'offre' | 'lieu';
  theme: string;
}

/**
 * The first view of /carte/ on a phone, drawn at build time: the territory, its communes and one mark per point of the
 * list map (none for a tiled territory: too many). The interactive map replaces it when a person asks for it.
 */
export function overviewMap(
  ds: Dataset,
  idx: CommuneShapeIndex,
  points: { lon: number; lat: number; key: string; kind: 'offre' | 'lieu'; theme: string }[],
): StaticMap & { marks: OverviewMark[] } {
  const communes = ds.communeShapes.features.length <= OVERVIEW_MAX_COMMUNES ? idx : { tree: null, shapes: [] };
  const map = staticMap(ds, communes, { points, area: ds.contour }, OVERVIEW_WIDTH, OVERVIEW_HEIGHT);
  return { ...map, marks: map.points.map((p, i) => ({ ...p, key: points[i]!.key, kind: points[i]!.kind, theme: points[i]!.theme })) };
}
