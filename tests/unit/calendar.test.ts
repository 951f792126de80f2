import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { hasCalendar, offerCalendar } from '../../src/lib/calendar';
import { loadDataset } from '../../src/lib/data/dataset';
import { indexFor } from '../../src/lib/records';
import type { Offre } from '../../src/schemas';

const ds = loadDataset('data').dataset!;
const idx = indexFor(ds);
const built = new Date(2026, 10, 23, 8, 0);
const base = ds.offres.find((o) => o.mode.type === 'sur_place' && o.horaires)!;
const withSchedule = (horaires: string): Offre => ({ ...base, horaires });

/** Parses with ical.js (a maintained RFC 5545 parser) and returns the VEVENTs. */
function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}
/** Next n starts of an event, as "YYYY-MM-DDTHH:MM". */
function starts(e: ICAL.Event, n: number): string[] {
  const it = e.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) out.push(t.toString().slice(0, 16));
  return out;
}

describe('.ics of an offer (ical-generator), read back with ical.js', () => {
  it('the fiche offers a calendar exactly when its .ics file has events (every pilot offer, and a few schedules)', () => {
    const offers = [...ds.offres, ...['"sur rendez-vous"', 'Mo-Fr 09:00-12:00', 'PH off', '2026 Dec 03 14:00-16:00'].map(withSchedule)];
    const disagree = offers.filter((o) => hasCalendar(o, idx, { from: built }) !== (offerCalendar(o, idx, { from: built }) !== null));
    expect(disagree.map((o) => `${o.id} ${o.horaires}`)).toEqual([]);
    expect(offers.filter((o) => hasCalendar(o, idx, { from: built })).length).toBeGreaterThan(10);
    expect(offers.some((o) => !hasCalendar(o, idx, { from: built }))).toBe(true);
  });

  it('weekly: RRULE FREQ=WEEKLY;BYDAY=TU, floating 14:00-16:00', () => {
    const [e] = events(offerCalendar(withSchedule('Tu 14:00-16:00'), idx, { from: built })!);
    expect(e!.summary).toBe(base.nom);
    const rule = e!.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.parts.BYDAY).toEqual(['TU']);
    expect(e!.startDate.zone?.tzid).toBe('floating');
    expect(e!.startDate.toString()).toBe('2026-11-24T14:00:00');
    expect(e!.endDate.toString()).toBe('2026-11-24T16:00:00');
    expect(starts(e!, 3)).toEqual(['2026-11-24T14:00', '2026-12-01T14:00', '2026-12-08T14:00']);
  });

  it('« 1er et 3e jeudi »: RRULE FREQ=MONTHLY;BYDAY=1TH,3TH', () => {
    const [e] = events(offerCalendar(withSchedule('Th[1,3] 14:00-16:30'), idx, { from: built })!);
    const rule = e!.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('MONTHLY');
    expect(rule.parts.BYDAY).toEqual(['1TH', '3TH']);
    expect(starts(e!, 4)).toEqual(['2026-12-03T14:00', '2026-12-17T14:00', '2027-01-07T14:00', '2027-01-21T14:00']);
  });

  it('one week in two: FREQ=WEEKLY;INTERVAL=2, one rule per ISO year', () => {
    const evs = events(offerCalendar(withSchedule('week 1-53/2 Fr 10:00-11:30'), idx, { from: built })!);
    const rules = evs.map((e) => e.component.getFirstPropertyValue('rrule') as ICAL.Recur);
    expect(rules.every((r) => r.freq === 'WEEKLY' && r.interval === 2 && r.parts.BYDAY?.[0] === 'FR')).toBe(true);
    // 2026 ends with week 53 (odd): 27 Nov (week 48 is even → no), 4 Dec (49), 18 Dec, 1 Jan (53), then 8 Jan (week 1 of 2027).
    const all = evs.flatMap((e) => starts(e, 3)).sort();
    expect(all.slice(0, 5)).toEqual(['2026-12-04T10:00', '2026-12-18T10:00', '2027-01-01T10:00', '2027-01-08T10:00', '2027-01-22T10:00']);
  });

  it('dated sessions and public holidays: one event per date; EXDATE for "PH off"', () => {
    const dated = events(offerCalendar(withSchedule('2026 Dec 05 14:00-17:00'), idx, { from: built })!);
    expect(dated.map((e) => e.startDate.toString())).toEqual(['2026-12-05T14:00:00']);
    const [e] = events(offerCalendar(withSchedule('Fr 10:00-12:00; PH off'), idx, { from: built })!);
    expect(starts(e!, 6)).not.toContain('2026-12-25T10:00');
    expect(starts(e!, 6)).toContain('2027-01-08T10:00');
  });

  it('no calendar for an appointment-only offer', () => {
    expect(offerCalendar(withSchedule('"sur rendez-vous"'), idx, { from: built })).toBeNull();
  });

  it('an itinerant offer gives one event per stop, located at the stop', () => {
    const o = ds.offres.find((x) => x.mode.type === 'itinerant')!;
    const evs = events(offerCalendar(o, idx, { from: built })!);
    expect(new Set(evs.map((e) => e.location)).size).toBe(idx.offerPoints(o).length);
  });
});
