/**
 * Seniors per commune from the INSEE Filosofi 5 km grid.
 * Method used by the site: each cell's counts go to the communes it overlaps, in proportion to
 * overlap area × the commune's census population density (dasymetric areal weighting); the part of a
 * border cell that lies outside the territory is dropped by area share.
 *
 * Limits (stated on the pages): Filosofi counts people in fiscal households only (residents of EHPAD and
 * other collective housing are not in it); within a commune and within a cell people are assumed to be
 * spread evenly; the grid is 2021, the commune populations 2025; the results are estimates.
 */
import Flatbush from 'flatbush';
import { area, bbox, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface GridCellProps {
  ind: number;
  ind_65_79: number;
  ind_80p: number;
}

export interface AreaWeighted {
  /** Filosofi people (all ages) attributed to the commune. */
  ind: number;
  pop65: number;
  pop80: number;
  /** Number of grid cells the commune overlaps. */
  cells: number;
}

type Poly = Feature<Polygon | MultiPolygon>;

/**
 * Distributes grid counts into polygons (keyed by `keyOf(feature)`). Flatbush bbox prefilter, turf intersect.
 *
 * 1. The part of each cell inside the territory is its area share: counts × Σ(area of cell ∩ polygon) / area of cell.
 * 2. That part is split between the polygons it overlaps:
 *    - plain areal weighting (no `populationOf`): in proportion to the overlap areas;
 *    - dasymetric (with `populationOf`, e.g. the census population of each commune): in proportion to
 *      overlap area × the polygon's population density, so that a town takes more of a cell it shares with
 *      fields than its area alone would give it. Falls back to areas when every density is 0.
 * Totals are the same either way; only the split between neighbouring polygons changes.
 */
export function areaWeight<P extends GridCellProps>(
  polygons: Poly[],
  keyOf: (f: Poly) => string,
  grid: FeatureCollection<Polygon | MultiPolygon, P>,
  populationOf?: (f: Poly) => number,
): Map<string, AreaWeighted> {
  const cells = grid.features;
  const out = new Map<string, AreaWeighted>();
  for (const f of polygons) out.set(keyOf(f), { ind: 0, pop65: 0, pop80: 0, cells: 0 });
  if (!cells.length) return out;
  const index = new Flatbush(cells.length);
  const cellArea: number[] = [];
  for (const c of cells) {
    const [minX, minY, maxX, maxY] = bbox(c);
    index.add(minX, minY, maxX, maxY);
    cellArea.push(area(c));
  }
  index.finish();

  // Overlaps: per cell, the polygons it meets with the overlap area and the polygon's density.
  const overlaps: { key: string; area: number; density: number }[][] = cells.map(() => []);
  for (const f of polygons) {
    const [minX, minY, maxX, maxY] = bbox(f);
    const density = populationOf ? populationOf(f) / area(f) : 0;
    for (const ci of index.search(minX, minY, maxX, maxY)) {
      const inter = intersect(featureCollection<Polygon | MultiPolygon>([f, cells[ci]!]));
      if (!inter) continue;
      const a = area(inter);
      if (a > 0) overlaps[ci]!.push({ key: keyOf(f), area: a, density });
    }
  }

  cells.forEach((cell, ci) => {
    const parts = overlaps[ci]!;
    if (!parts.length) return;
    const insideArea = parts.reduce((s, p) => s + p.area, 0);
    const inside = Math.min(1, insideArea / cellArea[ci]!);
    const weighted = parts.reduce((s, p) => s + p.area * p.density, 0);
    const p = cell.properties;
    for (const part of parts) {
      const share = weighted > 0 ? (part.area * part.density) / weighted : part.area / insideArea;
      const w = inside * share;
      const acc = out.get(part.key)!;
      acc.ind += p.ind * w;
      acc.pop65 += (p.ind_65_79 + p.ind_80p) * w;
      acc.pop80 += p.ind_80p * w;
      acc.cells++;
    }
  });
  return out;
}
