/** Micro-bench of schedule reading (`npm run bench:micro`): opening_hours parsing is the slow part of a build. */
import { bench, describe } from 'vitest';
import { describeSchedule, nextSessions, scheduleFacets } from '../../src/lib/schedule';

const FROM = new Date('2026-11-23T00:00:00Z');
const SAMPLES = ['Tu 14:00-16:00', 'Th[1,3] 14:00-16:30', 'week 1-53/2 Fr 10:00-11:30', 'Mo-Fr 09:00-12:00,14:00-17:00; PH off', '2026 Dec 05 14:00-17:00'];

describe('schedules', () => {
  bench('describe 5 schedules in French (cached per text after the first call)', () => {
    for (const s of SAMPLES) describeSchedule(s);
  });
  bench('next 3 sessions of 5 schedules', () => {
    for (const s of SAMPLES) nextSessions(s, FROM, 3);
  });
  bench('search facets of 5 schedules', () => {
    for (const s of SAMPLES) scheduleFacets(s, FROM);
  });
});
