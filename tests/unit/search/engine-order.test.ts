/**
 * The keystroke path at scale: results ordered by name ranks sorted once must be the French order of the names,
 * and a keystroke that adds no word reuses the last results without ever serving stale ones.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/dataset';
import { buildSearchIndex } from '../../../src/lib/search/build-index';
import { engineFor, placeOf, SEARCH_CASES_DAY } from '../../../src/lib/search/cases';
import { byDistance, byRelevance, SearchEngine } from '../../../src/lib/search/engine';
import { parseState } from '../../../src/lib/search/state';

const index = buildSearchIndex(loadDataset(path.resolve('data')).dataset!, { today: SEARCH_CASES_DAY });

describe('search engine order and reuse', () => {
  it('orders ties by name exactly as the French collation does', () => {
    const engine = engineFor(index);
    for (const q of ['', '?q=atelier', '?ou=47001', '?ou=47001&q=marche', '?mode=a_distance', '?ou=47195&thematique=numerique']) {
      const state = parseState(q);
      const place = placeOf(index, state.ou);
      const r = engine.search(state, place);
      const names = (hits: typeof r.near) => hits.map((h) => h.rec.id);
      expect(names(r.near), q).toEqual(names([...r.near].sort(place ? byDistance : byRelevance)));
      expect(names(r.home), q).toEqual(names([...r.home].sort(byRelevance)));
      expect(names(r.remote), q).toEqual(names([...r.remote].sort(byRelevance)));
    }
  });

  it('reuses the results while no word is added, and searches again when a word, a filter, the place or the records change', () => {
    const engine = engineFor(index);
    const agen = placeOf(index, '47001');
    const first = engine.search(parseState('?q=m'), agen);
    // « m », « ma »: too short to be words yet, the same search.
    expect(engine.search(parseState('?q=ma'), agen)).toBe(first);
    expect(engine.search(parseState('?q=marche'), agen)).not.toBe(first);
    expect(engine.search(parseState('?q=m&thematique=numerique'), agen)).not.toBe(first);
    expect(engine.search(parseState('?q=m'), placeOf(index, '47195'))).not.toBe(first);
    // A shard arriving in the background changes the records: the results of before are not served again.
    const shards = [...index.shards];
    expect(shards.length).toBeGreaterThan(1);
    const fresh = new SearchEngine(index.manifest.themes);
    fresh.addShard(...shards[0]!);
    const partial = fresh.search(parseState('?q=m'), agen);
    for (const s of shards.slice(1)) fresh.addShard(...s);
    const whole = fresh.search(parseState('?q=m'), agen);
    expect(whole).not.toBe(partial);
    const count = (r: typeof whole) => r.near.length + r.home.length + r.remote.length;
    expect(count(whole)).toBeGreaterThan(count(partial));
    expect(count(whole)).toBe(count(first));
  });
});
