/**
 * The one filter rule of /carte/ (need, public, mode), shared by the build and the browser: `passes` decides for an
 * item (the list map), `filterExpression` says the same thing as a MapLibre expression over the properties a tile
 * feature carries (`tileFilterProps`, the tiled map), and the groups of the tiles count, per layer and per filter
 * value, the items `passes` lets through (`clusterCounts`). tests/unit/map/filter-agreement.test.ts evaluates the
 * expression on every item of the pilot against `passes`. Pure and browser-safe.
 */
import type { MapLayer } from './contract';

export interface MapFilters {
  thematique: string;
  public: string;
  mode: string;
}
export const FILTER_NAMES = ['thematique', 'public', 'mode'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** What the build tells about each item (src/lib/map/data.ts, needs from src/lib/needs.ts). */
export interface Filterable {
  themes: readonly string[];
  publics: readonly string[];
  mode: string;
}

/**
 * One rule for every layer, over the needs, publics and mode the build gave each item: lieux, open to all, have
 * no publics and are kept whatever the public chosen.
 */
export function passes(e: Filterable, f: MapFilters): boolean {
  if (f.thematique && !e.themes.includes(f.thematique)) return false;
  if (f.public && e.publics.length && !e.publics.includes(f.public) && !e.publics.includes('tous')) return false;
  if (f.mode && e.mode !== f.mode) return false;
  return true;
}

/** How a tile feature carries what `passes` reads: lists as space-separated words (vector tiles hold no arrays). */
export interface TileFilterProps {
  themes: string;
  publics: string;
  mode: string;
}
export function tileFilterProps(e: Filterable): TileFilterProps {
  return { themes: e.themes.join(' '), publics: e.publics.join(' '), mode: e.mode };
}

/** Typed loosely on purpose: the browser hands it to MapLibre, the unit test to the style-spec evaluator. */
export type Expression = unknown[];

/** ` word ` is in ` themes ` : a whole word of a space-separated property. */
const hasWord = (prop: keyof TileFilterProps, word: string): Expression => ['in', ` ${word} `, ['concat', ' ', ['coalesce', ['get', prop], ''], ' ']];

/** `passes` as a MapLibre filter expression over `tileFilterProps`, clause by clause. */
export function filterExpression(f: MapFilters): Expression {
  const all: Expression[] = [];
  if (f.thematique) all.push(hasWord('themes', f.thematique));
  if (f.public) all.push(['any', ['==', ['coalesce', ['get', 'publics'], ''], ''], hasWord('publics', f.public), hasWord('publics', 'tous')]);
  if (f.mode) all.push(['==', ['get', 'mode'], f.mode]);
  return ['all', ...all];
}

/** Layers whose items are points, grouped in the tiles below the exact zoom. */
export type PointLayer = Extract<MapLayer, 'offres' | 'lieux'>;

/** Property of a group: how many of its items of `layer` pass the filter with only `name` = `value` set. */
export const countKey = (layer: PointLayer, name?: FilterName, value?: string): string => (name ? `n_${layer}_${name}_${value}` : `n_${layer}`);

/**
 * The counts one item brings to its group: 1 for its layer, and 1 for each filter value (one filter at a time) that
 * lets it through. `values` lists the values each filter offers on the page.
 */
export function clusterCounts(layer: PointLayer, e: Filterable, values: Record<FilterName, readonly string[]>): Record<string, number> {
  const out: Record<string, number> = { [countKey(layer)]: 1 };
  const none: MapFilters = { thematique: '', public: '', mode: '' };
  for (const name of FILTER_NAMES) for (const v of values[name]) if (passes(e, { ...none, [name]: v })) out[countKey(layer, name, v)] = 1;
  return out;
}

/** Sums the counts of two groups (geojson-vt's `reduce`: the keys of one may be missing from the other). */
export function addCounts(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) if (k.startsWith('n_')) into[k] = Number(into[k] ?? 0) + Number(v);
}

/**
 * What a group shows under the filter, per layer switched on: the count of its items that pass. Exact with one
 * filter; with several, the smallest of the one-filter counts (an upper bound: the legend says « au plus »).
 */
export function groupCountExpression(f: MapFilters, on: ReadonlySet<MapLayer>): Expression {
  const chosen = FILTER_NAMES.filter((n) => f[n]);
  const layers = (['offres', 'lieux'] as const).filter((l) => on.has(l));
  const get = (k: string): Expression => ['coalesce', ['get', k], 0];
  const perLayer = layers.map((l) =>
    chosen.length === 0
      ? get(countKey(l))
      : chosen.length === 1
        ? get(countKey(l, chosen[0], f[chosen[0]!]))
        : ['min', ...chosen.map((n) => get(countKey(l, n, f[n])))],
  );
  return perLayer.length === 0 ? ['+', 0, 0] : perLayer.length === 1 ? ['+', perLayer[0], 0] : ['+', ...perLayer];
}

/** The same count in JavaScript, for the text beside the map (from the same keys). */
export function groupCount(props: Record<string, unknown>, f: MapFilters, on: ReadonlySet<MapLayer>): number {
  const chosen = FILTER_NAMES.filter((n) => f[n]);
  const n = (k: string) => Number(props[k] ?? 0);
  let total = 0;
  for (const l of ['offres', 'lieux'] as const) {
    if (!on.has(l)) continue;
    total += chosen.length === 0 ? n(countKey(l)) : Math.min(...chosen.map((c) => n(countKey(l, c, f[c]))));
  }
  return total;
}

/** Whether the count of a group is exact (at most one filter chosen) or an upper bound. */
export const groupCountExact = (f: MapFilters): boolean => FILTER_NAMES.filter((n) => f[n]).length <= 1;
