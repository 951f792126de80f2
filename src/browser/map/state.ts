/**
 * State of /carte/ shared by the list and the map: the filters, the visible layers, and their mirror in the URL
 * (`/carte/?thematique=numerique&couches=lieux,offres`). Pure functions, unit-tested (tests/unit/map/state.test.ts); the
 * filter rule itself is src/lib/map/filter.ts, shared with the tiles.
 */
import type { MapConfig, MapLayer } from '../../lib/map/contract';
import { FILTER_NAMES, type MapFilters } from '../../lib/map/filter';

export { FILTER_NAMES, passes, type Filterable, type MapFilters } from '../../lib/map/filter';

export interface MapUrlState {
  /** Filters named in the URL; values the page does not offer are dropped by the caller. */
  filters: Partial<MapFilters>;
  /** Layers switched on, when the URL says so; otherwise the defaults apply. */
  layers: Set<MapLayer> | null;
  /** Id of the item to show at load (`?voir=`). */
  voir: string | null;
}

export function parseMapUrl(search: string): MapUrlState {
  const p = new URLSearchParams(search);
  const filters: Partial<MapFilters> = {};
  for (const name of FILTER_NAMES) {
    const v = p.get(name);
    if (v) filters[name] = v;
  }
  const layers = p.has('couches') ? new Set(p.get('couches')!.split(',').filter(Boolean) as MapLayer[]) : null;
  return { filters, layers, voir: p.get('voir') };
}

/** Offers at home are drawn as the zones they serve: choosing that mode switches their layer on. */
export const showsDomicile = (f: Partial<MapFilters>): boolean => f.mode === 'a_domicile';

/** Stable query string: filters that are set, and the layers only when they differ from the defaults. */
export function mapQuery(f: MapFilters, on: Set<MapLayer>, layers: MapConfig['layers']): string {
  const p = new URLSearchParams();
  for (const k of FILTER_NAMES) if (f[k]) p.set(k, f[k]);
  const list = [...on].sort().join(',');
  const def = layers
    .filter((l) => l.parDefaut)
    .map((l) => l.id)
    .sort()
    .join(',');
  if (list !== def) p.set('couches', list);
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** Whether a bbox [w, s, e, n] meets the view [w, s, e, n]. */
export function intersects(b: readonly number[], v: readonly number[]): boolean {
  return b[0]! <= v[2]! && b[2]! >= v[0]! && b[1]! <= v[3]! && b[3]! >= v[1]!;
}
