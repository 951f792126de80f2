/**
 * When an offer is over: its `periode.fin` has passed, or every rule of its schedule is a dated session
 * ("2026 Dec 05 14:00-17:00") and the last one has passed (for an itinerant offer: at every stop).
 * Ended offers leave the listings, the map, the search and the coverage at build; the cards carry their
 * end date (data-fin) so that the browser hides them once the day has passed between two builds.
 */
import type { Offre } from '../../schemas';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATED = /^(\d{4}) ([A-Z][a-z]{2}) (\d{2}(?:,\d{2})*)\b/;

/** Last date (AAAA-MM-JJ) of a schedule made only of dated rules; null when any rule repeats. */
export function lastDatedSession(horaires: string): string | null {
  const rules = horaires
    .split(';')
    .map((r) => r.trim())
    .filter((r) => r && r !== 'PH off');
  let last: string | null = null;
  for (const r of rules) {
    const m = DATED.exec(r);
    const month = m ? MONTHS.indexOf(m[2]!) : -1;
    if (!m || month < 0) return null;
    for (const d of m[3]!.split(',')) {
      const iso = `${m[1]}-${String(month + 1).padStart(2, '0')}-${d}`;
      if (!last || iso > last) last = iso;
    }
  }
  return last;
}

/** The day after which the offer no longer takes place, or null if it goes on. */
export function offerEndDate(o: Offre): string | null {
  const dated = o.mode.type === 'itinerant' ? o.mode.arrets.map((a) => lastDatedSession(a.horaires)) : o.horaires ? [lastDatedSession(o.horaires)] : [];
  const fromSchedule = dated.length && dated.every((d) => d !== null) ? (dated as string[]).sort().at(-1)! : null;
  const fin = o.periode?.fin ?? null;
  if (fin && fromSchedule) return fin < fromSchedule ? fin : fromSchedule;
  return fin ?? fromSchedule;
}

/** Local calendar day as AAAA-MM-JJ (sessions are local times). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isEnded(o: Offre, today: Date): boolean {
  const end = offerEndDate(o);
  return end !== null && end < localDay(today);
}

/** The dataset without the offers that are over: what listings, maps, search and coverage read. */
export function withoutEnded<D extends { offres: Offre[] }>(ds: D, today: Date): D {
  return { ...ds, offres: ds.offres.filter((o) => !isEnded(o, today)) };
}
