/**
 * Schedules are stored in OSM `opening_hours` syntax (parsed and computed by the `opening_hours`
 * library). This module says them in plain French for the pages ("tous les mardis de 14 h à 16 h")
 * and lists the next sessions. Rules outside the common subset fall back to the library's own French
 * rendering, so nothing is ever hidden.
 */
import OpeningHours from 'opening_hours';
import { openingHoursPlace } from '../schemas/common';

/** Where dates are computed (the territory's centre, site().centre): sunrise and sunset rules depend on it. */
export interface Where {
  lat: number;
  lon: number;
}

const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "14:00" → "14 h", "16:30" → "16 h 30". */
export function frTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)} h${m && m !== '00' ? ' ' + m : ''}`;
}

function timeRanges(times: string): string {
  const parts = times.split(',').map((r) => {
    const [a, b] = r.split('-');
    return `de ${frTime(a!)} à ${frTime(b!)}`;
  });
  return joinFr(parts);
}

export function joinFr(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

const ordinal = (n: number) => (n === 1 ? '1er' : n === -1 ? 'dernier' : `${n}e`);

/** One weekday selector item: "Mo-Fr", "Tu", "Th[1,3]", "Fr[-1]". */
function describeDayItem(item: string): string | null {
  let m = /^(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)$/.exec(item);
  if (m) {
    const [a, b] = [DAY_CODES.indexOf(m[1] as never), DAY_CODES.indexOf(m[2] as never)];
    // Two consecutive days read better as a pair: "les lundis et mardis".
    return b === a + 1 ? `les ${DAY_NAMES[a]}s et ${DAY_NAMES[b]}s` : `du ${DAY_NAMES[a]} au ${DAY_NAMES[b]}`;
  }
  m = /^(Mo|Tu|We|Th|Fr|Sa|Su)$/.exec(item);
  if (m) return `tous les ${DAY_NAMES[DAY_CODES.indexOf(m[1] as never)]}s`;
  m = /^(Mo|Tu|We|Th|Fr|Sa|Su)\[(-?\d(?:,-?\d)*)\]$/.exec(item);
  if (m) {
    const nth = m[2]!.split(',').map(Number);
    const day = DAY_NAMES[DAY_CODES.indexOf(m[1] as never)];
    return `le ${joinFr(nth.map(ordinal).map((o, i) => (i === 0 ? o : `le ${o}`)))} ${day} du mois`;
  }
  return null;
}

function describeDays(days: string): string | null {
  const items = days.split(/,(?![^[]*\])/); // commas outside "[1,3]"

  // "Mo,We,Fr" → "tous les lundis, mercredis et vendredis"
  if (items.every((i) => /^(Mo|Tu|We|Th|Fr|Sa|Su)$/.test(i)) && items.length > 1)
    return `tous les ${joinFr(items.map((i) => DAY_NAMES[DAY_CODES.indexOf(i as never)] + 's'))}`;
  const parts = items.map(describeDayItem);
  return parts.some((p) => p === null) ? null : joinFr(parts as string[]);
}

function describeDates(date: string): string | null {
  // "2026 Dec 05", "2026 Dec 05,19"
  const m = /^(\d{4}) ([A-Z][a-z]{2}) (\d{2}(?:,\d{2})*)$/.exec(date);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!);
  if (month < 0) return null;
  const days = m[3]!.split(',').map((d) => (Number(d) === 1 ? '1er' : String(Number(d))));
  return `le ${joinFr(days)} ${MONTH_NAMES[month]} ${m[1]}`;
}

/** One rule of the common subset (also read by the recurrence conversion, src/lib/recurrence/). */
export const RULE =
  /^(?:(?<date>\d{4} [A-Z][a-z]{2} \d{2}(?:,\d{2})*)\s+)?(?:week (?<week>[\d-]+(?:\/\d)?)\s+)?(?<days>(?:Mo|Tu|We|Th|Fr|Sa|Su)[\w\-,[\]]*)?\s*(?<times>\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)?\s*(?<off>off|closed)?\s*(?:"(?<comment>[^"]*)")?$/;

/** Splits on ";" outside quoted comments. */
export function splitRules(value: string): string[] {
  const rules: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      rules.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) rules.push(cur.trim());
  return rules.filter(Boolean);
}

function describeRule(rule: string): string | null {
  if (rule === 'PH off') return 'Fermé les jours fériés';
  if (rule === '24/7') return 'Tous les jours, 24 h sur 24';
  const m = RULE.exec(rule);
  if (!m?.groups) return null;
  const { date, week, days, times, off, comment } = m.groups;
  const out: string[] = [];
  if (week) {
    const wm = /^1-53\/2$/.exec(week);
    if (!wm) return null;
    out.push('une semaine sur deux,');
  }
  if (date) {
    const d = describeDates(date);
    if (!d) return null;
    out.push(d);
  }
  if (days) {
    const d = describeDays(days);
    if (!d) return null;
    // "une semaine sur deux, tous les vendredis" reads wrong: say "le vendredi".
    out.push(week ? d.replace(/^tous les (\p{L}+)s$/u, 'le $1') : d);
  }
  if (off) out.push('fermé');
  if (times) out.push(timeRanges(times));
  if (comment) out.push(out.length ? `(${comment})` : comment);
  if (!out.length) return null;
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Many records share a schedule and every listing card repeats it: parse each value once per build.
const describedCache = new Map<string, string[]>();

/** Plain French sentences, one per rule; e.g. ["Tous les mardis de 14 h à 16 h"]. */
export function describeSchedule(value: string): string[] {
  let out = describedCache.get(value);
  if (!out) describedCache.set(value, (out = describe(value)));
  return out;
}

function describe(value: string): string[] {
  const rules = splitRules(value);
  const described = rules.map(describeRule);
  if (described.every((d) => d !== null)) return described as string[];
  // Outside the subset: the library's own French rendering, rule by rule where we could not.
  const pretty = splitRules(new OpeningHours(value, openingHoursPlace(), { locale: 'fr' } as never).prettifyValue({ conf: { locale: 'fr' } } as never));
  return described.map((d, i) => d ?? pretty[i] ?? rules[i]!);
}

export interface Session {
  start: Date;
  end: Date;
  /** True for "sur rendez-vous" style rules (the library's "unknown" state with a comment). */
  onRequest: boolean;
  comment?: string;
}

// Parsing is the slow part (every fiche and stop of a national build): once per distinct value and place.
const parsedCache = new Map<string, OpeningHours>();
function parsed(value: string, where?: Where): OpeningHours {
  const key = `${where?.lat ?? ''},${where?.lon ?? ''}|${value}`;
  let oh = parsedCache.get(key);
  if (!oh) parsedCache.set(key, (oh = new OpeningHours(value, openingHoursPlace(where), { locale: 'fr' } as never)));
  return oh;
}

const DAY = 86_400_000;

/**
 * Whether an open interval of the library is too long to be a session: an all-time « sur rendez-vous », or always
 * open (« 24/7 », a line that always answers). The one rule for the next dates, the calendars and the search's facets.
 */
export function spansDays(start: Date, end: Date): boolean {
  return end.getTime() - start.getTime() > DAY;
}

// Every fiche of a build asks from the same instant (site().now): what a schedule gives from it is worked out once.
// Keyed by instant, place and value; emptied when full, for callers asking from ever-new instants (a dev server).
const fromInstantCache = new Map<string, unknown>();
function fromInstant<T>(what: string, value: string, from: Date, where: Where | undefined, make: () => T): T {
  const key = `${what}|${from.getTime()}|${where?.lat ?? ''},${where?.lon ?? ''}|${value}`;
  if (!fromInstantCache.has(key)) {
    if (fromInstantCache.size >= 100_000) fromInstantCache.clear();
    fromInstantCache.set(key, make());
  }
  return fromInstantCache.get(key) as T;
}

/**
 * The next `count` sessions after `from`, looking ahead `days` days. Appointment-only rules give none. The list is
 * shared between callers asking the same question: read it, do not change it.
 */
export function nextSessions(value: string, from: Date, count = 3, days = 120, where?: Where): Session[] {
  return fromInstant(`sessions ${count} ${days}`, value, from, where, () => sessionsFrom(value, from, count, days, where));
}

function sessionsFrom(value: string, from: Date, count: number, days: number, where?: Where): Session[] {
  const oh = parsed(value, where);
  const to = new Date(from.getTime() + days * DAY);
  const out: Session[] = [];
  // Asked from the day before: a session under way at `from` keeps its real start (the library would
  // clip it to `from`, showing « de 14 h 07 »); sessions already over are skipped.
  for (const [start, end, unknown, comment] of oh.getOpenIntervals(new Date(from.getTime() - DAY), to)) {
    if (end.getTime() <= from.getTime() || spansDays(start, end)) continue;
    out.push({ start, end, onRequest: Boolean(unknown), comment: comment ?? undefined });
    if (out.length >= count) break;
  }
  return out;
}

/**
 * Whether the schedule is open all the time from `from` (« 24/7 », a line that always answers): it has no next
 * date to show, and « no date in the coming months » would read as closed.
 */
export function isAlwaysOpen(value: string, from: Date, where?: Where): boolean {
  return fromInstant('always', value, from, where, () => {
    const week = new Date(from.getTime() + 8 * DAY);
    const intervals = parsed(value, where).getOpenIntervals(from, week);
    return intervals.length === 1 && !intervals[0]![2] && intervals[0]![0].getTime() <= from.getTime() && intervals[0]![1].getTime() >= week.getTime();
  });
}

/** Whether a schedule has no dated session to list: on appointment only, or always open. */
export function hasNoDates(value: string, from: Date, where?: Where): boolean {
  return isAppointmentOnly(value) || isAlwaysOpen(value, from, where);
}

/** Whether the rule only says "on appointment" (no fixed sessions). */
export function isAppointmentOnly(value: string): boolean {
  return splitRules(value).every((r) => /^"[^"]*"$/.test(r));
}

// opening_hours computes in the process's local time: read dates back in local time too, whatever TZ is.
const dateFmt = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dayFmt = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
/** "5 décembre 2026" (one formatter for every page of the build). */
export function formatDay(d: Date): string {
  return dayFmt.format(d);
}
const hm = (d: Date) => frTime(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`);

/** "mardi 24 novembre 2026, de 14 h à 16 h". */
export function formatSession(s: Session): string {
  const day = dateFmt.format(s.start).replace(/^(\p{L}+) 1 /u, '$1 1er ');
  return `${day}, de ${hm(s.start)} à ${hm(s.end)}`;
}

/** Days of the week (0 = lundi) and moments touched by a schedule, for search facets. */
export function scheduleFacets(value: string, from: Date, where?: Where): { jours: number[]; moments: ('matin' | 'apres-midi' | 'soir')[] } {
  const oh = new OpeningHours(value, openingHoursPlace(where), { locale: 'fr' } as never);
  const jours = new Set<number>();
  const moments = new Set<'matin' | 'apres-midi' | 'soir'>();
  for (const [start, end] of oh.getOpenIntervals(from, new Date(from.getTime() + 62 * DAY))) {
    if (spansDays(start, end)) continue;
    jours.add((start.getDay() + 6) % 7);
    const h0 = start.getHours();
    const h1 = end.getHours() + end.getMinutes() / 60;
    if (h0 < 12) moments.add('matin');
    if (h1 > 13 && h0 < 18) moments.add('apres-midi');
    if (h1 > 18) moments.add('soir');
  }
  return { jours: [...jours].sort(), moments: [...moments] };
}
