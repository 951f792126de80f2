/**
 * Area weighting of grid cells into communes, on squares near the equator.
 * On a sphere the area of a lon/lat rectangle is R² × Δlon × (sin lat2 − sin lat1): it is proportional to
 * the width in longitude, so half the width = exactly half the area; and for the band 0–0.05° vs 0–0.1°
 * the ratio is sin(0.05°)/sin(0.1°) = 0.4999996 ≈ 1/2.
 *
 *   lat 0.1 +-----------+-----------+
 *           |  cell L   |  cell R   |     L: 100 people, 30 aged 65–79, 10 aged 80+
 *           |     +-----|-----+-----|     R: 200 people, 40 aged 65–79, 20 aged 80+
 *           |     |  X  |     |     |
 *   lat 0.05|     |     |     +-----|     X = lon 0.05–0.15, lat 0–0.1: half of L + half of R
 *           |     |     |     |  Y  |     Y = lon 0.15–0.2,  lat 0–0.05: a quarter of R
 *   lat 0   +-----+-----+-----+-----+
 *          0.0   0.05  0.1  0.15   0.2          Z lies outside the grid.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { areaWeight, type GridCellProps } from '../../../src/lib/coverage/population';

function rect(x1: number, y1: number, x2: number, y2: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x1, y1],
        [x2, y1],
        [x2, y2],
        [x1, y2],
        [x1, y1],
      ],
    ],
  };
}
const grid: FeatureCollection<Polygon, GridCellProps> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ind: 100, ind_65_79: 30, ind_80p: 10 }, geometry: rect(0, 0, 0.1, 0.1) },
    { type: 'Feature', properties: { ind: 200, ind_65_79: 40, ind_80p: 20 }, geometry: rect(0.1, 0, 0.2, 0.1) },
  ],
};
const commune = (code: string, g: Polygon): Feature<Polygon> => ({ type: 'Feature', properties: { code }, geometry: g });

describe('areaWeight, by area only', () => {
  const w = areaWeight(
    [commune('X', rect(0.05, 0, 0.15, 0.1)), commune('Y', rect(0.15, 0, 0.2, 0.05)), commune('Z', rect(1, 1, 1.1, 1.1))],
    (f) => (f.properties as { code: string }).code,
    grid,
  );
  it('gives X half of each cell: 65+ = (30+10)/2 + (40+20)/2 = 50; 80+ = 10/2 + 20/2 = 15; all ages 150', () => {
    const x = w.get('X')!;
    expect(x.cells).toBe(2);
    expect(x.pop65).toBeCloseTo(50, 4);
    expect(x.pop80).toBeCloseTo(15, 4);
    expect(x.ind).toBeCloseTo(150, 4);
  });
  it('gives Y a quarter of R: 65+ = 60/4 = 15; 80+ = 20/4 = 5', () => {
    const y = w.get('Y')!;
    expect(y.cells).toBe(1);
    expect(y.pop65).toBeCloseTo(15, 3);
    expect(y.pop80).toBeCloseTo(5, 3);
  });
  it('gives a commune outside the grid nothing', () => {
    expect(w.get('Z')).toEqual({ ind: 0, pop65: 0, pop80: 0, cells: 0 });
  });
});

describe('areaWeight, dasymetric (split by census population density)', () => {
  // Cells L and R have the same area A. X covers 0.5 A of L and 0.5 A of R (area A); Y covers 0.25 A of R.
  // Census: X 100 people → density 100/A; Y 100 people on 0.25 A → density 400/A.
  // Cell L: only X meets it, on half its area → X gets half of L: 65+ 40 × 0.5 = 20, 80+ 10 × 0.5 = 5.
  // Cell R: 0.75 of it is inside; split X : Y = (0.5 A × 100/A) : (0.25 A × 400/A) = 50 : 100 = 1/3 : 2/3.
  //   65+ inside = 60 × 0.75 = 45 → X 15, Y 30;  80+ inside = 20 × 0.75 = 15 → X 5, Y 10.
  const pop: Record<string, number> = { X: 100, Y: 100, Z: 50 };
  const key = (f: Feature) => (f.properties as { code: string }).code;
  const w = areaWeight(
    [commune('X', rect(0.05, 0, 0.15, 0.1)), commune('Y', rect(0.15, 0, 0.2, 0.05)), commune('Z', rect(1, 1, 1.1, 1.1))],
    key,
    grid,
    (f) => pop[key(f)]!,
  );
  it('gives X 20 + 15 = 35 aged 65+ and 5 + 5 = 10 aged 80+', () => {
    expect(w.get('X')!.pop65).toBeCloseTo(35, 3);
    expect(w.get('X')!.pop80).toBeCloseTo(10, 3);
  });
  it('gives the denser Y 30 aged 65+ and 10 aged 80+ (area weighting alone gave it 15 and 5)', () => {
    expect(w.get('Y')!.pop65).toBeCloseTo(30, 3);
    expect(w.get('Y')!.pop80).toBeCloseTo(10, 3);
  });
  it('keeps the total of the parts inside: 40 × 0.5 + 60 × 0.75 = 65', () => {
    expect(w.get('X')!.pop65 + w.get('Y')!.pop65 + w.get('Z')!.pop65).toBeCloseTo(65, 3);
  });
});
