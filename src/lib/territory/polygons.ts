/**
 * Commune polygons of today's communes from older polygons: every polygon whose code is a former commune
 * (merged since, or now a commune déléguée / associée) is merged into the current commune it belongs to;
 * the contour is the dissolve of all of them. Merging is topological (topojson-client `merge`): shared
 * borders disappear exactly, with no slivers, inside one topology.
 */
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { union, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

export type Shape = Feature<Polygon | MultiPolygon>;

export interface MergedPolygons {
  /** Current commune code → merged polygon. */
  communes: Map<string, MultiPolygon>;
  contour: MultiPolygon | Polygon;
  /** Number of source polygons used, and how many of them were former communes. */
  used: number;
  merged: number;
}

/** Property names that hold an INSEE code in common commune files (IGN Admin Express, geo.api.gouv.fr, OSM…). */
export const CODE_PROPERTIES = ['code', 'INSEE_COM', 'insee_com', 'code_insee', 'CODE_INSEE', 'insee', 'codgeo', 'CODGEO', 'ref:INSEE'];

export function codeOfProperties(p: Record<string, unknown> | null | undefined): string | undefined {
  for (const k of CODE_PROPERTIES) {
    const v = p?.[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v).padStart(5, '0');
  }
  return undefined;
}

/** Quantised topology of a user-supplied polygon file, with the INSEE code in `properties.code`. */
export function topologyOfFile(fc: FeatureCollection): Topology {
  const features = fc.features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({ ...f, properties: { code: codeOfProperties(f.properties as Record<string, unknown>) ?? '' } }));
  return topology({ communes: { type: 'FeatureCollection', features } as FeatureCollection }, 1e6);
}

export function mergeToCurrent(topologies: Topology[], selected: Set<string>, currentOf: (code: string) => string | undefined): MergedPolygons {
  const communes = new Map<string, MultiPolygon>();
  const contours: MultiPolygon[] = [];
  let used = 0;
  let mergedCount = 0;
  for (const topo of topologies) {
    const obj = topo.objects.communes as GeometryCollection<{ code: string }>;
    const groups = new Map<string, GeometryObject<{ code: string }>[]>();
    for (const g of obj.geometries) {
      const code = (g.properties as { code?: string } | undefined)?.code;
      const current = code ? currentOf(code) : undefined;
      if (!current || !selected.has(current)) continue;
      used++;
      if (current !== code) mergedCount++;
      const list = groups.get(current);
      if (list) list.push(g);
      else groups.set(current, [g]);
    }
    if (!groups.size) continue;
    // Merge per topology: a commune split across two files (never seen) would keep its first part only.
    for (const [code, geoms] of groups) if (!communes.has(code)) communes.set(code, merge(topo, geoms as never));
    contours.push(merge(topo, [...groups.values()].flat() as never));
  }
  let contour: MultiPolygon | Polygon = contours[0] ?? { type: 'MultiPolygon', coordinates: [] };
  if (contours.length > 1) {
    // Different files do not share arcs: dissolve their outlines geometrically.
    const u = union(featureCollection(contours.map((g) => ({ type: 'Feature', properties: {}, geometry: g }) as Shape)));
    if (u) contour = u.geometry;
  }
  return { communes, contour, used, merged: mergedCount };
}
