import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { area, booleanPointInPolygon, featureCollection, truncate, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { loadDataset } from '../../../src/lib/data/dataset';
import { indexFor } from '../../../src/lib/records';
import { CommuneAreas, mapData } from '../../../src/lib/map/data';

const ds = loadDataset(path.resolve('data')).dataset!;
const idx = indexFor(ds);
const data = mapData(ds);

describe('map data', () => {
  it('has one list item per record with a place, and one point per place or stop', () => {
    const onSite = ds.offres.filter((o) => idx.offerPoints(o).length > 0);
    const home = ds.offres.filter((o) => o.mode.type === 'a_domicile');
    expect(data.items.filter((i) => i.layer === 'offres').length).toBe(onSite.length);
    expect(data.items.filter((i) => i.layer === 'domicile').length).toBe(home.length);
    expect(data.items.filter((i) => i.layer === 'lieux').length).toBe(ds.lieux.length);
    expect(data.items.filter((i) => i.layer === 'equipes').length).toBe(ds.equipes.length);
    const stops = onSite.reduce((n, o) => n + idx.offerPoints(o).length, 0);
    expect(data.points.features.length).toBe(stops + ds.lieux.length);
    // Offers at a distance are not on the map.
    const remote = ds.offres.filter((o) => o.mode.type === 'a_distance').map((o) => o.id);
    expect(data.items.some((i) => remote.includes(i.id))).toBe(false);
  });

  it("draws an itinerant offer's stops under one item whose extent holds them all", () => {
    const bus = ds.offres.find((o) => o.mode.type === 'itinerant')!;
    const item = data.items.find((i) => i.id === bus.id)!;
    const pts = data.points.features.filter((f) => f.properties.id === bus.id);
    expect(pts.length).toBe(idx.offerPoints(bus).length);
    for (const p of pts) {
      const [x, y] = p.geometry.coordinates as [number, number];
      expect(x >= item.bbox[0] && x <= item.bbox[2] && y >= item.bbox[1] && y <= item.bbox[3]).toBe(true);
    }
    expect(pts[0]!.properties.arret).toBeTruthy();
  });

  it('merges the communes of an équipe into one area that covers each of them', () => {
    for (const e of ds.equipes) {
      const f = data.equipes.features.find((x) => x.properties.id === e.id)!;
      for (const code of e.communes) {
        const c = ds.communes.get(code)!;
        expect(booleanPointInPolygon([c.centre.lon, c.centre.lat], f), `${e.id} / ${c.nom}`).toBe(true);
      }
      // Merged, not stacked: neighbouring communes leave fewer outer rings than communes.
      const rings = f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length;
      if (e.communes.length > 3) expect(rings).toBeLessThan(e.communes.length);
    }
    expect(new CommuneAreas(ds).of(['no-such-commune'])).toBeNull();
  });

  it('merges a set of communes into the same area as turf’s union (the fast union is checked against the reference)', () => {
    const areas = new CommuneAreas(ds);
    const shapes = new Map(ds.communeShapes.features.map((f) => [f.properties.code, f as Feature<Polygon | MultiPolygon>]));
    const sets = [...ds.equipes.map((e) => e.communes), ...ds.offres.flatMap((o) => (o.mode.type === 'a_domicile' ? [o.mode.communes] : []))].filter(
      (c) => c.length > 1,
    );
    expect(sets.length).toBeGreaterThan(5);
    for (const codes of sets) {
      const reference = truncate(union(featureCollection(codes.map((c) => shapes.get(c)!)))!, { precision: 4, coordinates: 2 });
      const merged = areas.of(codes)!;
      expect(Math.abs(area(merged) - area(reference)) / area(reference), codes.join(',')).toBeLessThan(1e-9);
      const rings = (f: Feature<Polygon | MultiPolygon>) => (f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length);
      expect(rings(merged)).toBe(rings(reference));
    }
  });
});
