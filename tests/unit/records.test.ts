/** The per-commune lookups used by the commune pages agree with a plain scan of the data. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadDataset } from '../../src/lib/data/dataset';
import { distanceKm, formatDistance, Index } from '../../src/lib/records';

const ds = loadDataset(path.resolve('data')).dataset!;
const idx = new Index(ds);

describe('Index', () => {
  it('offersNear gives each on-site offer once, at its nearest point, nearest first', () => {
    for (const code of ['47195', '47001', '47052', '47323']) {
      const c = ds.communes.get(code)!;
      const brute = ds.offres
        .map((o) => ({ id: o.id, km: Math.min(...idx.offerPoints(o).map((p) => distanceKm(c.centre, p))) }))
        .filter((x) => x.km <= 20)
        .sort((a, b) => a.km - b.km);
      const got = idx.offersNear(c.centre, 20);
      expect(got.map((g) => g.offre.id).sort()).toEqual(brute.map((b) => b.id).sort());
      got.forEach((g, i) => {
        expect(g.km).toBeCloseTo(brute.find((b) => b.id === g.offre.id)!.km, 6);
        if (i) expect(g.km).toBeGreaterThanOrEqual(got[i - 1]!.km);
      });
      // A commune page builds only the nearest few and counts the rest.
      expect(idx.offersNear(c.centre, 20, 5)).toEqual(got.slice(0, 5));
      expect(idx.countOffersNear(c.centre, 20)).toBe(brute.length);
    }
  });
  it('lists home offers, teams and lieux by commune', () => {
    const code = '47195';
    expect(idx.homeOffersIn(code).map((o) => o.id)).toEqual(
      ds.offres.filter((o) => o.mode.type === 'a_domicile' && o.mode.communes.includes(code)).map((o) => o.id),
    );
    expect(idx.teamsIn(code).map((e) => e.id)).toEqual(ds.equipes.filter((e) => e.communes.includes(code)).map((e) => e.id));
    expect(idx.lieuxIn(code).map((l) => l.id)).toEqual(ds.lieux.filter((l) => l.commune === code).map((l) => l.id));
    const near = idx.lieuxNear(ds.communes.get(code)!.centre, 5);
    expect(near.every((n) => n.km <= 5)).toBe(true);
    expect(near.length).toBe(ds.lieux.filter((l) => distanceKm(ds.communes.get(code)!.centre, l.coordonnees) <= 5).length);
  });
  it('finds offers by porteur and by lieu', () => {
    const s = ds.structures[0]!;
    expect(idx.offersOfStructure(s.id)).toEqual(ds.offres.filter((o) => o.porteur === s.id));
    const withLieu = ds.offres.find((o) => o.mode.type === 'sur_place' && o.mode.lieu)!;
    const lieu = (withLieu.mode as { lieu: string }).lieu;
    expect(idx.offersAtLieu(lieu)).toContain(withLieu);
  });
});

describe('formatDistance', () => {
  it('speaks French', () => {
    expect(formatDistance(0.85)).toBe('850 m');
    expect(formatDistance(2.34)).toBe('2,3 km');
    expect(formatDistance(12.6)).toBe('13 km');
  });
});
