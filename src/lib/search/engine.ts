/**
 * The search that runs in the browser on every keystroke, over the shards already fetched:
 * facets (bitmask tests), words (an inverted index; Fuse.js forgives typos over the vocabulary only,
 * never over the records, so the cost does not grow with the number of offers), then grouping:
 * nearest first for places and stops, coverage of the chosen commune for home visits and teams,
 * and a separate group for offers by phone or online.
 */
import Fuse from 'fuse.js/basic';
import { distanceKm } from '../geo'; // not ../records: this runs in the browser
import { compileFilter } from './facets';
import { MODE_KEYS, type SearchRecord, type Shard, type ThemeInfo } from './model';
import type { SearchState } from './state';
import { bitCount, editDistance, letterMask, tokenize } from './tokens';

export interface Place {
  lat: number;
  lon: number;
  /** Territory commune used for home coverage (the chosen commune, or the one nearest to a position). */
  commune?: string;
  label: string;
}

export interface Hit {
  rec: SearchRecord;
  score: number;
  /** Distance to the nearest point of the record, when a place is chosen. */
  km?: number;
  /** Label of that point ("Médiathèque, Nérac"). */
  at?: string;
}

export interface Results {
  /** Places and offers with a location: sorted by distance when a place is chosen. */
  near: Hit[];
  /** À domicile offers and équipes whose zone covers the chosen commune (all of them without a place). */
  home: Hit[];
  /** Offers by phone or online. */
  remote: Hit[];
}

const A_DOMICILE = MODE_KEYS.indexOf('a_domicile');
const A_DISTANCE = MODE_KEYS.indexOf('a_distance');

/** Nearest point of a record to a place: distance in km and the point's label. */
export function nearestPoint(rec: SearchRecord, place: { lat: number; lon: number }): { km: number; at: string } | undefined {
  let best: { km: number; at: string } | undefined;
  for (const [lat, lon, at] of rec.p ?? []) {
    const km = distanceKm(place, { lat, lon });
    if (!best || km < best.km) best = { km, at };
  }
  return best;
}

/** Whether a home-visit offer or a team serves a commune. */
export function coversCommune(rec: SearchRecord, code: string | undefined): boolean {
  return Boolean(code && rec.z?.includes(code));
}

/** French order of names (one collator: `localeCompare(…, 'fr')` sets one up per call). */
const byName = new Intl.Collator('fr').compare;

/** Nearest first; equal distances by relevance, then by name. */
export function byDistance(a: Hit, b: Hit): number {
  return (a.km ?? Infinity) - (b.km ?? Infinity) || b.score - a.score || byName(a.rec.n, b.rec.n);
}
export function byRelevance(a: Hit, b: Hit): number {
  return b.score - a.score || byName(a.rec.n, b.rec.n);
}

/**
 * The same orders with the name compared by its rank among the loaded records. Thousands of hits tie on score and
 * distance (offers by phone, offers at the same place), and comparing their names on every keystroke took 40–60 ms
 * at 100,000 offers; the ranks are sorted once per set of loaded records.
 */
type RankedHit = Hit & { o: number };
const byDistanceRanked = (a: RankedHit, b: RankedHit) => (a.km ?? Infinity) - (b.km ?? Infinity) || b.score - a.score || a.o - b.o;
const byRelevanceRanked = (a: RankedHit, b: RankedHit) => b.score - a.score || a.o - b.o;

export class SearchEngine {
  readonly records: SearchRecord[] = [];
  private readonly seen = new Set<string>();
  /** Global vocabulary (sorted when `dirty` is false) and, per word, postings: record index × 4 + weight. */
  private vocab: string[] = [];
  private readonly wordId = new Map<string, number>();
  private postings: number[][] = [];
  private sorted: string[] = [];
  private fuse: Fuse<string> | null = null;
  /** Vocabulary by word length, for the typo look-up (only words one or two letters longer or shorter). */
  private byLength: Map<number, [string, number][]> | null = null;
  /** Expansions of the words typed so far ("atelier" is not looked up again while "atelier m…" is typed). */
  private readonly expanded = new Map<string, Map<string, number>>();
  readonly loaded = new Set<string>();

  constructor(readonly themes: ThemeInfo[]) {}

  /** Adds a shard; records already present through another shard (a team over two départements) are skipped. */
  addShard(id: string, shard: Shard): void {
    if (this.loaded.has(id)) return;
    this.loaded.add(id);
    for (const r of shard.r) {
      const key = r.k + ':' + r.id;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const ri = this.records.length;
      this.records.push(r);
      for (const x of r.w) {
        const word = shard.v[x >> 2]!;
        let g = this.wordId.get(word);
        if (g === undefined) {
          g = this.vocab.length;
          this.vocab.push(word);
          this.wordId.set(word, g);
          this.postings.push([]);
        }
        this.postings[g]!.push(ri * 4 + (x & 3));
      }
    }
    this.sorted = [...this.vocab].sort();
    this.fuse = null;
    this.byLength = null;
    this.expanded.clear();
    this.last = null;
    this.nameRank = null;
  }

  /** Words of the vocabulary matching a typed word, with a similarity in ]0, 1]. */
  expand(token: string): Map<string, number> {
    const cached = this.expanded.get(token);
    if (cached) return cached;
    const out = new Map<string, number>();
    this.expanded.set(token, out);
    // Prefix matches by binary search in the sorted vocabulary: "march" → marche, marcher, marches.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(token); i++) {
      const w = this.sorted[i]!;
      out.set(w, w === token ? 1 : 0.9);
    }
    // Typing slips: two letters swapped (« marhce »), one missing (« numerque »), one doubled (« gymm »)
    // or struck wrong: one edit (Damerau) from 4 letters, two from 8. Fuse's bitap scores a swap as two
    // edits and misses these; it stays for looser resemblances below.
    if (token.length >= 4) {
      const max = token.length >= 8 ? 2 : 1;
      const tm = letterMask(token);
      for (const [w, wm] of this.wordsNearLength(token.length, max)) {
        // Each edit takes at most one letter out of a word's set of letters and brings at most one in: more
        // letters apart than edits allowed, the distance cannot be small enough (skips most comparisons).
        if (w.length < 3 || bitCount(tm & ~wm) > max || bitCount(wm & ~tm) > max) continue;
        const d = editDistance(token, w, max);
        if (d > max) continue;
        const sim = d === 1 ? 0.85 : 0.7;
        if (sim > (out.get(w) ?? 0)) out.set(w, sim);
      }
    }
    if (token.length >= 4) {
      this.fuse ??= new Fuse(this.vocab, { includeScore: true, threshold: 0.3, distance: 8, minMatchCharLength: 3 });
      for (const m of this.fuse.search(token, { limit: 40 })) {
        const sim = (1 - (m.score ?? 1)) * 0.8;
        if (sim > (out.get(m.item) ?? 0)) out.set(m.item, sim);
      }
    }
    return out;
  }

  /** Words of the vocabulary within `max` letters of `len` long, each with its letterMask. */
  private *wordsNearLength(len: number, max: number): Generator<[string, number]> {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const w of this.vocab) {
        const entry: [string, number] = [w, letterMask(w)];
        const list = this.byLength.get(w.length);
        if (list) list.push(entry);
        else this.byLength.set(w.length, [entry]);
      }
    }
    for (let l = len - max; l <= len + max; l++) yield* this.byLength.get(l) ?? [];
  }

  /** Relevance of every record matching ALL the words typed; null when nothing was typed. */
  match(q: string): Map<number, number> | null {
    const tokens = [...new Set(tokenize(q))];
    if (!tokens.length) return null;
    let acc: Map<number, number> | null = null;
    for (const t of tokens) {
      const cur = new Map<number, number>();
      for (const [word, sim] of this.expand(t)) {
        for (const x of this.postings[this.wordId.get(word)!] ?? []) {
          const ri = x >> 2;
          const s = sim * (x & 3);
          if (s > (cur.get(ri) ?? 0)) cur.set(ri, s);
        }
      }
      if (acc === null) acc = cur;
      else {
        const next = new Map<number, number>();
        for (const [ri, s] of cur) {
          const prev = acc.get(ri);
          if (prev !== undefined) next.set(ri, prev + s);
        }
        acc = next;
      }
      if (!acc.size) break;
    }
    return acc;
  }

  /** The last search and what it depended on: a keystroke that changes no word (« m » → « ma ») reuses it. */
  private last: { key: string; results: Results } | null = null;

  search(state: SearchState, place: Place | null): Results {
    // Words too short to search are not words yet; « quand » depends on the day.
    const key = JSON.stringify([
      { ...state, q: [...new Set(tokenize(state.q))] },
      place && [place.lat, place.lon, place.commune],
      state.quand && new Date().toDateString(),
    ]);
    if (this.last?.key === key) return this.last.results;
    const results = this.searchNow(state, place);
    this.last = { key, results };
    return results;
  }

  /** Rank of each loaded record's name in French order (by record index), sorted once per set of shards. */
  private nameRank: Int32Array | null = null;

  private ranks(): Int32Array {
    if (this.nameRank) return this.nameRank;
    const order = this.records.map((_, i) => i).sort((a, b) => byName(this.records[a]!.n, this.records[b]!.n));
    const rank = new Int32Array(order.length);
    for (const [k, ri] of order.entries()) rank[ri] = k;
    this.nameRank = rank;
    return rank;
  }

  private searchNow(state: SearchState, place: Place | null): Results {
    const filter = compileFilter(state, this.themes);
    const scores = this.match(state.q);
    const rank = this.ranks();
    const near: RankedHit[] = [];
    const home: RankedHit[] = [];
    const remote: RankedHit[] = [];
    const consider = (ri: number, score: number) => {
      const rec = this.records[ri]!;
      if (!filter(rec)) return;
      const hit: RankedHit = { rec, score, o: rank[ri]! };
      if (rec.m === A_DISTANCE) remote.push(hit);
      else if (rec.z) {
        if (!place || coversCommune(rec, place.commune)) home.push(hit);
      } else if (rec.p?.length) {
        if (place) Object.assign(hit, nearestPoint(rec, place));
        near.push(hit);
      }
    };
    if (scores) for (const [ri, s] of scores) consider(ri, s);
    else for (let ri = 0; ri < this.records.length; ri++) consider(ri, 0);
    near.sort(place ? byDistanceRanked : byRelevanceRanked);
    home.sort(byRelevanceRanked);
    remote.sort(byRelevanceRanked);
    return { near, home, remote };
  }
}

export { A_DOMICILE };
