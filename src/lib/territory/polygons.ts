/**
 * Commune polygons of today's communes from older polygons: every polygon whose code is a former commune
 * (merged since, or now a commune déléguée / associée) is merged into the current commune it belongs to;
 * the contour is the dissolve of all of them. Merging is topological (topojson-client `merge`): shared
 * borders disappear exactly, with no slivers, inside one topology.
 */
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { bbox, booleanPointInPolygon, featureCollection, union } from '@turf/turf';
import { seedInside, splitBetween } from './split';
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
  /** Communes whose polygon is a share of an older polygon (no polygon of their own), with how it was shared. */
  approximated: Map<string, Approximation>;
  /** Selected communes with no polygon of their own whose centre lies in no polygon either. */
  unplaced: string[];
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

/** Communes that may lack a polygon of their own, and where their centres are (see split.ts). */
export interface OrphanOptions {
  /** Current communes to look for (e.g. those of the départements whose files are loaded, and the selection). */
  candidates: Iterable<string>;
  centreOf: (code: string) => { lon: number; lat: number } | undefined;
}

/** A commune whose polygon is a share of an older polygon: which one, and between which communes it is shared. */
export interface Approximation {
  parent: string;
  shared: string[];
}

export function mergeToCurrent(
  topologies: Topology[],
  selected: Set<string>,
  currentOf: (code: string) => string | undefined,
  orphanOptions?: OrphanOptions,
): MergedPolygons {
  const communes = new Map<string, MultiPolygon>();
  const approximated = new Map<string, Approximation>();
  const contours: (MultiPolygon | Polygon)[] = [];
  const codeOf = (g: GeometryObject) => (g.properties as { code?: string } | undefined)?.code;
  let used = 0;
  let mergedCount = 0;
  // Current communes with no polygon of their own in any file: their centre tells which older polygon holds them.
  const covered = new Set<string>();
  for (const topo of topologies)
    for (const g of (topo.objects.communes as GeometryCollection).geometries) {
      const cur = currentOf(codeOf(g) ?? '');
      if (cur) covered.add(cur);
    }
  const orphans = orphanOptions ? [...new Set(orphanOptions.candidates)].filter((c) => !covered.has(c) && orphanOptions.centreOf(c)) : [];
  const placed = new Set<string>();
  for (const topo of topologies) {
    const obj = topo.objects.communes as GeometryCollection<{ code: string }>;
    const parents = orphans.length
      ? findParents(
          topo,
          obj,
          orphans.filter((o) => !placed.has(o)),
          orphanOptions!.centreOf,
        )
      : new Map();
    for (const list of parents.values()) for (const o of list) placed.add(o);
    const groups = new Map<string, GeometryObject<{ code: string }>[]>();
    const wholeParents: GeometryObject[] = [];
    const shares = new Map<string, MultiPolygon[]>();
    for (const g of obj.geometries) {
      const code = codeOf(g);
      const current = code ? currentOf(code) : undefined;
      const claimants = parents.get(g);
      if (claimants) {
        const parentGeom = merge(topo, [g] as never);
        const seeds = claimants.map((c: string) => ({ code: c, ...orphanOptions!.centreOf(c)! }));
        if (current) seeds.unshift(seedInside(parentGeom, current, orphanOptions!.centreOf(current)));
        const pieces = splitBetween(parentGeom, seeds);
        const shared = [...pieces.keys()];
        const kept = shared.filter((c) => selected.has(c));
        for (const c of kept) {
          used++;
          approximated.set(c, { parent: code ?? '', shared });
          shares.set(c, [...(shares.get(c) ?? []), pieces.get(c)!]);
        }
        // The whole parent joins the contour topologically when all its pieces are in the territory.
        if (kept.length === shared.length) wholeParents.push(g);
        else for (const c of kept) contours.push(pieces.get(c)!);
        continue;
      }
      if (!current || !selected.has(current)) continue;
      used++;
      if (current !== code) mergedCount++;
      const list = groups.get(current);
      if (list) list.push(g);
      else groups.set(current, [g]);
    }
    // Merge per topology: a commune split across two files (never seen) would keep its first part only.
    for (const [code, geoms] of groups) if (!communes.has(code)) communes.set(code, merge(topo, geoms as never));
    // Shares of split polygons, joined to what the commune has of its own.
    for (const [code, pieces] of shares) {
      const own = communes.get(code);
      communes.set(code, unionOf(own ? [own, ...pieces] : pieces));
    }
    if (groups.size || wholeParents.length) contours.push(merge(topo, [...[...groups.values()].flat(), ...wholeParents] as never));
  }
  let contour: MultiPolygon | Polygon = contours[0] ?? { type: 'MultiPolygon', coordinates: [] };
  // Different files do not share arcs (and split pieces are no arcs): dissolve their outlines geometrically.
  if (contours.length > 1) contour = unionOf(contours);
  return { communes, contour, used, merged: mergedCount, approximated, unplaced: orphans.filter((o) => !placed.has(o) && selected.has(o)) };
}

/** Older polygon (geometry object) → the orphan communes whose centre it contains. */
function findParents(
  topo: Topology,
  obj: GeometryCollection<{ code: string }>,
  orphans: string[],
  centreOf: OrphanOptions['centreOf'],
): Map<GeometryObject, string[]> {
  const parents = new Map<GeometryObject, string[]>();
  if (!orphans.length) return parents;
  const pts = orphans.map((code) => ({ code, c: centreOf(code)! }));
  for (const g of obj.geometries) {
    const geom = merge(topo, [g] as never);
    if (!geom.coordinates.length) continue;
    const [w, s, e, n] = bbox(geom);
    for (const { code, c } of pts) {
      if (c.lon < w || c.lon > e || c.lat < s || c.lat > n) continue;
      if ([...parents.values()].some((l) => l.includes(code))) continue;
      if (!booleanPointInPolygon([c.lon, c.lat], geom)) continue;
      const list = parents.get(g);
      if (list) list.push(code);
      else parents.set(g, [code]);
    }
  }
  return parents;
}

function unionOf(geoms: (MultiPolygon | Polygon)[]): MultiPolygon {
  if (geoms.length === 1) {
    const g = geoms[0]!;
    return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
  }
  const u = union(featureCollection(geoms.map((g) => ({ type: 'Feature', properties: {}, geometry: g }) as Shape)));
  const g = u?.geometry ?? { type: 'MultiPolygon', coordinates: [] };
  return g.type === 'MultiPolygon' ? g : { type: 'MultiPolygon', coordinates: [g.coordinates] };
}
