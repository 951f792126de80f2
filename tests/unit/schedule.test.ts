import { describe, expect, it } from 'vitest';
import { describeSchedule, formatSession, isAlwaysOpen, isAppointmentOnly, nextSessions, scheduleFacets } from '../../src/lib/schedule';

describe('describeSchedule: opening_hours in plain French', () => {
  it.each([
    ['Tu 14:00-16:00', ['Tous les mardis de 14 h à 16 h']],
    ['Mo-Fr 09:00-12:00,14:00-17:00', ['Du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h']],
    ['Mo-Tu 09:00-12:30', ['Les lundis et mardis de 9 h à 12 h 30']],
    ['Mo,We,Fr 10:00-11:00', ['Tous les lundis, mercredis et vendredis de 10 h à 11 h']],
    ['We[1] 10:00-12:00', ['Le 1er mercredi du mois de 10 h à 12 h']],
    ['Th[1,3] 14:00-16:30', ['Le 1er et le 3e jeudi du mois de 14 h à 16 h 30']],
    ['Fr[-1] 18:00-20:00', ['Le dernier vendredi du mois de 18 h à 20 h']],
    ['2026 Dec 05 14:00-17:00', ['Le 5 décembre 2026 de 14 h à 17 h']],
    ['week 1-53/2 Fr 10:00-11:30', ['Une semaine sur deux, le vendredi de 10 h à 11 h 30']],
    ['"sur rendez-vous"', ['Sur rendez-vous']],
    ['Mo-Fr 09:00-12:00 "sur rendez-vous"', ['Du lundi au vendredi de 9 h à 12 h (sur rendez-vous)']],
    ['Sa 09:00-12:00; PH off', ['Tous les samedis de 9 h à 12 h', 'Fermé les jours fériés']],
    ['24/7', ['Tous les jours, 24 h sur 24']],
  ])('%s', (value, expected) => {
    expect(describeSchedule(value)).toEqual(expected);
  });
  it('falls back to the library rendering for rules outside the common subset, never hiding them', () => {
    const [s] = describeSchedule('Jan-Jun Tu 10:00-12:00');
    expect(s).toMatch(/janv/);
    expect(s).toMatch(/10:00-12:00/);
  });
});

describe('nextSessions', () => {
  // Monday 23 November 2026, 08:00 local time
  const from = new Date(2026, 10, 23, 8, 0);
  it('lists the next weekly sessions', () => {
    const s = nextSessions('Tu 14:00-16:00', from, 2);
    expect(s.map(formatSession)).toEqual(['mardi 24 novembre 2026, de 14 h à 16 h', 'mardi 1er décembre 2026, de 14 h à 16 h']);
  });
  it('finds the nth weekday of the month', () => {
    expect(formatSession(nextSessions('Th[1,3] 14:00-16:30', from, 1)[0]!)).toBe('jeudi 3 décembre 2026, de 14 h à 16 h 30');
  });
  it('gives no dated session for what is always open (a line answering 24/7 has no « next date »)', () => {
    expect(nextSessions('24/7', from)).toEqual([]);
    expect(nextSessions('Mo-Su 00:00-24:00', from)).toEqual([]);
    expect(isAlwaysOpen('24/7', from)).toBe(true);
    expect(isAlwaysOpen('Mo-Su 00:00-24:00', from)).toBe(true);
    for (const v of ['Tu 14:00-16:00', 'Mo-Fr 09:00-18:00', '"sur rendez-vous"', '2026 Dec 05 14:00-17:00', 'Mo-Sa 00:00-24:00'])
      expect(isAlwaysOpen(v, from)).toBe(false);
  });
  it('gives no dated session for an appointment-only rule', () => {
    expect(isAppointmentOnly('"sur rendez-vous"')).toBe(true);
    expect(nextSessions('"sur rendez-vous"', from)).toEqual([]);
  });
  it('flags sessions held on appointment', () => {
    expect(nextSessions('Mo-Fr 09:00-12:00 "sur rendez-vous"', from, 1)[0]!.onRequest).toBe(true);
  });
});

describe('scheduleFacets', () => {
  it('gives days (0 = lundi) and moments', () => {
    expect(scheduleFacets('Tu 14:00-16:00; Sa 09:00-11:00', new Date(2026, 10, 23))).toEqual({
      jours: [1, 5],
      moments: expect.arrayContaining(['apres-midi', 'matin']),
    });
    expect(scheduleFacets('Fr 18:30-20:00', new Date(2026, 10, 23)).moments).toEqual(['soir']);
  });
});
