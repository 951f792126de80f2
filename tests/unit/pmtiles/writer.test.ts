import { describe, expect, it } from 'vitest';
import { Compression, PMTiles, TileType } from 'pmtiles';
import { MemorySource } from '../helpers/memory-source';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTilesWriter } from '../../../src/lib/pmtiles/writer';
import { mulberry32 } from '../../../src/lib/seeded-random';

describe('PMTilesWriter', () => {
  it('writes a header, deduplicated and run-length encoded tiles the pmtiles reader reads back', async () => {
    const w = new PMTilesWriter({
      tileType: TileType.Png,
      minZoom: 0,
      maxZoom: 3,
      bounds: [-1.5, 43.5, 1.5, 45],
      center: [0.5, 44.3, 2],
      metadata: { name: 'essai' },
    });
    const a = Uint8Array.from([1, 2, 3]);
    const b = Uint8Array.from([9, 9]);
    w.addTile(0, 0, 0, a);
    // Every z2 tile identical (one content, runs), one z3 tile different.
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) w.addTile(2, x, y, b);
    w.addTile(3, 5, 6, Uint8Array.from([7]));
    const { bytes, stats } = w.finish();
    expect(stats.addressedTiles).toBe(18);
    expect(stats.tileContents).toBe(3);
    expect(stats.tileEntries).toBeLessThan(stats.addressedTiles); // runs merged
    const p = new PMTiles(new MemorySource(bytes));
    const h = await p.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 3]);
    expect(h.minLon).toBeCloseTo(-1.5, 6);
    expect(h.maxLat).toBeCloseTo(45, 6);
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([0.5, 44.3, 2]);
    expect(h.numAddressedTiles).toBe(18);
    expect(h.numTileContents).toBe(3);
    expect(await p.getMetadata()).toEqual({ name: 'essai' });
    expect(new Uint8Array((await p.getZxy(0, 0, 0))!.data)).toEqual(a);
    for (let x = 0; x < 4; x++) for (let y = 0; y < 4; y++) expect(new Uint8Array((await p.getZxy(2, x, y))!.data)).toEqual(b);
    expect(new Uint8Array((await p.getZxy(3, 5, 6))!.data)).toEqual(Uint8Array.from([7]));
    expect(await p.getZxy(3, 5, 7)).toBeUndefined();
    expect(await p.getZxy(1, 0, 0)).toBeUndefined();
  });

  it('moves entries to leaf directories when the root would not fit in the first 16 KiB', async () => {
    const r = mulberry32(42);
    const w = new PMTilesWriter({ tileType: TileType.Png, minZoom: 12, maxZoom: 12, bounds: [-5, 40, 10, 50] });
    const expected = new Map<string, Uint8Array>();
    while (expected.size < 12000) {
      const x = Math.floor(r() * 4096);
      const y = Math.floor(r() * 4096);
      const len = 1 + Math.floor(r() * 200);
      const data = Uint8Array.from({ length: len }, () => Math.floor(r() * 256));
      expected.set(`${x}/${y}`, data);
      w.addTile(12, x, y, data);
    }
    const { bytes } = w.finish();
    const view = new DataView(bytes.buffer);
    const rootLen = Number(view.getBigUint64(16, true));
    const leafLen = Number(view.getBigUint64(48, true));
    expect(127 + rootLen).toBeLessThanOrEqual(16384);
    expect(leafLen).toBeGreaterThan(0);
    const p = new PMTiles(new MemorySource(bytes));
    let checked = 0;
    for (const [k, data] of expected) {
      if (checked++ % 97) continue; // a sample across the leaves
      const [x, y] = k.split('/').map(Number) as [number, number];
      expect(new Uint8Array((await p.getZxy(12, x, y))!.data)).toEqual(data);
    }
  });

  it('gzips vector tiles that decode back to their features', async () => {
    const gj: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { nom: 'Agen', population: 32000 }, geometry: { type: 'Point', coordinates: [0.6167, 44.2033] } }],
    };
    const index = new GeoJSONVT(gj, { maxZoom: 8, indexMaxZoom: 8 });
    const w = new PMTilesWriter({ minZoom: 8, maxZoom: 8, bounds: [0, 44, 1, 45] });
    const x = Math.floor(((0.6167 + 180) / 360) * 256);
    const y = Math.floor(((1 - Math.asinh(Math.tan((44.2033 * Math.PI) / 180)) / Math.PI) / 2) * 256);
    expect([x, y]).toEqual([128, 92]);
    const t = index.getTile(8, x, y)!;
    w.addTile(8, x, y, fromGeojsonVt({ places: t }, { version: 2, extent: 4096 }));
    const p = new PMTiles(new MemorySource(w.finish().bytes));
    expect((await p.getHeader()).tileCompression).toBe(Compression.Gzip);
    const tile = new VectorTile(new PbfReader(new Uint8Array((await p.getZxy(8, x, y))!.data)));
    const f = tile.layers.places!.feature(0);
    expect(f.properties).toEqual({ nom: 'Agen', population: 32000 });
    const pt = f.toGeoJSON(x, y, 8).geometry as GeoJSON.Point;
    expect(pt.coordinates[0]).toBeCloseTo(0.6167, 3);
    expect(pt.coordinates[1]).toBeCloseTo(44.2033, 3);
  });

  it('refuses invalid zooms, bounds and tiles with a message that names them', () => {
    const ok = { minZoom: 6, maxZoom: 8, bounds: [0, 44, 1, 45] as [number, number, number, number] };
    expect(() => new PMTilesWriter({ ...ok, minZoom: 9 })).toThrow(/zooms invalides : 9–8/);
    expect(() => new PMTilesWriter({ ...ok, maxZoom: 40 })).toThrow(/zooms invalides/);
    expect(() => new PMTilesWriter({ ...ok, bounds: [1, 44, 0, 45] })).toThrow(/emprise invalide/);
    expect(() => new PMTilesWriter({ ...ok, bounds: [0, 44, 1, Number.NaN] })).toThrow(/emprise invalide/);
    const w = new PMTilesWriter(ok);
    expect(() => w.addTile(5, 0, 0, new Uint8Array([1]))).toThrow(/hors des zooms 6–8/);
    expect(() => w.addTile(6, 64, 0, new Uint8Array([1]))).toThrow(/hors de la grille du zoom 6 \(0 à 63\)/);
    expect(() => w.addTile(6, 1.5, 0, new Uint8Array([1]))).toThrow(/hors de la grille/);
    expect(() => w.addTile(6, 0, 0, new Uint8Array(0))).toThrow(/vide/);
    expect(w.size).toBe(0);
  });
});
