/**
 * The first view of /carte/ without the map library: the overview drawn at build time, and the rule that decides
 * when the interactive map loads without being asked.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadDataset } from '../../../src/lib/data/dataset';
import { mapData } from '../../../src/lib/map/data';
import { communeShapeIndex, OVERVIEW_MAX_COMMUNES, overviewMap } from '../../../src/lib/map/static-map';
import { interactiveAtOnce } from '../../../src/browser/map/on-demand';

const ds = loadDataset(path.resolve('data')).dataset!;
const data = mapData(ds);
const points = data.points.features.map((f) => {
  const [lon, lat] = f.geometry.coordinates as [number, number];
  return { lon, lat, key: `${f.properties.kind === 'lieu' ? 'lieux' : 'offres'}:${f.properties.id}`, kind: f.properties.kind, theme: f.properties.theme };
});

describe('overview of /carte/', () => {
  const m = overviewMap(ds, communeShapeIndex(ds), points);

  it('marks every point of the map, inside the frame, keyed like the list entries', () => {
    expect(m.marks).toHaveLength(points.length);
    for (const [i, mark] of m.marks.entries()) {
      expect(mark.key).toBe(points[i]!.key);
      expect(mark.x).toBeGreaterThanOrEqual(0);
      expect(mark.x).toBeLessThanOrEqual(m.width);
      expect(mark.y).toBeGreaterThanOrEqual(0);
      expect(mark.y).toBeLessThanOrEqual(m.height);
    }
    const listKeys = new Set(data.items.filter((i) => i.layer === 'offres' || i.layer === 'lieux').map((i) => `${i.layer}:${i.id}`));
    expect(m.marks.every((mark) => listKeys.has(mark.key))).toBe(true);
  });

  it('draws the territory outline and every commune of a territory of ordinary size', () => {
    expect(ds.communeShapes.features.length).toBeLessThanOrEqual(OVERVIEW_MAX_COMMUNES);
    expect(m.area).toMatch(/^M/);
    expect(m.communes).toHaveLength(ds.communeShapes.features.length);
  });

  it('draws only the outline above OVERVIEW_MAX_COMMUNES communes (a national territory)', () => {
    const many = { ...ds, communeShapes: { ...ds.communeShapes, features: Array(OVERVIEW_MAX_COMMUNES + 1).fill(ds.communeShapes.features[0]) } };
    const big = overviewMap(many, communeShapeIndex(many), []);
    expect(big.communes).toEqual([]);
    expect(big.marks).toEqual([]);
    expect(big.area).toMatch(/^M/);
  });
});

describe('when the interactive map loads without being asked', () => {
  const base = { search: '', saveData: false, askedBefore: false };
  const computer = (q: string) => q.includes('min-width') && q.includes('pointer: fine');
  const phone = () => false;

  it('on a computer (wide screen, mouse), not on a phone', () => {
    expect(interactiveAtOnce({ ...base, matches: computer })).toBe(true);
    expect(interactiveAtOnce({ ...base, matches: phone })).toBe(false);
  });

  it('not when the browser asks to save data', () => {
    expect(interactiveAtOnce({ ...base, saveData: true, matches: computer })).toBe(false);
  });

  it('when the address asks for a place, or the person opened it before in this tab', () => {
    for (const search of ['?voir=marche-douce-nerac', '?centre=44.2,0.6&zoom=12', '?bbox=0.5,44.1,0.7,44.3'])
      expect(interactiveAtOnce({ ...base, search, matches: phone }), search).toBe(true);
    expect(interactiveAtOnce({ ...base, askedBefore: true, matches: phone })).toBe(true);
    // Filters alone are not a place.
    expect(interactiveAtOnce({ ...base, search: '?thematique=numerique', matches: phone })).toBe(false);
  });
});
