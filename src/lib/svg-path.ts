/**
 * Outlines as SVG path data, for the maps drawn at build time (coverage maps, the small maps of fiches and
 * commune pages): one implementation, so every static map simplifies and rounds the same way. Build only
 * (turf is not for the browser bundle).
 */
import { simplify } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export interface Projection {
  width: number;
  height: number;
  project: (lon: number, lat: number) => [number, number];
}

/** Equirectangular projection scaled at the middle latitude: fine for a département. */
export function projection(features: Feature<Polygon | MultiPolygon>[], width = 640, pad = 8): Projection {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys)
      for (const [x, y] of poly[0]!) {
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      }
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (width - 2 * pad) / ((maxX - minX) * k);
  const height = Math.ceil((maxY - minY) * scale + 2 * pad);
  return {
    width,
    height,
    project: (lon, lat) => [pad + (lon - minX) * k * scale, pad + (maxY - lat) * scale],
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a (multi)polygon, simplified (tolerance in degrees) and projected, one decimal. */
export function pathData(f: Feature<Polygon | MultiPolygon>, p: Projection, tolerance = 0.002): string {
  const g = tolerance > 0 ? simplify(f, { tolerance, highQuality: false }).geometry : f.geometry;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let d = '';
  for (const poly of polys)
    for (const ring of poly) {
      let prev = '';
      ring.forEach(([lon, lat], i) => {
        const [x, y] = p.project(lon!, lat!);
        const pt = `${r1(x)} ${r1(y)}`;
        if (pt === prev) return;
        d += (i === 0 ? 'M' : 'L') + pt;
        prev = pt;
      });
      d += 'Z';
    }
  return d;
}
