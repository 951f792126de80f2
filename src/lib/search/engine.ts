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
import { editDistance, tokenize } from './tokens';

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

/** Nearest first; equal distances by relevance, then by name. */
export function byDistance(a: Hit, b: Hit): number {
  return (a.km ?? Infinity) - (b.km ?? Infinity) || b.score - a.score || a.rec.n.localeCompare(b.rec.n, 'fr');
}
export function byRelevance(a: Hit, b: Hit): number {
  return b.score - a.score || a.rec.n.localeCompare(b.rec.n, 'fr');
}

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
  private byLength: Map<number, string[]> | null = null;
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
      for (const w of this.wordsNearLength(token.length, max)) {
        if (w.length < 3) continue;
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

  private *wordsNearLength(len: number, max: number): Generator<string> {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const w of this.vocab) {
        const list = this.byLength.get(w.length);
        if (list) list.push(w);
        else this.byLength.set(w.length, [w]);
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

  search(state: SearchState, place: Place | null): Results {
    const filter = compileFilter(state, this.themes);
    const scores = this.match(state.q);
    const near: Hit[] = [];
    const home: Hit[] = [];
    const remote: Hit[] = [];
    const consider = (ri: number, score: number) => {
      const rec = this.records[ri]!;
      if (!filter(rec)) return;
      if (rec.m === A_DISTANCE) remote.push({ rec, score });
      else if (rec.z) {
        if (!place || coversCommune(rec, place.commune)) home.push({ rec, score });
      } else if (rec.p?.length) {
        const hit: Hit = { rec, score };
        if (place) Object.assign(hit, nearestPoint(rec, place));
        near.push(hit);
      }
    };
    if (scores) for (const [ri, s] of scores) consider(ri, s);
    else for (let ri = 0; ri < this.records.length; ri++) consider(ri, 0);
    near.sort(place ? byDistance : byRelevance);
    home.sort(byRelevance);
    remote.sort(byRelevance);
    return { near, home, remote };
  }
}

export { A_DOMICILE };
