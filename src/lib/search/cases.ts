/**
 * Runs a search as /recherche/ does, from a URL query, on a built index: the shared runner of the search fixture
 * cases (tests/fixtures/search/cases.yaml), their generator and the micro-bench. Place "lat,lon" or a commune code.
 */
import { SearchEngine, type Place } from './engine';
import type { BuiltIndex } from './build-index';
import { parseCoords, parseState } from './state';

/** The day schedules are read for the cases (day and moment facets depend on it). */
export const SEARCH_CASES_DAY = new Date('2026-11-23T00:00:00Z');

export function engineFor(index: BuiltIndex): SearchEngine {
  const engine = new SearchEngine(index.manifest.themes);
  for (const [id, shard] of index.shards) engine.addShard(id, shard);
  return engine;
}

/** The place of a query's `ou`, as the page resolves it for a territory commune or a position. */
export function placeOf(index: BuiltIndex, ou: string): Place | null {
  if (!ou) return null;
  const coords = parseCoords(ou);
  if (coords) return { ...coords, label: 'votre position' };
  const c = index.manifest.communes.find((row) => row[0] === ou);
  return c ? { lat: c[2], lon: c[3], commune: c[0], label: c[1] } : null;
}

/** Ids in the order the page shows them: near, at home, at a distance. */
export function runQuery(engine: SearchEngine, index: BuiltIndex, query: string): string[] {
  const state = parseState(query);
  const res = engine.search(state, placeOf(index, state.ou));
  return [...res.near, ...res.home, ...res.remote].map((h) => h.rec.id);
}
