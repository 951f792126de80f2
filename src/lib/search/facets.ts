/**
 * Facet logic: OR inside a facet (two thématiques ticked = either), AND across facets. A record that does
 * not carry the information a facet asks for (a lieu has no thématique, a team no schedule) does not match it.
 */
import { FLAG, JOUR_KEYS, KIND_KEYS, MODE_KEYS, MOMENT_KEYS, PUBLIC_KEYS, type Kind, type SearchRecord, type ThemeInfo } from './model';
import type { SearchState } from './state';
import { facetBits, floating, sessionsBetween, type Series } from '../recurrence/series';

export type RecordFilter = (r: SearchRecord) => boolean;

const WEEKEND = (1 << 5) | (1 << 6);

function mask(values: string[], keys: readonly string[]): number {
  let m = 0;
  for (const v of values) {
    const i = keys.indexOf(v);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

/** Whether any facet is set (the page then says how many results the facets leave). */
export function hasFacets(s: SearchState): boolean {
  return Boolean(
    s.thematique.length || s.public.length || s.jour.length || s.moment.length || s.quand || s.mode.length || s.type.length || s.gratuit || s.libre || s.pmr,
  );
}

/**
 * Days and moments of a record from its recurrence at `now` (the searcher's clock), else as of the build.
 * Memoised per record and day: a search re-filters the same records at every keystroke.
 */
const bitsMemo = new WeakMap<Series[], { day: number; bits: { j: number; mo: number } }>();
function dayBits(r: SearchRecord, now: Date): { j: number; mo: number } {
  if (!r.h) return { j: r.j ?? 0, mo: r.mo ?? 0 };
  const day = Math.floor(floating(now).getTime() / 86_400_000);
  const hit = bitsMemo.get(r.h);
  if (hit?.day === day) return hit.bits;
  const bits = facetBits(r.h, new Date(day * 86_400_000));
  bitsMemo.set(r.h, { day, bits });
  return bits;
}

/** `now`: the searcher's clock (tests pass theirs). */
export function compileFilter(s: SearchState, themes: ThemeInfo[], now: Date = new Date()): RecordFilter {
  const tests: RecordFilter[] = [];
  if (s.thematique.length) {
    const wanted = new Set(s.thematique.map((id) => themes.findIndex((t) => t.id === id)).filter((i) => i >= 0));
    tests.push((r) => Boolean(r.t?.some((t) => wanted.has(t))));
  }
  if (s.public.length) {
    const m = mask(s.public, PUBLIC_KEYS);
    tests.push((r) => ((r.pu ?? 0) & m) !== 0);
  }
  if (s.jour.length) {
    const m = mask(s.jour, JOUR_KEYS) | (s.jour.includes('week-end') ? WEEKEND : 0);
    tests.push((r) => (dayBits(r, now).j & m) !== 0);
  }
  if (s.moment.length) {
    const m = mask(s.moment, MOMENT_KEYS);
    tests.push((r) => (dayBits(r, now).mo & m) !== 0);
  }
  if (s.quand) {
    // A session starting today (or within 7 days) that has not ended yet: one under way counts.
    const nowF = floating(now);
    const start = new Date(Math.floor(nowF.getTime() / 86_400_000) * 86_400_000);
    const end = new Date(start.getTime() + (s.quand === 'semaine' ? 7 : 1) * 86_400_000);
    tests.push((r) => Boolean(r.h) && sessionsBetween(r.h!, start, end).some((x) => x.end.getTime() > nowF.getTime()));
  }
  if (s.mode.length) {
    const m = mask(s.mode, MODE_KEYS);
    tests.push((r) => ((1 << r.m) & m) !== 0);
  }
  if (s.type.length) {
    const kinds = new Set((Object.keys(KIND_KEYS) as Kind[]).filter((k) => s.type.includes(KIND_KEYS[k])));
    tests.push((r) => kinds.has(r.k));
  }
  if (s.gratuit) tests.push((r) => (r.f & FLAG.gratuit) !== 0);
  if (s.libre) tests.push((r) => (r.f & FLAG.sansInscription) !== 0);
  if (s.pmr) tests.push((r) => (r.f & FLAG.pmr) !== 0);
  if (!tests.length) return () => true;
  return (r) => tests.every((t) => t(r));
}
