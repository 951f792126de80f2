/**
 * The INSEE Filosofi 5 km grid clipped to a territory: every inhabited cell that overlaps the contour,
 * as a WGS84 polygon (the LAEA square projected with proj4, edges densified), with `part_territoire`,
 * the share of the cell's area inside the territory. The coverage model splits each cell between the
 * communes it overlaps (src/lib/coverage/population.ts).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import { area, bbox, bboxClip, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** EPSG:3035 (ETRS89 / LAEA Europe), the grid's projection. */
const LAEA = '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m +no_defs';
const CELL_M = 5000;
const STEPS = 4; // points per edge: the square is slightly curved once in WGS84
const NUMERIC = [
  'imputed',
  'ind',
  'ind_0_3',
  'ind_4_5',
  'ind_6_10',
  'ind_11_17',
  'ind_18_24',
  'ind_25_39',
  'ind_40_54',
  'ind_55_64',
  'ind_65_79',
  'ind_80p',
  'ind_inc',
] as const;

export type GridCell = Feature<Polygon, Record<string, number | string>>;

function cellPolygon(x: number, y: number): Polygon {
  const toWgs = proj4(LAEA, 'WGS84');
  const ring: [number, number][] = [];
  const corners: [number, number][] = [
    [x, y],
    [x + CELL_M, y],
    [x + CELL_M, y + CELL_M],
    [x, y + CELL_M],
  ];
  corners.forEach((a, i) => {
    const b = corners[(i + 1) % 4]!;
    for (let s = 0; s < STEPS; s++) {
      const [lon, lat] = toWgs.forward([a[0] + ((b[0] - a[0]) * s) / STEPS, a[1] + ((b[1] - a[1]) * s) / STEPS]);
      ring.push([Math.round(lon! * 1e6) / 1e6, Math.round(lat! * 1e6) / 1e6]);
    }
  });
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

export function readGridCsv(file: string): Record<string, string>[] {
  const buf = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

/** The contour clipped to a box, without the degenerate rings bboxClip leaves (fewer than 4 points). */
function clipToBox(contour: Feature<Polygon | MultiPolygon>, box: [number, number, number, number] | number[]): Feature<MultiPolygon> | undefined {
  const g = bboxClip(contour, box as [number, number, number, number]).geometry as Polygon | MultiPolygon;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((p) => p.filter((ring) => ring.length >= 4))
    .filter((p) => p.length > 0 && p[0]!.length >= 4);
  return polys.length ? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys } } : undefined;
}

export function clipGrid(rows: Record<string, string>[], contour: Feature<Polygon | MultiPolygon>): FeatureCollection<Polygon> {
  const [minX, minY, maxX, maxY] = bbox(contour);
  const margin = 0.08; // degrees: a 5 km cell whose centre is outside the bbox can still overlap it
  const out: GridCell[] = [];
  for (const r of rows) {
    const lon = Number(r.lon);
    const lat = Number(r.lat);
    if (lon < minX - margin || lon > maxX + margin || lat < minY - margin || lat > maxY + margin) continue;
    const geometry = cellPolygon(Number(r.x_laea), Number(r.y_laea));
    const cell: Feature<Polygon> = { type: 'Feature', properties: {}, geometry };
    // Clip the contour to the cell's box first: intersecting with the whole contour is ~50× slower.
    const local = clipToBox(contour, bbox(cell));
    if (!local) continue;
    const inter = intersect(featureCollection<Polygon | MultiPolygon>([cell, local]));
    const share = inter ? area(inter) / area(cell) : 0;
    if (share <= 0) continue;
    const props: Record<string, number | string> = { cell_id: r.cell_id ?? '' };
    for (const k of NUMERIC) if (r[k] !== undefined && r[k] !== '') props[k] = Number(r[k]);
    props.part_territoire = Math.round(share * 1e4) / 1e4;
    out.push({ type: 'Feature', properties: props, geometry });
  }
  return { type: 'FeatureCollection', features: out };
}
