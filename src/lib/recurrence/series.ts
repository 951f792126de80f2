/**
 * Schedules as the browser receives them: a compact recurrence (RFC 5545 lines, the same ones the .ics files
 * carry) expanded at view time with the `rrule` library, so « prochaines dates » stay true between two
 * builds. Pure module: no DOM, no Node; the build imports it to check its own conversion.
 *
 * Times are wall-clock times of the territory ("floating" in RFC 5545). Following rrule's convention they
 * are held in Date objects whose UTC fields carry the wall-clock fields: never read them with local getters.
 * Browser-safe (listed in .dependency-cruiser.cjs): imports nothing but `rrule`.
 */
import * as RR from 'rrule';

// rrule ships CommonJS for Node and ES modules for bundlers: take the function from whichever shape we get.
// (Reflect.get: the bundler need not resolve a default export the ES build does not have.)
const rrulestr: typeof RR.rrulestr = (RR as { rrulestr?: typeof RR.rrulestr }).rrulestr ?? (Reflect.get(RR, 'default') as typeof RR).rrulestr;

/** One series of sessions with the same length: e.g. every Tuesday 14:00, for 120 minutes. */
export interface Series {
  /** RFC 5545 lines: "DTSTART:20261124T140000\nRRULE:FREQ=WEEKLY;BYDAY=TU" (+ EXDATE / RDATE lines). */
  r: string;
  /** Length in minutes. */
  d: number;
  /** Comment of the rule ("sur rendez-vous"). */
  c?: string;
}

export interface Session {
  /** Floating wall-clock start and end (UTC fields = local time of the territory). */
  start: Date;
  end: Date;
  comment?: string;
}

/** A local-time Date (the browser's clock) as a floating date. */
export function floating(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

/** "20261124T140000" ↔ floating Date. */
export function icsStamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

const parsed = new Map<string, ReturnType<typeof rrulestr>>();
function ruleSet(r: string) {
  let set = parsed.get(r);
  if (!set) parsed.set(r, (set = rrulestr(r, { forceset: true })));
  return set;
}

/** Sessions starting in [from, to), in time order (from, to: floating dates). */
export function sessionsBetween(series: Series[], from: Date, to: Date): Session[] {
  const out: Session[] = [];
  for (const s of series)
    for (const start of ruleSet(s.r).between(from, to, true))
      if (start.getTime() < to.getTime()) out.push({ start, end: new Date(start.getTime() + s.d * 60_000), comment: s.c });
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The next `count` sessions starting at or after `from` (floating), looking ahead `days` days. */
export function nextSessions(series: Series[], from: Date, count = 3, days = 400): Session[] {
  return sessionsBetween(series, from, new Date(from.getTime() + days * 86_400_000)).slice(0, count);
}

const dateFmt = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const hm = (d: Date) => `${d.getUTCHours()} h${d.getUTCMinutes() ? ' ' + String(d.getUTCMinutes()).padStart(2, '0') : ''}`;

/** "mardi 24 novembre 2026, de 14 h à 16 h" (+ " (sur rendez-vous)"). */
export function formatSession(s: Session): string {
  const day = dateFmt.format(s.start).replace(/^(\p{L}+) 1 /u, '$1 1er ');
  return `${day}, de ${hm(s.start)} à ${hm(s.end)}${s.comment ? ` (${s.comment})` : ''}`;
}

/** Days of the week (bit 0 = lundi) and moments (bit 0 matin, 1 après-midi, 2 soir) in [from, from + days). */
export function facetBits(series: Series[], from: Date, days = 62): { j: number; mo: number } {
  let j = 0;
  let mo = 0;
  for (const s of sessionsBetween(series, from, new Date(from.getTime() + days * 86_400_000))) {
    j |= 1 << ((s.start.getUTCDay() + 6) % 7);
    const h0 = s.start.getUTCHours();
    const h1 = (s.end.getTime() - Date.UTC(s.start.getUTCFullYear(), s.start.getUTCMonth(), s.start.getUTCDate())) / 3_600_000;
    if (h0 < 12) mo |= 1;
    if (h1 > 13 && h0 < 18) mo |= 2;
    if (h1 > 18) mo |= 4;
  }
  return { j, mo };
}
