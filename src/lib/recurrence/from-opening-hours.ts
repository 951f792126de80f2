/**
 * Build time: an OSM `opening_hours` value → a compact recurrence (RFC 5545 RRULE / RDATE / EXDATE lines),
 * which the browser expands at view time (src/lib/recurrence/series.ts, src/browser/schedule/dates.ts) and the .ics files carry.
 *
 * The conversion is checked against the `opening_hours` library itself over the next HORIZON_DAYS: sessions
 * the rule would add but the library does not have (public holidays of "PH off", "Dec 25 off") become
 * EXDATEs; if the library has a session the rules miss, or the value is outside the subset converted here,
 * the series falls back to the library's own dated sessions (RDATEs) over that horizon. So the browser
 * never shows a date the source schedule does not give.
 */
import OpeningHours from 'opening_hours';
import { floating, icsStamp, sessionsBetween, type Series } from './series';
import { RULE, spansDays, splitRules, type Where } from '../schedule';
import { openingHoursPlace } from '../../schemas/common';

export const HORIZON_DAYS = 366;
const DAY = 86_400_000;
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const ICS_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Draft {
  lines: string[];
  d: number;
  c?: string;
  exdates: string[];
}

/** Mon 00:00 of ISO week 1 of an ISO year (floating). */
function isoWeek1(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
}
const isoWeeks = (year: number) => Math.round((isoWeek1(year + 1) - isoWeek1(year)) / (7 * DAY));

/** "Mo-Fr" → [0..4]; "Sa-Mo" wraps. */
function dayRange(a: string, b: string): number[] {
  const i = OSM_DAYS.indexOf(a);
  const j = OSM_DAYS.indexOf(b);
  const out: number[] = [];
  for (let k = i; ; k = (k + 1) % 7) {
    out.push(k);
    if (k === j) break;
  }
  return out;
}

/** First start ≥ from of a rule given without DTSTART alignment (rrule counts only matching instances). */
function firstAfter(rule: string, from: Date, hh: number, mm: number): Date | null {
  const probe = new Date(from.getTime() + (hh * 60 + mm) * 60_000);
  const [first] = sessionsBetween([{ r: `DTSTART:${icsStamp(probe)}\nRRULE:${rule}`, d: 0 }], from, new Date(from.getTime() + HORIZON_DAYS * DAY));
  return first?.start ?? null;
}

/** Series for the rules of the common subset; null when a rule is outside it. `from`: floating midnight. */
function convert(value: string, from: Date): Draft[] | null {
  const drafts: Draft[] = [];
  for (const rule of splitRules(value)) {
    const m = RULE.exec(rule);
    if (rule === 'PH off' || m?.groups?.off) continue; // closures: EXDATEs found by the check below
    if (!m?.groups) return null;
    const { date, week, days, times, comment } = m.groups;
    if (!times) {
      if (!date && !days && !week && comment !== undefined) continue; // "sur rendez-vous": no fixed session
      return null;
    }
    for (const range of times.split(',')) {
      const [h1, m1, h2, m2] = range.split(/[:-]/).map(Number) as [number, number, number, number];
      let d = h2 * 60 + m2 - (h1 * 60 + m1);
      if (d <= 0) d += 24 * 60;
      const at = (t: number) => new Date(t + (h1 * 60 + m1) * 60_000);
      if (date) {
        if (days || week) return null;
        const dm = /^(\d{4}) ([A-Z][a-z]{2}) (.+)$/.exec(date)!;
        const month = MONTHS.indexOf(dm[2]!);
        if (month < 0) return null;
        const stamps = dm[3]!.split(',').map((dd) => icsStamp(at(Date.UTC(Number(dm[1]), month, Number(dd)))));
        drafts.push({ lines: [`DTSTART:${stamps[0]}`, `RDATE:${stamps.join(',')}`], d, c: comment, exdates: [] });
        continue;
      }
      if (!days) return null;
      const plain: number[] = [];
      const nth: string[] = [];
      for (const item of days.split(/,(?![^[]*\])/)) {
        let im = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/.exec(item);
        if (im) {
          plain.push(...(im[2] ? dayRange(im[1]!, im[2]) : [OSM_DAYS.indexOf(im[1]!)]));
          continue;
        }
        im = /^(Mo|Tu|We|Th|Fr|Sa|Su)\[(-?[1-5](?:,-?[1-5])*)\]$/.exec(item);
        if (!im) return null;
        for (const n of im[2]!.split(',')) nth.push(`${Number(n)}${ICS_DAYS[OSM_DAYS.indexOf(im[1]!)]}`);
      }
      const byday = [...new Set(plain)]
        .sort()
        .map((k) => ICS_DAYS[k])
        .join(',');
      if (week) {
        // "week 1-53/2": every other ISO week. Week numbers restart each year (week 53 and week 1 are both odd),
        // so one RRULE per ISO year, each starting on the first matching week of its year.
        const wm = /^(\d{1,2})-(\d{1,2})\/(\d)$/.exec(week);
        if (!wm || nth.length || !plain.length) return null;
        const [a, b, n] = [Number(wm[1]), Number(wm[2]), Number(wm[3])];
        const y0 = new Date(from.getTime() + 3 * DAY).getUTCFullYear();
        for (const y of [y0 - 1, y0, y0 + 1]) {
          const last = Math.min(b, isoWeeks(y));
          let lastWeek = a;
          for (let w = a; w <= last; w += n) lastWeek = w;
          const until = isoWeek1(y) + lastWeek * 7 * DAY - 1000;
          if (until < from.getTime()) continue;
          const openEnded = y === y0 + 1 && b >= 53;
          const rrule = `FREQ=WEEKLY;INTERVAL=${n};WKST=MO;BYDAY=${byday}${openEnded ? '' : `;UNTIL=${icsStamp(new Date(until))}`}`;
          // First matching week of that year on or after `from`.
          let start: Date | null = null;
          for (let w = a; w <= last && !start; w += n) {
            const weekStart = isoWeek1(y) + (w - 1) * 7 * DAY;
            if (weekStart + 7 * DAY <= from.getTime()) continue;
            for (const k of [...new Set(plain)].sort()) {
              const s = at(weekStart + k * DAY);
              if (s.getTime() >= from.getTime()) {
                start = s;
                break;
              }
            }
          }
          if (start) drafts.push({ lines: [`DTSTART:${icsStamp(start)}`, `RRULE:${rrule}`], d, c: comment, exdates: [] });
        }
        continue;
      }
      const rules = [...(byday ? [`FREQ=WEEKLY;WKST=MO;BYDAY=${byday}`] : []), ...(nth.length ? [`FREQ=MONTHLY;BYDAY=${nth.join(',')}`] : [])];
      for (const rrule of rules) {
        const start = firstAfter(rrule, from, h1, m1);
        if (start) drafts.push({ lines: [`DTSTART:${icsStamp(start)}`, `RRULE:${rrule}`], d, c: comment, exdates: [] });
      }
    }
  }
  return drafts;
}

interface OhSession {
  stamp: string;
  d: number;
  c?: string;
}

/** The library's own sessions over the horizon, as floating stamps. */
function librarySessions(value: string, fromLocal: Date, where?: Where): OhSession[] {
  const oh = new OpeningHours(value, openingHoursPlace(where), { locale: 'fr' } as never);
  const out: OhSession[] = [];
  for (const [start, end, , comment] of oh.getOpenIntervals(fromLocal, new Date(fromLocal.getTime() + HORIZON_DAYS * DAY))) {
    if (spansDays(start, end)) continue;
    out.push({ stamp: icsStamp(floating(start)), d: Math.round((end.getTime() - start.getTime()) / 60_000), c: comment ?? undefined });
  }
  return out;
}

const finish = (d: Draft): Series => ({
  r: [...d.lines, ...(d.exdates.length ? [`EXDATE:${d.exdates.join(',')}`] : [])].join('\n'),
  d: d.d,
  ...(d.c ? { c: d.c } : {}),
});

const memo = new Map<string, Series[]>();

/**
 * Recurrence of a schedule from the day of `from` (the build's clock, local time). [] when the schedule has
 * no fixed session ("sur rendez-vous"). `where`: the territory's centre (site().centre), as for nextSessions.
 */
export function toRecurrence(value: string, from: Date, where?: Where): Series[] {
  const fromLocal = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  const key = `${fromLocal.getTime()}|${where?.lat},${where?.lon}|${value}`;
  let out = memo.get(key);
  if (!out) memo.set(key, (out = compute(value, fromLocal, where)));
  return out;
}

function compute(value: string, fromLocal: Date, where?: Where): Series[] {
  const from = floating(fromLocal);
  const to = new Date(from.getTime() + HORIZON_DAYS * DAY);
  const lib = librarySessions(value, fromLocal, where);
  const drafts = convert(value, from);
  if (drafts) {
    const wanted = new Map(lib.map((s) => [s.stamp, s.d]));
    const covered = new Set<string>();
    for (const d of drafts)
      for (const s of sessionsBetween([{ r: d.lines.join('\n'), d: d.d }], from, to)) {
        const stamp = icsStamp(s.start);
        if (wanted.get(stamp) === d.d) covered.add(stamp);
        else d.exdates.push(stamp);
      }
    if (lib.every((s) => covered.has(s.stamp))) return drafts.map(finish);
  }
  // Outside the subset, or the check failed: the library's dated sessions over the horizon.
  const groups = new Map<string, OhSession[]>();
  for (const s of lib) {
    const k = `${s.d}|${s.c ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  return [...groups.values()].map((g) =>
    finish({ lines: [`DTSTART:${g[0]!.stamp}`, `RDATE:${g.map((s) => s.stamp).join(',')}`], d: g[0]!.d, c: g[0]!.c, exdates: [] }),
  );
}
