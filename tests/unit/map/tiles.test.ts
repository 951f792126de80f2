import { describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import {
  areasArchive,
  pointsArchive,
  RAW_ZOOM,
  TILE_MIN_ZOOM,
  POINTS_MAX_ZOOM,
  type FilterValues,
  type TileAreaProps,
  type TilePointProps,
} from '../../../src/lib/map/tiles';

const VALUES: FilterValues = { thematique: ['numerique', 'convivialite'], public: ['seniors', 'jeunes'], mode: ['sur_place', 'a_domicile'] };
import { mulberry32 } from '../../../src/lib/seeded-random';
import { MemorySource } from '../helpers/memory-source';

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n)];
}
async function features(p: PMTiles, name: string, z: number, lon: number, lat: number) {
  const [x, y] = tileOf(lon, lat, z);
  const t = await p.getZxy(z, x, y);
  if (!t) return [];
  const l = new VectorTile(new PbfReader(new Uint8Array(t.data))).layers[name];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)).map((f) => ({ properties: f.properties, lonLat: f.toGeoJSON(x, y, z).geometry })) : [];
}
async function layer(p: PMTiles, name: string, z: number, lon: number, lat: number) {
  return (await features(p, name, z, lon, lat)).map((f) => f.properties);
}

/** Random points over two regions of France (Bordeaux and Lyon areas). */
function points(n: number): FeatureCollection<Point, TilePointProps> {
  const rand = mulberry32(7);
  const features: Feature<Point, TilePointProps>[] = [];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = i % 2 ? [-0.58 + (rand() - 0.5) * 0.6, 44.84 + (rand() - 0.5) * 0.4] : [4.83 + (rand() - 0.5) * 0.6, 45.76 + (rand() - 0.5) * 0.4];
    features.push({
      type: 'Feature',
      properties: {
        id: `o${i}`,
        kind: 'offre',
        layer: 'offres',
        theme: i % 3 ? 'numerique' : 'convivialite',
        themes: i % 3 ? 'numerique' : 'convivialite',
        publics: 'seniors',
        mode: 'sur_place',
        nom: `Offre ${i}`,
        resume: 'Sur place · X',
      },
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

describe('map points in tiles', () => {
  const fc = points(5000);
  const archive = new PMTiles(new MemorySource(pointsArchive(fc, VALUES)));

  it('declares its zooms and bounds, so that MapLibre asks for tiles', async () => {
    const h = await archive.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual([TILE_MIN_ZOOM, POINTS_MAX_ZOOM]);
    expect(h.minLon).toBeLessThan(-0.8);
    expect(h.maxLon).toBeGreaterThan(5);
  });

  it('groups points with their count below the exact zoom, and the counts add up to every point', async () => {
    const z = 5;
    const bordeaux = await layer(archive, 'points', z, -0.58, 44.84);
    const lyon = await layer(archive, 'points', z, 4.83, 45.76);
    const groups = [...bordeaux, ...lyon].filter((p) => p.point_count);
    expect(groups.length).toBeGreaterThan(0);
    // Each tile also holds its neighbours' groups in its buffer: count the ones whose tile it is.
    const count = (ps: typeof bordeaux) => ps.reduce((s, p) => s + Number(p.point_count ?? 1), 0);
    expect(count(bordeaux)).toBeGreaterThanOrEqual(2500);
    expect(count(lyon)).toBeGreaterThanOrEqual(2500);
    expect(bordeaux.length + lyon.length).toBeLessThan(200);
  });

  it('counts in each group what each filter shows (a thématique, a public, a mode), not only everything', async () => {
    const ps = [...(await layer(archive, 'points', 5, -0.58, 44.84)), ...(await layer(archive, 'points', 5, 4.83, 45.76))];
    const groups = ps.filter((p) => p.point_count);
    for (const g of groups) {
      expect(g.n_offres).toBe(g.point_count);
      expect(g.n_lieux).toBeUndefined();
      expect(Number(g.n_offres_thematique_convivialite ?? 0) + Number(g.n_offres_thematique_numerique ?? 0)).toBe(g.point_count);
      expect(g.n_offres_public_seniors).toBe(g.point_count);
      expect(g.n_offres_public_jeunes).toBeUndefined();
      expect(g.n_offres_mode_a_domicile).toBeUndefined();
    }
    // A third of the points are « convivialité »: so are a third of what the groups count (tiles overlap a little).
    const conv = ps.reduce((s, p) => s + (p.point_count ? Number(p.n_offres_thematique_convivialite ?? 0) : p.themes === 'convivialite' ? 1 : 0), 0);
    const all = ps.reduce((s, p) => s + Number(p.point_count ?? 1), 0);
    expect(conv / all).toBeGreaterThan(0.3);
    expect(conv / all).toBeLessThan(0.37);
  });

  it('carries each exact point with what the list and popup show from the exact zoom', async () => {
    const ps = await layer(archive, 'points', RAW_ZOOM, -0.58, 44.84);
    expect(ps.some((p) => p.point_count)).toBe(false);
    expect(ps.length).toBeGreaterThan(50);
    const p = ps[0]!;
    expect(p).toMatchObject({ kind: 'offre', layer: 'offres', theme: 'numerique', mode: 'sur_place' });
    expect(String(p.nom)).toMatch(/^Offre \d+$/);
  });

  it('places groups and points where they are (tile coordinates in the tiles’ extent)', async () => {
    const byId = new Map(fc.features.map((f) => [f.properties.id, f.geometry.coordinates]));
    for (const f of await features(archive, 'points', RAW_ZOOM, -0.58, 44.84)) {
      const [lon, lat] = (f.lonLat as Point).coordinates;
      const [lon0, lat0] = byId.get(String(f.properties.id))!;
      expect(Math.abs(lon! - lon0!)).toBeLessThan(0.001);
      expect(Math.abs(lat! - lat0!)).toBeLessThan(0.001);
    }
    // Groups of the Bordeaux area lie in it, spread over it (not piled on a tile corner).
    const groups = (await features(archive, 'points', 8, -0.58, 44.84)).filter((f) => f.properties.point_count).map((f) => (f.lonLat as Point).coordinates);
    expect(groups.length).toBeGreaterThan(3);
    for (const [lon, lat] of groups) {
      expect(lon).toBeGreaterThan(-0.95);
      expect(lon).toBeLessThan(-0.2);
      expect(lat).toBeGreaterThan(44.6);
      expect(lat).toBeLessThan(45.1);
    }
    const lons = groups.map((g) => g[0]!);
    expect(Math.max(...lons) - Math.min(...lons)).toBeGreaterThan(0.2);
  });

  it('keeps the first view small: the tiles around a city at a regional zoom weigh a few KB', async () => {
    const [x, y] = tileOf(-0.58, 44.84, 7);
    const t = await archive.getZxy(7, x, y);
    expect(t!.data.byteLength).toBeLessThan(30_000);
  });
});

describe('map areas in tiles', () => {
  const square = (lon: number, lat: number, id: string): Feature<Polygon, TileAreaProps> => ({
    type: 'Feature',
    properties: { id, nom: `Équipe ${id}`, theme: 'visites', themes: 'visites', publics: 'seniors', mode: 'a_domicile', resume: 'Équipe citoyenne' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.2, lat],
          [lon + 0.2, lat + 0.2],
          [lon, lat + 0.2],
          [lon, lat],
        ],
      ],
    },
  });
  it('writes every area in the tiles it covers, with its id and name', async () => {
    const archive = new PMTiles(
      new MemorySource(areasArchive('equipes', { type: 'FeatureCollection', features: [square(0.5, 44.1, 'a'), square(4.8, 45.7, 'b')] })),
    );
    expect((await layer(archive, 'equipes', 8, 0.6, 44.2)).map((p) => p.id)).toEqual(['a']);
    expect((await layer(archive, 'equipes', 10, 4.9, 45.8)).map((p) => p.nom)).toEqual(['Équipe b']);
    // What the filters read travels with the area.
    expect(await layer(archive, 'equipes', 8, 0.6, 44.2)).toEqual([expect.objectContaining({ themes: 'visites', publics: 'seniors', mode: 'a_domicile' })]);
    expect(await layer(archive, 'equipes', 8, 2.35, 48.85)).toEqual([]);
  });
});
