import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../src/lib/search/facets';
import { emptyState, parseState, stateToQuery, type SearchState } from '../../../src/lib/search/state';
import type { SearchRecord } from '../../../src/lib/search/model';
import { toRecurrence } from '../../../src/lib/recurrence/from-opening-hours';

const built = new Date(2026, 10, 23, 8); // Monday 23 November 2026
const rec = (horaires: string): SearchRecord => ({
  k: 'o',
  id: horaires,
  n: horaires,
  u: '/',
  m: 0,
  f: 0,
  w: [],
  j: 1 /* stale: lundi */,
  h: toRecurrence(horaires, built),
});
const state = (p: Partial<SearchState>): SearchState => ({ ...emptyState(), ...p });
const passes = (r: SearchRecord, p: Partial<SearchState>, now: Date) => compileFilter(state(p), [], now)(r);

describe("day, moment and « ouvert aujourd'hui / cette semaine » from the recurrence, at the searcher's clock", () => {
  const tuesday = rec('Tu 14:00-16:00');
  const monthly = rec('We[1] 10:00-12:00');
  // Tuesday 5 January 2027 (43 days after the build), 10:00 and 15:00 and 17:00.
  const at = (h: number) => new Date(2027, 0, 5, h);

  it("« aujourd'hui » keeps a session later today or under way, not one that has ended", () => {
    expect(passes(tuesday, { quand: 'aujourdhui' }, at(10))).toBe(true);
    expect(passes(tuesday, { quand: 'aujourdhui' }, at(15))).toBe(true);
    expect(passes(tuesday, { quand: 'aujourdhui' }, at(17))).toBe(false);
    expect(passes(tuesday, { quand: 'aujourdhui' }, new Date(2027, 0, 6, 9))).toBe(false);
  });
  it('« cette semaine »: the next 7 days (1st Wednesday of February is not this week, 6 January is)', () => {
    expect(passes(monthly, { quand: 'semaine' }, at(10))).toBe(true);
    expect(passes(monthly, { quand: 'semaine' }, new Date(2027, 0, 8, 10))).toBe(false);
    expect(passes(rec('"sur rendez-vous"'), { quand: 'semaine' }, at(10))).toBe(false);
  });
  it('the day facet follows the recurrence, not the build-time bits', () => {
    expect(passes(tuesday, { jour: ['mardi'] }, at(10))).toBe(true);
    expect(passes(tuesday, { jour: ['lundi'] }, at(10))).toBe(false);
    expect(passes(tuesday, { moment: ['apres-midi'] }, at(10))).toBe(true);
    expect(passes(tuesday, { moment: ['matin'] }, at(10))).toBe(false);
  });
  it('quand is in the URL', () => {
    expect(stateToQuery(state({ quand: 'aujourdhui' }))).toBe('?quand=aujourdhui');
    expect(parseState('?quand=semaine').quand).toBe('semaine');
    expect(parseState('?quand=demain').quand).toBe('');
  });
});
