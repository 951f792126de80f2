/**
 * Search state <-> URL query string (`/recherche/?ou=47001&q=marche&thematique=activite-physique`), so a
 * search can be shared, bookmarked, and replayed by the back button.
 */
export interface SearchState {
  /** Code INSEE of the chosen commune, or "lat,lon" (around me, map click). */
  ou: string;
  q: string;
  /** Thématique ids (the same word as on /carte/). */
  thematique: string[];
  public: string[];
  /** lundi … dimanche, "week-end". */
  jour: string[];
  moment: string[];
  /** « aujourdhui » or « semaine » (the next 7 days): only what has a session then; '' for any time. */
  quand: string;
  mode: string[];
  /** offres, lieux, equipes. */
  type: string[];
  gratuit: boolean;
  /** Sans inscription. */
  libre: boolean;
  pmr: boolean;
}

const LISTS = ['thematique', 'public', 'jour', 'moment', 'mode', 'type'] as const;
const FLAGS = ['gratuit', 'libre', 'pmr'] as const;
export const QUAND = ['aujourdhui', 'semaine'];

export function emptyState(): SearchState {
  return { ou: '', q: '', thematique: [], public: [], jour: [], moment: [], quand: '', mode: [], type: [], gratuit: false, libre: false, pmr: false };
}

export function parseState(search: string | URLSearchParams): SearchState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const s = emptyState();
  s.ou = (p.get('ou') ?? '').trim();
  s.q = (p.get('q') ?? '').trim();
  const quand = p.get('quand') ?? '';
  s.quand = QUAND.includes(quand) ? quand : '';
  // `theme` was the name of `thematique` in links published before November 2026: still read.
  const all = (k: (typeof LISTS)[number]) => (k === 'thematique' ? [...p.getAll(k), ...p.getAll('theme')] : p.getAll(k));
  for (const k of LISTS)
    s[k] = [
      ...new Set(
        all(k)
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  for (const k of FLAGS) s[k] = ['1', 'oui', 'true', 'on'].includes(p.get(k) ?? '');
  return s;
}

/** Stable query string ("" when nothing is set), same state → same URL. */
export function stateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.ou) p.set('ou', s.ou);
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.quand) p.set('quand', s.quand);
  for (const k of LISTS) for (const v of s[k]) p.append(k, v);
  for (const k of FLAGS) if (s[k]) p.set(k, '1');
  const q = p.toString();
  return q ? `?${q}` : '';
}

/** "44.2031,0.6162" → coordinates; a commune code → null. */
export function parseCoords(ou: string): { lat: number; lon: number } | null {
  const m = /^(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(ou);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}
