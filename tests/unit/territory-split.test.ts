/**
 * Communes with no polygon of their own (re-created after the polygons were made) get a share of the polygon
 * that holds their centre: the shares tile the parent exactly and the territory's outline is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import { splitBetween } from '../../src/lib/territory/split';
import { mergeToCurrent, topologyOfFile } from '../../src/lib/territory/polygons';
import { loadCentres, loadCog, loadCommunesTopology } from '../../src/lib/territory/national';
import { selectTerritory } from '../../src/lib/territory/select';

type Area = Polygon | MultiPolygon;
const f = (geometry: Area): Feature<Area> => ({ type: 'Feature', properties: {}, geometry });
const square = (x0: number, y0: number, side: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + side, y0],
      [x0 + side, y0 + side],
      [x0, y0 + side],
      [x0, y0],
    ],
  ],
});

/** Pieces tile the parent: areas add up, no two overlap, and together they cover all of it. */
function expectTiles(parent: Area, pieces: Area[]) {
  const total = area(f(parent));
  expect(pieces.reduce((s, p) => s + area(f(p)), 0) / total).toBeCloseTo(1, 6);
  for (let i = 0; i < pieces.length; i++)
    for (let j = i + 1; j < pieces.length; j++) {
      const overlap = intersect(featureCollection([f(pieces[i]!), f(pieces[j]!)]));
      expect(overlap ? area(overlap) / total : 0).toBeLessThan(1e-6);
    }
  const all = pieces.length > 1 ? union(featureCollection(pieces.map(f)))! : f(pieces[0]!);
  const gap = difference(featureCollection([f(parent), all as Feature<Area>]));
  expect(gap ? area(gap) / total : 0).toBeLessThan(1e-6);
}

describe('splitBetween', () => {
  const parent = square(2, 45, 0.2);
  it('splits a square between three centres: each gets the part nearest to it, the parts tile the square', () => {
    const seeds = [
      { code: '90001', lon: 2.05, lat: 45.05 },
      { code: '90002', lon: 2.15, lat: 45.05 },
      { code: '90003', lon: 2.1, lat: 45.17 },
    ];
    const pieces = splitBetween(parent, seeds);
    expect([...pieces.keys()].sort()).toEqual(['90001', '90002', '90003']);
    for (const s of seeds) expect(booleanPointInPolygon([s.lon, s.lat], pieces.get(s.code)!)).toBe(true);
    expectTiles(parent, [...pieces.values()]);
    // Two centres symmetric about the vertical middle line: the two lower pieces have the same area.
    expect(area(pieces.get('90001')!) / area(pieces.get('90002')!)).toBeCloseTo(1, 3);
  });
  it('two centres halve the square; one centre keeps it whole', () => {
    const two = splitBetween(parent, [
      { code: 'a', lon: 2.05, lat: 45.1 },
      { code: 'b', lon: 2.15, lat: 45.1 },
    ]);
    expect(area(two.get('a')!) / area(f(parent))).toBeCloseTo(0.5, 4);
    expectTiles(parent, [...two.values()]);
    const one = splitBetween(parent, [{ code: 'a', lon: 2.1, lat: 45.1 }]);
    expect(area(one.get('a')!) / area(f(parent))).toBeCloseTo(1, 9);
  });
});

describe('mergeToCurrent with communes that have no polygon of their own', () => {
  const fc = {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, properties: { code: '90001' }, geometry: square(2, 45, 0.2) },
      { type: 'Feature' as const, properties: { code: '90002' }, geometry: square(2.2, 45, 0.2) },
    ],
  };
  const centres = new Map([
    ['90001', { lon: 2.05, lat: 45.1 }],
    ['90002', { lon: 2.3, lat: 45.1 }],
    ['90003', { lon: 2.15, lat: 45.1 }], // re-created inside 90001
    ['90009', { lon: 9, lat: 40 }], // in no polygon
  ]);
  const known = new Set(['90001', '90002', '90003', '90009']);
  const currentOf = (c: string) => (known.has(c) ? c : undefined);
  const topo = topologyOfFile(fc);
  // The parent as read from the (quantised) topology, which is what gets split.
  const parent = merge(topo, [(topo.objects.communes as unknown as { geometries: never[] }).geometries[0]!]);
  it('shares the parent between its commune and the re-created one, marks both, keeps the outline', () => {
    const selected = new Set(['90001', '90002', '90003', '90009']);
    const m = mergeToCurrent([topo], selected, currentOf, { candidates: known, centreOf: (c) => centres.get(c) });
    expect([...m.approximated.keys()].sort()).toEqual(['90001', '90003']);
    expect(m.approximated.get('90003')).toEqual({ parent: '90001', shared: ['90001', '90003'] });
    expect(m.unplaced).toEqual(['90009']);
    expectTiles(parent, [m.communes.get('90001')!, m.communes.get('90003')!]);
    expect(area(m.communes.get('90001')!) / area(f(square(2, 45, 0.2)))).toBeCloseTo(0.5, 4);
    // Outline: the two squares, one polygon, unchanged in area.
    expect(area(f(m.contour)) / (2 * area(f(square(2, 45, 0.2))))).toBeCloseTo(1, 6);
    expect(m.contour.type === 'MultiPolygon' ? m.contour.coordinates : [m.contour.coordinates]).toHaveLength(1);
  });
  it('a territory holding only the re-created commune gets its share alone, as its outline', () => {
    const m = mergeToCurrent([topo], new Set(['90003']), currentOf, { candidates: known, centreOf: (c) => centres.get(c) });
    expect([...m.communes.keys()]).toEqual(['90003']);
    expect(area(f(m.contour)) / area(f(square(2, 45, 0.2)))).toBeCloseTo(0.5, 4);
  });
});

describe('a real case: Cantal (15), Neussargues-Moissac undone in 2024', { timeout: 60_000 }, () => {
  it('every current commune gets a polygon; the 2018 polygon of 15141 is tiled by its five current communes; the outline is unchanged', () => {
    const cog = loadCog();
    const centres = loadCentres('data/reference/communes-france.json');
    const topo = loadCommunesTopology('data/national', '15')!;
    const s = selectTerritory(['15'], cog);
    const m = mergeToCurrent([topo], new Set(s.communes), cog.currentOf, { candidates: s.communes, centreOf: (c) => centres.get(c) });
    expect(s.communes.filter((c) => !m.communes.get(c)?.coordinates.length)).toEqual([]);
    const shared = ['15031', '15035', '15047', '15141', '15171'];
    expect([...m.approximated.keys()].sort()).toEqual(shared);
    const parent = (feature(topo, topo.objects.communes as never) as unknown as { features: Feature<Area, { code: string }>[] }).features.find(
      (x) => x.properties.code === '15141',
    )!;
    expectTiles(
      parent.geometry,
      shared.map((c) => m.communes.get(c)!),
    );
    const outline = merge(topo, (topo.objects.communes as unknown as { geometries: never[] }).geometries);
    expect(area(f(m.contour)) / area(f(outline))).toBeCloseTo(1, 6);
  });
});
