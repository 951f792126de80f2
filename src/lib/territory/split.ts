/**
 * Approximate polygons for communes that have none of their own in the polygon files: a commune re-created
 * after the files were made (a commune nouvelle undone, its communes déléguées communes again) lies inside the
 * polygon of the commune it was merged into. That parent polygon is shared between every current commune that
 * claims it, by Voronoi cells of their centres clipped to the parent: the pieces tile the parent (no gap, no
 * overlap) and the outline of the territory is unchanged. Boundaries inside the parent are estimates.
 */
import { bbox, booleanPointInPolygon, featureCollection, intersect, point, pointOnFeature, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export interface Seed {
  code: string;
  lon: number;
  lat: number;
}

type Area = Polygon | MultiPolygon;

const asFeature = <G extends Area>(geometry: G): Feature<G> => ({ type: 'Feature', properties: {}, geometry });

/**
 * Splits `parent` between the seeds: each gets the part of the parent nearer to its point than to any other.
 * A seed outside the parent still gets its cell's part (possibly none). Seeds at the same point: the first
 * one gets the cell, the others nothing (returned without an entry).
 */
export function splitBetween(parent: Area, seeds: Seed[]): Map<string, MultiPolygon> {
  const out = new Map<string, MultiPolygon>();
  const distinct: Seed[] = [];
  for (const s of seeds) if (!distinct.some((d) => d.lon === s.lon && d.lat === s.lat)) distinct.push(s);
  if (distinct.length === 1) {
    out.set(distinct[0]!.code, toMulti(parent));
    return out;
  }
  const [w, s, e, n] = bbox(asFeature(parent));
  // The Voronoi frame must hold the parent and every seed, with a margin so no cell is cut short.
  const lons = [w, e, ...distinct.map((d) => d.lon)];
  const lats = [s, n, ...distinct.map((d) => d.lat)];
  const pad = Math.max(e - w, n - s, 0.01);
  const frame: [number, number, number, number] = [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
  const cells = voronoi(featureCollection(distinct.map((d) => point([d.lon, d.lat]))), { bbox: frame });
  distinct.forEach((seed, i) => {
    const cell = cells.features[i];
    if (!cell?.geometry) return;
    const piece = intersect(featureCollection([asFeature(parent), cell as Feature<Polygon>]));
    if (piece?.geometry) out.set(seed.code, toMulti(piece.geometry));
  });
  return out;
}

/** A point of the parent to stand for a commune whose centre lies outside it. */
export function seedInside(parent: Area, code: string, centre: { lon: number; lat: number } | undefined): Seed {
  if (centre && booleanPointInPolygon([centre.lon, centre.lat], asFeature(parent))) return { code, ...centre };
  const [lon, lat] = pointOnFeature(asFeature(parent)).geometry.coordinates as [number, number];
  return { code, lon, lat };
}

function toMulti(g: Area): MultiPolygon {
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}
