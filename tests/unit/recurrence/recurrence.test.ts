import { describe, expect, it } from 'vitest';
import OpeningHours from 'opening_hours';
import { HORIZON_DAYS, toRecurrence } from '../../../src/lib/recurrence/from-opening-hours';
import { openingHoursPlace } from '../../../src/schemas/common';
import { floating, formatSession, icsStamp, nextSessions, sessionsBetween } from '../../../src/lib/recurrence/series';

// Monday 23 November 2026, 08:00 local time (build clock).
const built = new Date(2026, 10, 23, 8, 0);
const DAY = 86_400_000;

/** What opening_hours itself says over [from, from + days): the reference the conversion must match. */
function reference(value: string, from: Date, days: number): string[] {
  const oh = new OpeningHours(value, openingHoursPlace(), { locale: 'fr' } as never);
  return oh
    .getOpenIntervals(from, new Date(from.getTime() + days * DAY))
    .filter(([s, e, unknown]) => !(unknown && e.getTime() - s.getTime() > DAY))
    .map(([s]) => icsStamp(floating(s)));
}
const expanded = (value: string, from: Date, days: number) =>
  sessionsBetween(toRecurrence(value, built), floating(from), floating(new Date(from.getTime() + days * DAY))).map((s) => icsStamp(s.start));

describe('toRecurrence: opening_hours → RRULE lines the browser expands', () => {
  it.each([
    ['Tu 14:00-16:00', 'RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=TU'],
    ['Mo-Fr 09:00-12:00,14:00-17:00', 'RRULE:FREQ=WEEKLY;WKST=MO;BYDAY=MO,TU,WE,TH,FR'],
    ['Th[1,3] 14:00-16:30', 'RRULE:FREQ=MONTHLY;BYDAY=1TH,3TH'],
    ['Fr[-1] 18:00-20:00', 'RRULE:FREQ=MONTHLY;BYDAY=-1FR'],
    ['week 1-53/2 Fr 10:00-11:30', 'RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=FR'],
    ['2026 Dec 05 14:00-17:00', 'RDATE:20261205T140000'],
  ])('%s keeps its rule (%s) and gives the same sessions as opening_hours for a year', (value, line) => {
    const series = toRecurrence(value, built);
    expect(series.map((s) => s.r).join('\n')).toContain(line);
    expect(expanded(value, built, HORIZON_DAYS)).toEqual(reference(value, new Date(2026, 10, 23), HORIZON_DAYS));
  });

  it('one week in two follows ISO week numbers across a 53-week year (weeks 53 and 1 are both odd)', () => {
    const jan = expanded('week 1-53/2 Fr 10:00-11:30', new Date(2026, 11, 20), 30);
    // 2026 has 53 ISO weeks: Fri 1 Jan 2027 (week 53) and Fri 8 Jan 2027 (week 1) both happen.
    expect(jan).toContain('20270101T100000');
    expect(jan).toContain('20270108T100000');
    expect(jan).toEqual(reference('week 1-53/2 Fr 10:00-11:30', new Date(2026, 11, 20), 30));
  });

  it('public holidays of "PH off" become EXDATEs (Christmas is a Friday in 2026)', () => {
    const [s] = toRecurrence('Fr 10:00-12:00; PH off', built);
    expect(s!.r).toContain('EXDATE:');
    expect(s!.r).toContain('20261225T100000');
    expect(expanded('Fr 10:00-12:00; PH off', built, 60)).not.toContain('20261225T100000');
  });

  it('keeps the comment of an appointment rule; an appointment-only schedule has no session', () => {
    expect(toRecurrence('Tu[2,4] 09:30-12:00 "passage sur rendez-vous"', built)[0]!.c).toBe('passage sur rendez-vous');
    expect(toRecurrence('"sur rendez-vous"', built)).toEqual([]);
  });

  it('an always-open schedule (24/7) has no session, hence no calendar event', () => {
    expect(toRecurrence('24/7', new Date(2026, 10, 23, 8, 0))).toEqual([]);
  });
  it('falls back to dated sessions from the library for rules outside the subset, never inventing any', () => {
    const value = 'Jan-Jun Tu 10:00-12:00';
    const series = toRecurrence(value, built);
    expect(series[0]!.r).toContain('RDATE:');
    expect(expanded(value, built, HORIZON_DAYS)).toEqual(reference(value, new Date(2026, 10, 23), HORIZON_DAYS));
  });

  it('the browser, 40 days after the build, gives the next sessions after its own clock', () => {
    const later = new Date(built.getTime() + 40 * DAY); // Saturday 2 January 2027
    const next = nextSessions(toRecurrence('Tu 14:00-16:00', built), floating(later), 3);
    expect(next.map(formatSession)).toEqual([
      'mardi 5 janvier 2027, de 14 h à 16 h',
      'mardi 12 janvier 2027, de 14 h à 16 h',
      'mardi 19 janvier 2027, de 14 h à 16 h',
    ]);
    const first = nextSessions(toRecurrence('We[1] 10:00-12:00', built), floating(later), 1);
    expect(formatSession(first[0]!)).toBe('mercredi 6 janvier 2027, de 10 h à 12 h');
  });
});
