/**
 * Micro-bench of the coverage model (`npm run bench:micro`): a seeded synthetic territory of 2,000 communes, 10
 * needs, 5,000 offers and 100 équipes, so every run measures the same work. National scale: `npm run bench:coverage`.
 */
import { bench, describe } from 'vitest';
import { computeCoverage, type CoverageInput, type OfferMode } from '../../../src/lib/coverage/model';
import { mulberry32 } from '../../../src/lib/seeded-random';

const rand = mulberry32(8);
const communes = Array.from({ length: 2000 }, (_, i) => ({
  code: String(47000 + i),
  nom: `C${i}`,
  lat: 44 + rand(),
  lon: rand() * 1.5,
  population: Math.floor(rand() * 5000),
  pop65: 0,
  pop80: 0,
}));
const themes = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, libelle: `T${i}`, portee_km: 5 + i, distance_comble: i === 0 }));
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
const modes: OfferMode[] = ['sur_place', 'sur_place', 'sur_place', 'itinerant', 'a_domicile', 'a_distance'];
const input: CoverageInput = {
  communes,
  themes,
  offers: Array.from({ length: 5000 }, (_, i) => {
    const mode = pick(modes);
    const c = pick(communes);
    return {
      id: `o${i}`,
      nom: `O${i}`,
      thematiques: [pick(themes).id],
      mode,
      points: mode === 'sur_place' || mode === 'itinerant' ? [{ lat: c.lat, lon: c.lon }] : [],
      communes: mode === 'a_domicile' ? [c.code, pick(communes).code] : [],
    };
  }),
  teams: Array.from({ length: 100 }, (_, i) => ({
    id: `e${i}`,
    nom: `E${i}`,
    communes: Array.from({ length: 8 }, () => pick(communes).code),
    thematiques: ['t1', 't2'],
  })),
};

describe('coverage model', () => {
  bench('2,000 communes × 10 needs, 5,000 offers, 100 équipes', () => {
    computeCoverage(input);
  });
});
