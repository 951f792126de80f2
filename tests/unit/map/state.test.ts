import { describe, expect, it } from 'vitest';
import { intersects, mapQuery, parseMapUrl, passes, showsDomicile } from '../../../src/browser/map/state';
import { MAP_LAYERS } from '../../../src/lib/map/data';

const none = { thematique: '', public: '', mode: '' };
const offer = { themes: ['numerique'], publics: ['seniors'], mode: 'sur_place' };
const lieu = { themes: [], publics: [], mode: 'lieu' };

describe('/carte/ filters', () => {
  it('narrow offers by need, public and mode', () => {
    expect(passes(offer, none)).toBe(true);
    expect(passes(offer, { ...none, thematique: 'numerique' })).toBe(true);
    expect(passes(offer, { ...none, thematique: 'mobilite' })).toBe(false);
    expect(passes(offer, { ...none, public: 'aidants' })).toBe(false);
    expect(passes({ ...offer, publics: ['tous'] }, { ...none, public: 'aidants' })).toBe(true);
    expect(passes(offer, { ...none, mode: 'a_domicile' })).toBe(false);
  });
  it('keep lieux, open to all, whatever the public, and hide them for a need or a mode they do not have', () => {
    expect(passes(lieu, { ...none, public: 'aidants' })).toBe(true);
    expect(passes(lieu, { ...none, thematique: 'numerique' })).toBe(false);
    expect(passes(lieu, { ...none, mode: 'sur_place' })).toBe(false);
  });
});

describe('/carte/ URL', () => {
  it('round-trips filters and layers, and leaves default layers out', () => {
    const on = new Set(MAP_LAYERS.filter((l) => l.parDefaut).map((l) => l.id));
    expect(mapQuery(none, on, MAP_LAYERS)).toBe('');
    const q = mapQuery({ ...none, thematique: 'numerique' }, new Set(['lieux', 'offres']), MAP_LAYERS);
    expect(q).toBe('?thematique=numerique&couches=lieux%2Coffres');
    const back = parseMapUrl(q);
    expect(back.filters).toEqual({ thematique: 'numerique' });
    expect([...back.layers!].sort()).toEqual(['lieux', 'offres']);
    expect(parseMapUrl('?voir=abc').voir).toBe('abc');
    expect(parseMapUrl('').layers).toBeNull();
  });
  it('switches the zones à domicile on when that mode is asked for', () => {
    expect(showsDomicile(parseMapUrl('?mode=a_domicile').filters)).toBe(true);
    expect(showsDomicile(parseMapUrl('?mode=sur_place').filters)).toBe(false);
  });
  it('tells whether an item is in view', () => {
    expect(intersects([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
    expect(intersects([0, 0, 1, 1], [1.5, 1.5, 2, 2])).toBe(false);
  });
});
