/**
 * The territory generator's logic on real national data: which communes a code names (département, EPCI,
 * INSEE codes including former ones), and 2018 polygons merged into today's communes.
 */
import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import { loadCog, loadCommunesTopology } from '../../src/lib/territory/national';
import { selectTerritory, departementsOf } from '../../src/lib/territory/select';
import { mergeToCurrent, topologyOfFile } from '../../src/lib/territory/polygons';
import { clipGrid } from '../../src/lib/territory/grid';
import { feature } from 'topojson-client';

const cog = loadCog();

describe('selectTerritory', () => {
  it('a département: every current commune of the official list, communes déléguées excluded', () => {
    const s = selectTerritory(['01'], cog);
    expect(s.niveau).toBe('departement');
    expect(s.nom).toBe('Ain');
    expect(s.communes).toHaveLength([...cog.communes.values()].filter((c) => c.departement === '01').length);
    expect(s.communes).toContain('01015'); // Arboys en Bugey (current)
    expect(s.communes).not.toContain('01340'); // Saint-Bois, commune déléguée of 01015
  });
  it('an EPCI by SIREN: its member communes', () => {
    const s = selectTerritory(['200000172'], cog);
    expect(s.niveau).toBe('epci');
    expect(s.nom).toBe('CC Faucigny - Glières');
    expect(s.communes).toContain('74042');
  });
  it('a list of INSEE codes: a former code is mapped to its current commune and said so; an unknown one is reported', () => {
    const s = selectTerritory(['01340,47001', '99999'], cog);
    expect(s.niveau).toBe('communes');
    expect(s.communes).toEqual(['01015', '47001']);
    expect(s.notes.join()).toMatch(/01340 fait aujourd’hui partie de la commune 01015/);
    expect(s.unknown).toEqual(['99999']);
  });
  it('refuses what is no code, in French', () => {
    expect(() => selectTerritory(['Agen'], cog)).toThrow(/non reconnu/);
    expect(() => selectTerritory(['123456789'], cog)).toThrow(/aucun EPCI/);
  });
});

describe('mergeToCurrent', () => {
  it('merges the 2018 polygons of communes merged since into one polygon per current commune, area kept', () => {
    const topo = loadCommunesTopology('data/national', '01')!;
    const s = selectTerritory(['01'], cog);
    const m = mergeToCurrent([topo], new Set(s.communes), cog.currentOf);
    expect(m.merged).toBeGreaterThan(0);
    expect(m.communes.size).toBe(s.communes.length);
    // 01033 Valserhône (2019) = 2018 polygons 01033 + 01091 + 01205: the merged area is their sum.
    const parts = (feature(topo, topo.objects.communes as never) as unknown as { features: { properties: { code: string } }[] }).features.filter((f) =>
      ['01033', '01091', '01205'].includes(f.properties.code),
    );
    expect(parts).toHaveLength(3);
    const sum = parts.reduce((a, f) => a + area(f as never), 0);
    expect(area(m.communes.get('01033')!) / sum).toBeCloseTo(1, 3);
    expect(m.communes.has('01091')).toBe(false);
    expect(departementsOf(['01033'], cog)).toEqual(['01']);
  });
});

describe('a polygon file supplied by the user', () => {
  it('reads INSEE codes from IGN Admin Express properties (INSEE_COM) and merges a former commune into today’s', () => {
    const square = (x: number, code: string) => ({
      type: 'Feature' as const,
      properties: { INSEE_COM: code },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [x, 46],
            [x + 0.1, 46],
            [x + 0.1, 46.1],
            [x, 46.1],
            [x, 46],
          ],
        ],
      },
    });
    const fc = { type: 'FeatureCollection' as const, features: [square(5, '01033'), square(5.1, '01091'), square(5.2, '01004')] };
    const m = mergeToCurrent([topologyOfFile(fc)], new Set(['01033', '01004']), cog.currentOf);
    expect([...m.communes.keys()].sort()).toEqual(['01004', '01033']);
    expect(m.merged).toBe(1);
    // The two squares of Valserhône share an edge: merged, they make one polygon of twice the area.
    expect(m.communes.get('01033')!.coordinates).toHaveLength(1);
    expect(area(m.communes.get('01033')!) / area(fc.features[0]!)).toBeCloseTo(2, 2);
    expect(m.contour.type === 'MultiPolygon' ? m.contour.coordinates : [m.contour.coordinates]).toHaveLength(1);
  });
});

describe('clipGrid', () => {
  it('keeps the cells that overlap the contour, with their share inside', () => {
    const contour = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [0.6, 44.18],
            [0.66, 44.18],
            [0.66, 44.22],
            [0.6, 44.22],
            [0.6, 44.18],
          ],
        ],
      },
    };
    const rows = [
      { cell_id: 'in', x_laea: '3570000', y_laea: '2390000', lon: '0.63', lat: '44.20', ind: '100', ind_65_79: '10', ind_80p: '5' },
      { cell_id: 'far', x_laea: '3900000', y_laea: '2800000', lon: '4.0', lat: '48.0', ind: '100', ind_65_79: '10', ind_80p: '5' },
    ];
    const out = clipGrid(rows, contour);
    expect(out.features.map((f) => f.properties!.cell_id)).toEqual(['in']);
    const share = out.features[0]!.properties!.part_territoire as number;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
