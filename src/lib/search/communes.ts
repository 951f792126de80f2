/**
 * Offline commune lookup for the "Où ?" field: a name typed with or without accents, hyphens or a typo
 * ("villeneuve sur lot", "agen", "marmande"), a postal code ("47000") or an INSEE code ("47001").
 * Territory communes come first; the national list (with postal codes) completes them.
 */
import { fold } from '../text';
import { editDistance } from './tokens';

/** Compact row as shipped to the browser: [code INSEE, nom, lat, lon, postal codes separated by spaces, population]. */
export type CommuneRow = [string, string, number, number, string, number];

export interface CommuneEntry {
  code: string;
  nom: string;
  lat: number;
  lon: number;
  cps: string[];
  population: number;
  /** Part of the site's territory (zone coverage applies, listed first). */
  local: boolean;
  /** Folded name ("villeneuve sur lot") with "saint"/"sainte" spelled out. */
  key: string;
}

const ABBREV: [RegExp, string][] = [
  [/\bst\b/g, 'saint'],
  [/\bste\b/g, 'sainte'],
];
/** The form names are compared in: folded, abbreviations expanded. */
export function communeKey(s: string): string {
  let k = fold(s).replace(/[^a-z0-9 ]+/g, ' ');
  for (const [re, full] of ABBREV) k = k.replace(re, full);
  return k.replace(/\s+/g, ' ').trim();
}

export function toEntries(rows: CommuneRow[], local: boolean): CommuneEntry[] {
  return rows.map(([code, nom, lat, lon, cps, population]) => ({
    code,
    nom,
    lat,
    lon,
    cps: cps ? cps.split(' ') : [],
    population,
    local,
    key: communeKey(nom),
  }));
}

export interface CommuneMatch {
  entry: CommuneEntry;
  score: number;
}

function nameScore(q: string, key: string): number {
  if (key === q) return 100;
  if (key.startsWith(q)) return 80 - Math.min(10, key.length - q.length) / 2;
  if (key.includes(' ' + q)) return 60;
  if (q.length >= 3 && key.includes(q)) return 45;
  if (q.length < 4 || key[0] !== q[0]) return 0;
  // A typo: compare with the start of the name of about the same length, and with the whole name.
  const max = q.length >= 8 ? 2 : 1;
  const whole = editDistance(q, key, max);
  if (whole <= max) return 40 - whole * 5;
  const head = Math.min(editDistance(q, key.slice(0, q.length), max), editDistance(q, key.slice(0, q.length + 1), max));
  return head <= max ? 30 - head * 5 : 0;
}

/** Best communes for what was typed, best first. Exact postal codes and names beat prefixes, which beat typos. */
export function searchCommunes(query: string, entries: CommuneEntry[], limit = 8): CommuneMatch[] {
  const raw = query.trim();
  if (!raw) return [];
  const out: CommuneMatch[] = [];
  const digits = raw.replace(/\s+/g, '');
  if (/^(?:\d{2,5}|2[abAB]\d{0,3})$/.test(digits)) {
    const d = digits.toUpperCase();
    for (const e of entries) {
      let s = 0;
      if (e.cps.includes(d)) s = 100;
      else if (e.code === d) s = 95;
      else if (e.cps.some((c) => c.startsWith(d))) s = 60;
      else if (e.code.startsWith(d)) s = 55;
      if (s) out.push({ entry: e, score: s + (e.local ? 30 : 0) });
    }
  } else {
    const q = communeKey(raw);
    if (!q) return [];
    for (const e of entries) {
      const s = nameScore(q, e.key);
      if (s) out.push({ entry: e, score: s + (e.local ? 30 : 0) });
    }
  }
  // Equal scores: the larger town first (47600 → Nérac before Fieux).
  out.sort((a, b) => b.score - a.score || b.entry.population - a.entry.population || a.entry.nom.localeCompare(b.entry.nom, 'fr'));
  // The same commune can be both local and national: keep the first.
  const seen = new Set<string>();
  return out.filter((m) => (seen.has(m.entry.code) ? false : (seen.add(m.entry.code), true))).slice(0, limit);
}

/** Commune whose centre is nearest to a point (for "autour de moi" and map clicks), within `maxKm`. */
export function nearestCommune(p: { lat: number; lon: number }, entries: CommuneEntry[], maxKm = 20): CommuneEntry | undefined {
  let best: CommuneEntry | undefined;
  let bestD = Infinity;
  const cos = Math.cos((p.lat * Math.PI) / 180);
  for (const e of entries) {
    const dx = (e.lon - p.lon) * cos;
    const dy = e.lat - p.lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best && Math.sqrt(bestD) * 111.2 <= maxKm ? best : undefined;
}

/**
 * The national list is split so that one typed place fetches one small file: by the first two letters of
 * the name ("vi" for Villeneuve), or by the first two digits of a postal code / INSEE code ("47").
 */
export function nationalKey(query: string): string | null {
  const raw = query.trim().replace(/\s+/g, '');
  const d = /^(\d{2}|2[abAB])/.exec(raw);
  if (d && /^[\dabAB]+$/.test(raw)) return 'n' + (/^2[abAB]/.test(raw) ? '20' : d[1]);
  return nameKey(communeKey(query));
}

/** Two first letters; three for "sa…" (Saint-…, about one commune in eight). */
function nameKey(k: string): string | null {
  if (!/^[a-z][a-z0-9 ]/.test(k)) return null;
  const n = k.startsWith('sa') ? 3 : 2;
  return k.length >= n ? k.slice(0, n).replace(/ /g, '_') : null;
}

/** Every key a commune must be listed under (see nationalKey). */
export function nationalKeys(row: CommuneRow): string[] {
  const keys = new Set<string>();
  const k = nameKey(communeKey(row[1]));
  if (k) keys.add(k);
  for (const c of [row[0], ...row[4].split(' ').filter(Boolean)]) keys.add('n' + (/^2[AB]/.test(c) ? '20' : c.slice(0, 2)));
  return [...keys];
}
