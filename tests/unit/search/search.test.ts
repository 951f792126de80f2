import { describe, expect, it } from 'vitest';
import { buildSearchIndex, departement } from '../../../src/lib/search/build-index';
import { SearchEngine, byDistance, coversCommune, nearestPoint, type Place } from '../../../src/lib/search/engine';
import { compileFilter } from '../../../src/lib/search/facets';
import { emptyState, parseState, stateToQuery, parseCoords, type SearchState } from '../../../src/lib/search/state';
import { COMMUNES, fixtureDataset } from './fixture';

const TODAY = new Date('2026-11-23T00:00:00Z');
function engine() {
  const { manifest, shards } = buildSearchIndex(fixtureDataset(), { today: TODAY });
  const e = new SearchEngine(manifest.themes);
  for (const [id, s] of shards) e.addShard(id, JSON.parse(JSON.stringify(s)));
  return { e, manifest, shards };
}
const at = (c: { code: string; nom: string; centre: { lat: number; lon: number } }): Place => ({ ...c.centre, commune: c.code, label: c.nom });
const state = (p: Partial<SearchState>): SearchState => ({ ...emptyState(), ...p });
const ids = (hits: { rec: { id: string } }[]) => hits.map((h) => h.rec.id);

describe('index build', () => {
  it('puts records in one shard per département and à distance offers apart', () => {
    const { manifest, shards } = engine();
    expect(manifest.shards.map((s) => s.id)).toEqual(['47', 'a-distance']);
    expect(shards.get('a-distance')!.r.map((r) => r.id)).toEqual(['ligne-ecoute']);
    expect(departement('97411')).toBe('974');
    expect(departement('2A004')).toBe('2A');
  });
  it('stores words of the description so they can be found', () => {
    const { e } = engine();
    expect(ids([...e.match('canal')!.keys()].map((i) => ({ rec: e.records[i]! })))).toEqual(['marche-agen']);
  });
});

describe('distance sorting', () => {
  it('lists the nearest offers first with their distance from the chosen commune', () => {
    const { e } = engine();
    const r = e.search(state({ thematique: ['activite-physique'] }), at(COMMUNES.agen));
    expect(ids(r.near)).toEqual(['marche-agen', 'gym-boe', 'gym-marmande']);
    expect(r.near[0]!.km!).toBeLessThan(1.5);
    expect(r.near[2]!.km!).toBeGreaterThan(40);
    for (let i = 1; i < r.near.length; i++) expect(r.near[i]!.km!).toBeGreaterThanOrEqual(r.near[i - 1]!.km!);
  });
  it('reverses when the place changes', () => {
    const { e } = engine();
    const r = e.search(state({ thematique: ['activite-physique'] }), at(COMMUNES.marmande));
    expect(ids(r.near)).toEqual(['gym-marmande', 'marche-agen', 'gym-boe']);
  });
  it('uses the nearest stop of an itinerant offer and names it', () => {
    const { e } = engine();
    const bus = e.records.find((r) => r.id === 'bus-ecoute')!;
    expect(nearestPoint(bus, COMMUNES.boe.centre)!.at).toBe('Mairie, Boé');
    expect(nearestPoint(bus, COMMUNES.villeneuve.centre)!.at).toBe('Place du marché, Villeneuve-sur-Lot');
  });
  it('breaks distance ties by relevance', () => {
    const a = { rec: { n: 'A' }, km: 1, score: 1 } as never;
    const b = { rec: { n: 'B' }, km: 1, score: 3 } as never;
    expect([a, b].sort(byDistance)).toEqual([b, a]);
  });
});

describe('zone coverage', () => {
  it('shows home offers and équipes covering the chosen commune, not elsewhere', () => {
    const { e } = engine();
    const nerac = e.search(emptyState(), at(COMMUNES.nerac));
    expect(ids(nerac.home).sort()).toEqual(['equipe-nerac', 'portage-livres']);
    const agen = e.search(emptyState(), at(COMMUNES.agen));
    expect(ids(agen.home)).toEqual(['portage-livres']);
    const villeneuve = e.search(emptyState(), at(COMMUNES.villeneuve));
    expect(villeneuve.home).toEqual([]);
    expect(coversCommune(e.records.find((r) => r.id === 'equipe-nerac')!, '47195')).toBe(true);
  });
  it('keeps à distance offers in their own group wherever one is', () => {
    const { e } = engine();
    expect(ids(e.search(emptyState(), at(COMMUNES.villeneuve)).remote)).toEqual(['ligne-ecoute']);
  });
  it('lists every home offer when no place is chosen', () => {
    const { e } = engine();
    expect(ids(e.search(emptyState(), null).home).sort()).toEqual(['equipe-nerac', 'portage-livres']);
  });
});

describe('facets', () => {
  const { e, manifest } = engine();
  const pass = (s: Partial<SearchState>) =>
    e.records
      .filter(compileFilter(state(s), manifest.themes))
      .map((r) => r.id)
      .sort();
  it('thématiques: OR inside the facet, équipes through their activities', () => {
    expect(pass({ thematique: ['numerique'] })).toEqual(['atelier-numerique-nerac']);
    expect(pass({ thematique: ['numerique', 'visites-domicile'] })).toEqual(['atelier-numerique-nerac', 'equipe-nerac', 'portage-livres']);
  });
  it('AND across facets', () => {
    expect(pass({ thematique: ['activite-physique'], gratuit: true })).toEqual(['gym-marmande', 'marche-agen']);
    expect(pass({ thematique: ['activite-physique'], gratuit: true, libre: true })).toEqual(['marche-agen']);
  });
  it('PMR from the offer or from its lieu', () => {
    expect(pass({ pmr: true })).toEqual(['atelier-numerique-nerac', 'gym-boe', 'mediatheque-nerac']);
  });
  it('days, week-end and moments come from the schedules', () => {
    expect(pass({ jour: ['mardi'] })).toEqual(['ligne-ecoute', 'marche-agen']);
    expect(pass({ jour: ['week-end'] })).toEqual(['gym-marmande']);
    expect(pass({ jour: ['lundi'], moment: ['matin'] })).toEqual(['bus-ecoute', 'ligne-ecoute']);
    expect(pass({ moment: ['soir'] })).toEqual(['gym-boe']);
    expect(pass({ jour: ['mercredi'], moment: ['apres-midi'], type: ['lieux'] })).toEqual(['mediatheque-nerac']);
  });
  it('mode and publics', () => {
    expect(pass({ mode: ['itinerant', 'a_distance'] })).toEqual(['bus-ecoute', 'ligne-ecoute']);
    expect(pass({ mode: ['a_domicile'] })).toEqual(['equipe-nerac', 'portage-livres']);
    expect(pass({ public: ['aidants'] })).toEqual([]);
    expect(pass({ type: ['equipes'] })).toEqual(['equipe-nerac']);
  });
});

describe('words', () => {
  it('forgives accents and a typo, needs every word', () => {
    const { e } = engine();
    expect(ids(e.search(state({ q: 'equilibre' }), null).near)).toEqual(['gym-boe']);
    expect(ids(e.search(state({ q: 'tabelte' }), null).near)).toEqual(['atelier-numerique-nerac']);
    expect(ids(e.search(state({ q: 'gym douce' }), null).near)).toEqual(['gym-boe']);
    expect(e.search(state({ q: 'gym piscine' }), null).near).toEqual([]);
  });
  it('ranks a word in the name above the same word in the description', () => {
    const { e } = engine();
    const r = e.search(state({ q: 'livres' }), null);
    expect(ids(r.home)).toEqual(['portage-livres']);
    const s = e.match('bibliotheque')!;
    const best = [...s].sort((a, b) => b[1] - a[1]).map(([i]) => e.records[i]!.id);
    expect(best[0]).toBe('mediatheque-nerac');
  });
});

describe('URL state', () => {
  it('round-trips', () => {
    const s = state({ ou: '47001', q: 'marche', thematique: ['activite-physique', 'numerique'], gratuit: true, jour: ['week-end'] });
    const q = stateToQuery(s);
    expect(q).toBe('?ou=47001&q=marche&thematique=activite-physique&thematique=numerique&jour=week-end&gratuit=1');
    expect(parseState(q)).toEqual(s);
    expect(stateToQuery(emptyState())).toBe('');
  });
  it('reads coordinates', () => {
    expect(parseCoords('44.2,0.63')).toEqual({ lat: 44.2, lon: 0.63 });
    expect(parseCoords('47001')).toBeNull();
  });
});
