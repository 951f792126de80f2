/**
 * Coverage model on a hand-made territory on the equator, where distances are easy to work out:
 * one degree of longitude = 2π × 6371.0088 km / 360 = 111.195 km, so 0.01° = 1.112 km.
 *
 *   lon:   0.00      0.05      0.10                0.19 0.20       0.30
 *          A ------- B ------- C ------------------ s1  D ---------- s2
 *          o1 (marche, sur place)                  o2 (marche, itinerant stops s1, s2)
 */
import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  haversineKm,
  uncoveredBySeniors,
  type CoverageCommune,
  type CoverageInput,
  type CoverageTheme,
} from '../../../src/lib/coverage/model';
import { coverageCsv } from '../../../src/lib/coverage/csv';
import { summarySentence, reachInWords, formatKm } from '../../../src/lib/coverage/words';

const KM_PER_DEG = (2 * Math.PI * 6371.0088) / 360; // 111.195 km

const communes: CoverageCommune[] = [
  { code: '99001', nom: 'Aval', lat: 0, lon: 0.0, population: 1000, pop65: 300, pop80: 100 },
  { code: '99002', nom: 'Bourg', lat: 0, lon: 0.05, population: 500, pop65: 200, pop80: 50 },
  { code: '99003', nom: 'Combe', lat: 0, lon: 0.1, population: 200, pop65: 120, pop80: 40 },
  { code: '99004', nom: 'Dune', lat: 0, lon: 0.2, population: 100, pop65: 60, pop80: 30 },
];
const themes: CoverageTheme[] = [
  { id: 'marche', libelle: 'Marche', portee_km: 5, distance_comble: false },
  { id: 'ecoute', libelle: 'Écoute', portee_km: 10, distance_comble: true },
  { id: 'visites', libelle: 'Visites', portee_km: 10, distance_comble: false },
];
const input: CoverageInput = {
  communes,
  themes,
  offers: [
    { id: 'o1', nom: 'Marche du mardi', thematiques: ['marche'], mode: 'sur_place', points: [{ lat: 0, lon: 0 }], communes: [] },
    {
      id: 'o2',
      nom: 'Bus santé',
      thematiques: ['marche'],
      mode: 'itinerant',
      points: [
        { lat: 0, lon: 0.19 },
        { lat: 0, lon: 0.3 },
      ],
      communes: [],
    },
    { id: 'o3', nom: 'Visites du CCAS', thematiques: ['visites'], mode: 'a_domicile', points: [], communes: ['99002'] },
    { id: 'o4', nom: "Ligne d'écoute", thematiques: ['ecoute'], mode: 'a_distance', points: [], communes: [] },
    // an à-distance offer for a thématique where distance does NOT fill the gap
    { id: 'o5', nom: 'Visio-visites', thematiques: ['visites'], mode: 'a_distance', points: [], communes: [] },
  ],
  teams: [{ id: 't1', nom: 'Équipe de Combe', communes: ['99003'], thematiques: ['visites'] }],
};
const res = computeCoverage(input);
const row = (theme: string, code: string) => res.rows[themes.findIndex((t) => t.id === theme)]![communes.findIndex((c) => c.code === code)]!;

describe('haversineKm', () => {
  it('gives 111.195 km per degree of longitude on the equator', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 3);
    expect(haversineKm(0, 0, 0, 0.05)).toBeCloseTo(5.56, 2); // 0.05 × 111.195
  });
});

describe('computeCoverage, thématique "marche" (reach 5 km, on-site offers only)', () => {
  it('A is covered: o1 is at its centre (0 km)', () => {
    expect(row('marche', '99001')).toMatchObject({ couvert: true, via: ['proximite'], nearestOffer: 'o1' });
    expect(row('marche', '99001').distanceKm).toBeCloseTo(0, 6);
  });
  it('B is not covered: o1 is 0.05° = 5.56 km away, more than 5 km', () => {
    expect(row('marche', '99002')).toMatchObject({ couvert: false, via: [], nearestOffer: 'o1' });
    expect(row('marche', '99002').distanceKm).toBeCloseTo(0.05 * KM_PER_DEG, 6);
  });
  it("C is not covered; its nearest point is o2's first stop: 0.09° = 10.01 km (o1 is 0.10° = 11.12 km)", () => {
    expect(row('marche', '99003')).toMatchObject({ couvert: false, nearestOffer: 'o2' });
    expect(row('marche', '99003').distanceKm).toBeCloseTo(0.09 * KM_PER_DEG, 6);
  });
  it("D is covered by o2's stop at 0.01° = 1.11 km", () => {
    expect(row('marche', '99004')).toMatchObject({ couvert: true, via: ['proximite'], nearestOffer: 'o2' });
    expect(row('marche', '99004').distanceKm).toBeCloseTo(1.112, 3);
  });
  it('sums people: covered A + D = 1000 + 100 = 1100 of 1800; seniors 300 + 60 = 360 of 680; 80+ 100 + 30 = 130 of 220', () => {
    expect(res.summaries[0]).toMatchObject({
      thematique: 'marche',
      communes: 4,
      communesCouvertes: 2,
      population: 1800,
      populationCouverte: 1100,
      pop65: 680,
      pop65Couverte: 360,
      pop80: 220,
      pop80Couverte: 130,
      distanceOffers: [],
    });
  });
  it('lists uncovered communes most seniors first: B (200) then C (120)', () => {
    expect(uncoveredBySeniors(communes, res.rows[0]!).map((x) => x.commune.code)).toEqual(['99002', '99003']);
  });
  it('says it in one sentence: 500 + 200 = 700 people, 200 + 120 = 320 seniors, 2 communes', () => {
    expect(summarySentence(themes[0]!, res.summaries[0]!)).toBe(
      "700 habitants, dont 320 de 65 ans et plus, vivent dans 2 communes à plus de 5 km à vol d'oiseau d'une offre « Marche » sur place, sans offre à domicile.",
    );
    expect(reachInWords(themes[0]!)).toBe("à moins de 5 km à vol d'oiseau");
  });
});

describe('computeCoverage, "ecoute": a phone line fills the gap because distance_comble is true', () => {
  it('covers every commune by distance, with no physical offer and so no distance', () => {
    for (const c of communes) expect(row('ecoute', c.code)).toMatchObject({ couvert: true, via: ['distance'], distanceKm: null, nearestOffer: null });
    expect(res.summaries[1]).toMatchObject({ communesCouvertes: 4, populationCouverte: 1800, distanceOffers: ['o4'] });
    expect(summarySentence(themes[1]!, res.summaries[1]!)).toBe(
      "Toutes les communes ont une offre « Écoute » à moins de 10 km à vol d'oiseau, à domicile ou à distance.",
    );
  });
});

describe('computeCoverage, "visites": at home only; the video call does not fill the gap', () => {
  it('B is covered by the à-domicile offer o3, C by the équipe t1, A and D are not', () => {
    expect(row('visites', '99002')).toMatchObject({ couvert: true, via: ['domicile'], homeOffers: ['o3'], teams: [] });
    expect(row('visites', '99003')).toMatchObject({ couvert: true, via: ['equipe'], homeOffers: [], teams: ['t1'] });
    expect(row('visites', '99001')).toMatchObject({ couvert: false, via: [], distanceKm: null });
    expect(row('visites', '99004').couvert).toBe(false);
    // o5 is listed apart, but covers nothing
    expect(res.summaries[2]).toMatchObject({ communesCouvertes: 2, populationCouverte: 700, pop65Couverte: 320, distanceOffers: ['o5'] });
  });
  it('orders the uncovered A (300 seniors) before D (60)', () => {
    expect(uncoveredBySeniors(communes, res.rows[2]!).map((x) => x.commune.nom)).toEqual(['Aval', 'Dune']);
  });
});

describe('CSV', () => {
  const csv = coverageCsv(communes, themes, res.rows);
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  it('has a header and one row per commune × thématique (4 × 3 = 12)', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The first eight columns are those of the first version; later ones are only added at the end.
    expect(lines[0]).toBe('code_insee;commune;thematique;couvert;distance_km;population;population_65_plus;population_80_plus;couvert_par;distance_lieu_km');
    expect(lines).toHaveLength(1 + 12);
  });
  it('writes distances with a decimal comma, empty when no physical offer exists', () => {
    expect(lines).toContain('99003;Combe;marche;non;10,0;200;120;40;;'); // 0.09 × 111.195 = 10.008 km
    expect(lines).toContain('99002;Bourg;marche;non;5,6;500;200;50;;'); // 5.560 km
    expect(lines).toContain('99001;Aval;visites;non;;1000;300;100;;');
    expect(lines).toContain('99001;Aval;marche;oui;0,0;1000;300;100;activite;');
    expect(formatKm(12.345)).toBe('12,3');
  });
});

describe('lieux open to all count toward coverage, apart from activities', () => {
  // A library at Combe (lon 0.10) mapped onto "marche" for the test; reach 5 km.
  const withLieu = computeCoverage({ ...input, lieux: [{ id: 'l1', nom: 'Médiathèque', lat: 0, lon: 0.1, thematiques: ['marche'] }] });
  const r = (code: string) => withLieu.rows[0]![communes.findIndex((c) => c.code === code)]!;
  it('covers a commune with no activity in reach, and says it is covered only by a lieu', () => {
    expect(r('99003')).toMatchObject({ couvert: true, via: ['lieu'], parActivite: false, nearestLieu: 'l1', lieuKm: 0 });
    expect(r('99002')).toMatchObject({ couvert: false, via: [], nearestLieu: 'l1' }); // 0.05° = 5.56 km from l1, beyond 5 km
  });
  it('keeps a commune covered by an activity as such, with the lieu as an extra way', () => {
    expect(r('99004')).toMatchObject({ couvert: true, parActivite: true });
    expect(withLieu.summaries[0]!.communesLieuSeulement).toBe(withLieu.rows[0]!.filter((x) => x.couvert && !x.parActivite).length);
  });
  it('writes couvert_par = lieu_seulement and the distance to the lieu in the CSV', () => {
    const csv = coverageCsv(communes, themes, withLieu.rows);
    expect(csv).toContain('99003;Combe;marche;oui;10,0;200;120;40;lieu_seulement;0,0');
  });
  it('leaves seniors empty in the CSV when they are not estimated (never 0)', () => {
    const csv = coverageCsv(communes, themes, res.rows, false);
    expect(csv).toContain('99003;Combe;marche;non;10,0;200;;;;');
  });
  it('does not count a lieu whose thématiques do not include the need', () => {
    const other = computeCoverage({ ...input, lieux: [{ id: 'l2', nom: 'France services', lat: 0, lon: 0.1, thematiques: ['visites'] }] });
    expect(other.rows[0]![2]).toMatchObject({ couvert: false, nearestLieu: null });
    expect(other.rows[2]![2]).toMatchObject({ couvert: true, parActivite: true }); // Combe: équipe t1, plus the lieu
  });
});
