import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nationalKey, nearestCommune, searchCommunes, toEntries, type CommuneRow } from '../../../src/lib/search/communes';
import { loadNational, nationalShards } from '../../../src/lib/search/national';

const local = toEntries(
  [
    ['47001', 'Agen', 44.201, 0.6302, '47000', 32193],
    ['47323', 'Villeneuve-sur-Lot', 44.4183, 0.7484, '47300', 22004],
    ['47195', 'Nérac', 44.1339, 0.347, '47600', 6937],
    ['47098', 'Fieux', 44.1397, 0.4264, '47600', 350],
    ['47238', 'Saint-Sylvestre-sur-Lot', 44.3967, 0.8092, '47140', 2300],
  ] as CommuneRow[],
  true,
);
const national = toEntries(loadNational('data/reference/communes-france.json'), false);
const all = [...local, ...national];
const first = (q: string) => searchCommunes(q, all)[0]?.entry;

describe('commune lookup', () => {
  it('finds names without accents or hyphens', () => {
    expect(first('villeneuve sur lot')?.code).toBe('47323');
    expect(first('nerac')?.code).toBe('47195');
    expect(first('agen')?.code).toBe('47001');
    expect(first('st sylvestre')?.code).toBe('47238');
  });
  it('puts territory communes before namesakes elsewhere', () => {
    const v = searchCommunes('villeneuve', all, 8);
    expect(v[0]!.entry.local).toBe(true);
    expect(v.length).toBe(8);
  });
  it('forgives a typo', () => {
    expect(first('vileneuve sur lot')?.code).toBe('47323');
    expect(first('marmnde')?.nom).toBe('Marmande');
  });
  it('reads postal codes and INSEE codes, including communes outside the territory', () => {
    expect(first('47000')?.code).toBe('47001');
    expect(
      searchCommunes('47600', all)
        .map((m) => m.entry.nom)
        .slice(0, 2),
    ).toEqual(['Nérac', 'Fieux']);
    expect(first('47001')?.code).toBe('47001');
    expect(first('33000')?.nom).toBe('Bordeaux');
    expect(searchCommunes('47300', all).map((m) => m.entry.nom)).toContain('Villeneuve-sur-Lot');
  });
  it('knows every commune of France with its centre', () => {
    expect(national.length).toBeGreaterThan(34000);
    const lyon = national.find((c) => c.code === '69123')!;
    expect(lyon.cps.length).toBeGreaterThan(5);
    expect(JSON.parse(readFileSync('data/reference/communes-france.json', 'utf8')).length).toBe(national.length);
  });
  it('gives the commune nearest to a position', () => {
    expect(nearestCommune({ lat: 44.135, lon: 0.35 }, local)?.code).toBe('47195');
    expect(nearestCommune({ lat: 48.85, lon: 2.35 }, local)).toBeUndefined();
  });
  it('splits the national list so that a query needs one file, which holds the answer', () => {
    const rows = loadNational('data/reference/communes-france.json');
    const shards = nationalShards(rows);
    for (const [q, nom] of [
      ['villeneuve sur lot', 'Villeneuve-sur-Lot'],
      ['st emilion', 'Saint-Émilion'],
      ['33000', 'Bordeaux'],
      ['2A004', 'Ajaccio'],
      ['69123', 'Lyon'],
    ]) {
      const key = nationalKey(q!)!;
      const entries = toEntries(shards.get(key)!, false);
      expect(
        searchCommunes(q!, entries, 3).map((m) => m.entry.nom),
        `${q} in ${key}`,
      ).toContain(nom);
    }
    const biggest = Math.max(...[...shards.values()].map((s) => JSON.stringify(s).length));
    expect(biggest).toBeLessThan(250_000);
  });
});
