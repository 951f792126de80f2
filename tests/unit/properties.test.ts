/**
 * Property-based tests (fast-check): invariants that must hold for ANY input, not only the examples we
 * thought of — schedules, distances, coverage, and the reading of hostile files.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeSchedule, nextSessions } from '../../src/lib/schedule';
import { openingHoursError, isRealDate } from '../../src/schemas/common';
import { distanceKm, withinKm } from '../../src/lib/geo';
import { computeCoverage, type CoverageCommune, type CoverageOffer } from '../../src/lib/coverage/model';
import { readYamlRecords } from '../../src/lib/data/yaml-records';
import { decodeText } from '../../src/lib/data/read-text';
import { pathProblem, confinedPath } from '../../src/lib/data/safe-path';
import { unsafeCharProblem } from '../../src/lib/data/unsafe-chars';
import { bitCount, editDistance, letterMask } from '../../src/lib/search/tokens';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** A weekly rule « Tu 14:00-16:00 » with start < end inside one day, on the quarter hour. */
const weeklyRule = fc
  .record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 0, max: 91 }), length: fc.integer({ min: 1, max: 4 * 4 }) })
  .map(({ day, start, length }) => ({ day, from: start * 15, to: Math.min(start * 15 + length * 15, 24 * 60 - 15), text: '' }))
  .filter((r) => r.to > r.from)
  .map((r) => ({ ...r, text: `${r.day} ${hhmm(r.from)}-${hhmm(r.to)}` }));

describe('schedules', () => {
  it('every well-formed weekly rule is accepted, described in French, and its sessions fall on its day and hours', () => {
    fc.assert(
      fc.property(weeklyRule, fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (r, from) => {
        expect(openingHoursError(r.text)).toBeNull();
        const words = describeSchedule(r.text).join(' ');
        expect(words).not.toMatch(/\b(Mo|Tu|We|Th|Fr|Sa|Su)\b/);
        const sessions = nextSessions(r.text, from, 3);
        expect(sessions.length).toBe(3);
        for (const s of sessions) {
          expect((s.start.getDay() + 6) % 7).toBe(DAYS.indexOf(r.day));
          expect(s.start.getHours() * 60 + s.start.getMinutes()).toBe(r.from);
          expect(s.end.getTime() - s.start.getTime()).toBe((r.to - r.from) * 60_000);
          expect(s.end.getTime()).toBeGreaterThan(from.getTime()); // under way or to come
        }
        for (let i = 1; i < sessions.length; i++) expect(sessions[i]!.start.getTime()).toBeGreaterThan(sessions[i - 1]!.start.getTime());
      }),
      { numRuns: 150 },
    );
  });
  it('any text either parses or gets a French message that never quotes the parser’s marker', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const err = openingHoursError(s);
        if (err !== null) expect(err).not.toMatch(/<---|Unexpected|undefined/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it('a date exists exactly when the calendar has it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(isRealDate(iso)).toBe(d <= daysInMonth);
      }),
    );
  });
});

const point = fc.record({ lat: fc.double({ min: -89, max: 89, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) });
describe('distances', () => {
  it('are a metric: zero on itself, symmetric, triangle inequality, at most half the Earth', () => {
    fc.assert(
      fc.property(point, point, point, (a, b, c) => {
        expect(distanceKm(a, a)).toBeCloseTo(0, 6);
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 6);
        expect(distanceKm(a, c)).toBeLessThanOrEqual(distanceKm(a, b) + distanceKm(b, c) + 1e-6);
        expect(distanceKm(a, b)).toBeLessThanOrEqual(Math.PI * 6371.0088 + 1e-6);
      }),
    );
  });
  it('the fast « within km » test answers as the great-circle distance does, near the edge of the circle too', () => {
    // Points around a centre, many of them a hair inside or outside the circle, where the flat-earth shortcut could err;
    // latitudes from the overseas départements to far beyond the mainland's north.
    const around = fc
      .record({
        centre: fc.record({ lat: fc.double({ min: -60, max: 70, noNaN: true }), lon: fc.double({ min: -179, max: 179, noNaN: true }) }),
        km: fc.double({ min: 0.5, max: 300, noNaN: true }),
        bearing: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        ratio: fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), ...[1e-2, 1e-3, 1e-4, 1e-5].map((e) => fc.double({ min: 1 - e, max: 1 + e, noNaN: true }))),
      })
      .map(({ centre, km, bearing, ratio }) => {
        // The point at great-circle distance km × ratio in that direction (the « destination » formula).
        const r = Math.PI / 180;
        const d = (km * ratio) / 6371.0088;
        const φ1 = centre.lat * r;
        const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(bearing));
        const λ2 = centre.lon * r + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
        return { centre, km, p: { lat: φ2 / r, lon: λ2 / r } };
      });
    fc.assert(
      fc.property(around, ({ centre, km, p }) => {
        expect(withinKm(centre, km)(p)).toBe(distanceKm(centre, p) <= km);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  }, 600_000);
});

/** Small territories around the 47, communes and offers at random places. */
const near = fc.record({ lat: fc.double({ min: 43.5, max: 45.2, noNaN: true }), lon: fc.double({ min: -0.2, max: 1.2, noNaN: true }) });
const territory = fc.record({
  communes: fc.uniqueArray(fc.record({ code: fc.integer({ min: 47001, max: 47999 }).map(String), at: near, population: fc.integer({ min: 0, max: 50_000 }) }), {
    minLength: 1,
    maxLength: 25,
    selector: (c) => c.code,
  }),
  offers: fc.array(fc.record({ at: near, domicile: fc.boolean() }), { maxLength: 12 }),
  portee: fc.double({ min: 1, max: 40, noNaN: true }),
});
interface Territory {
  communes: { code: string; at: { lat: number; lon: number }; population: number }[];
  offers: { at: { lat: number; lon: number }; domicile: boolean }[];
  portee: number;
}
function coverage(t: Territory, keep = t.offers.length) {
  const communes: CoverageCommune[] = t.communes.map((c) => ({
    code: c.code,
    nom: c.code,
    ...c.at,
    population: c.population,
    pop65: Math.round(c.population / 4),
    pop80: Math.round(c.population / 10),
  }));
  const offers: CoverageOffer[] = t.offers.slice(0, keep).map((o, i) => ({
    id: `o${i}`,
    nom: `o${i}`,
    thematiques: ['t'],
    mode: o.domicile ? 'a_domicile' : 'sur_place',
    points: o.domicile ? [] : [o.at],
    communes: o.domicile ? [communes[i % communes.length]!.code] : [],
  }));
  return computeCoverage({ communes, themes: [{ id: 't', libelle: 't', portee_km: t.portee, distance_comble: false }], offers, teams: [] });
}

describe('coverage', () => {
  it('a commune is covered by proximity exactly when an on-site offer lies within reach; summaries add up', () => {
    fc.assert(
      fc.property(territory, (t) => {
        const res = coverage(t);
        const rows = res.rows[0]!;
        t.communes.forEach((c, i) => {
          const onSite = t.offers.filter((o) => !o.domicile).map((o) => distanceKm(c.at, o.at));
          const nearest = onSite.length ? Math.min(...onSite) : null;
          const row = rows[i]!;
          if (nearest === null) expect(row.distanceKm).toBeNull();
          else expect(row.distanceKm).toBeCloseTo(nearest, 3);
          if (nearest !== null && nearest < t.portee - 1e-6) expect(row.via).toContain('proximite');
          if (nearest === null || nearest > t.portee + 1e-6) expect(row.via).not.toContain('proximite');
          expect(row.couvert).toBe(row.via.length > 0);
        });
        const s = res.summaries[0]!;
        expect(s.communesCouvertes).toBe(rows.filter((r) => r.couvert).length);
        expect(s.populationCouverte).toBeLessThanOrEqual(s.population);
        expect(s.pop65Couverte).toBeLessThanOrEqual(s.pop65);
      }),
      { numRuns: 120 },
    );
  });
  it('adding an offer never uncovers a commune (monotony)', () => {
    fc.assert(
      fc.property(territory, (t) => {
        if (!t.offers.length) return;
        const before = coverage(t, t.offers.length - 1).rows[0]!;
        const after = coverage(t).rows[0]!;
        before.forEach((r, i) => {
          if (r.couvert) expect(after[i]!.couvert).toBe(true);
        });
      }),
      { numRuns: 120 },
    );
  });
});

describe('reading hostile text', () => {
  it('never throws on any text, and every record it returns has a line inside the file', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 300,
          unit: fc.constantFrom('-', ' ', '\t', ':', '"', "'", '[', ']', '{', '}', '&', '*', 'a', 'id', '\n', '#', 'é', '\u202e', '\0'),
        }),
        (text) => {
          const r = readYamlRecords('/nonexistent', 'offres.yaml', text);
          const lines = text.split(/\r?\n/).length;
          for (const rec of r.records) expect(rec.line).toBeGreaterThanOrEqual(1), expect(rec.line).toBeLessThanOrEqual(lines);
          for (const i of r.issues) expect(i.message).not.toMatch(/Unexpected|Map keys|Missing|at line/);
        },
      ),
      { numRuns: 400 },
    );
  });
  it('a record list survives any one broken record: the others are all read', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.nat(),
        fc.constantFrom('\tnom: x', '  nom: "x', '  nom: [x', '  nom: a\n  nom: b', '  : :'),
        (n, k, broken) => {
          const bad = k % n;
          const text = Array.from({ length: n }, (_, i) => `- id: r${i}\n${i === bad ? broken : `  nom: Enregistrement ${i}`}`).join('\n');
          const r = readYamlRecords('/nonexistent', 'offres.yaml', text);
          expect(r.records.length).toBe(n);
          expect(r.records.filter((x) => !x.unreadable).map((x) => (x.value as { id: string }).id)).toEqual(
            Array.from({ length: n }, (_, i) => `r${i}`).filter((_, i) => i !== bad),
          );
          expect(r.issues.length).toBe(1);
        },
      ),
    );
  });
  // Words as French writes them: an accented letter or sign next to plain letters. (Two or three such
  // characters in a row, « ê€œ », can be valid UTF-8 by chance: no detector can tell then.)
  it('UTF-8 text round-trips; the same text in Windows-1252 is converted back without garbling', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '-', ':', '\n', 'éa', 'èr', 'ête', 'àl', 'ço', 'ôt', 'œu', 'l’a', '€ ', '« ', ' »');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        expect(decodeText(new TextEncoder().encode(s)).text).toBe(s);
        const cp = Uint8Array.from(
          [...s].map(
            (ch) => ({ é: 0xe9, è: 0xe8, ê: 0xea, à: 0xe0, ç: 0xe7, ô: 0xf4, œ: 0x9c, '’': 0x92, '€': 0x80, '«': 0xab, '»': 0xbb })[ch] ?? ch.charCodeAt(0),
          ),
        );
        expect(decodeText(cp).text).toBe(s);
      }),
    );
  });
  it('no relative path accepted by the check resolves outside its folder', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', 'a', 'reference', '', '/', '\\', '..\\..', 'x.geojson'), { maxLength: 8 }), (parts) => {
        const rel = parts.join('/');
        const r = confinedPath('/srv/data', rel);
        if (pathProblem(rel) === null && 'abs' in r) expect(r.abs === '/srv/data' || r.abs.startsWith('/srv/data/')).toBe(true);
      }),
    );
  });
  it('a string is refused for hidden characters exactly when it holds a control or bidi-override character', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', 'ع', '\n', '\t', '\0', '\u0007', '\u202e', '\u2066', '\u200f') }), (s) => {
        expect(unsafeCharProblem(s) !== null).toBe(/[\0\u0007\u202e\u2066]/.test(s));
      }),
    );
  });
});

describe('typo search: the letter filter before the edit distance', () => {
  const word = fc.string({ unit: fc.constantFrom(...'aeilmnrstu'), minLength: 3, maxLength: 10 });
  // One or two slips of a typist: a swap, a missing, a doubled or a wrong letter.
  const slip = fc.record({ kind: fc.constantFrom('swap', 'drop', 'double', 'wrong'), at: fc.nat(), letter: fc.constantFrom(...'abcxyz') });
  const typo = (w: string, s: { kind: string; at: number; letter: string }) => {
    const i = s.at % w.length;
    if (s.kind === 'swap' && i + 1 < w.length) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (s.kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
    if (s.kind === 'double') return w.slice(0, i + 1) + w.slice(i);
    return w.slice(0, i) + s.letter + w.slice(i + 1);
  };
  it('never skips a word the edit distance would accept', () => {
    fc.assert(
      fc.property(word, fc.array(slip, { minLength: 1, maxLength: 2 }), (a, slips) => {
        const b = slips.reduce(typo, a);
        // Two slips on the same letters can be farther apart than two edits: the distance says how far.
        const d = editDistance(a, b, 2);
        if (d > 2) return;
        expect(bitCount(letterMask(a) & ~letterMask(b))).toBeLessThanOrEqual(d);
        expect(bitCount(letterMask(b) & ~letterMask(a))).toBeLessThanOrEqual(d);
      }),
      { numRuns: 5000 },
    );
  });
  it('counts bits like a loop does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (x) => {
        let n = 0;
        for (let i = 0; i < 32; i++) n += (x >>> i) & 1;
        expect(bitCount(x)).toBe(n);
      }),
    );
  });
});
