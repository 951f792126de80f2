import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { buildBasemap, labelSize, placeLabels, project, readBasemapInput, type BasemapInput } from '../../../src/lib/basemap/build';
import { territoire as territoireSchema } from '../../../src/schemas';
import { MemorySource } from '../helpers/memory-source';

const dataDir = path.resolve('data');
const terr = territoireSchema.parse(parse(readFileSync(path.join(dataDir, 'territoire.yaml'), 'utf8')));
const input = readBasemapInput(dataDir, terr.fichiers);

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n)];
}

async function decode(p: PMTiles, z: number, x: number, y: number): Promise<VectorTile | undefined> {
  const t = await p.getZxy(z, x, y);
  return t ? new VectorTile(new PbfReader(new Uint8Array(t.data))) : undefined;
}

describe('basemap of the configured territory', () => {
  const result = buildBasemap(input);
  const archive = new PMTiles(new MemorySource(result.bytes));

  it('is a PMTiles v3 vector archive covering the territory, with its layers declared', async () => {
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(1);
    expect([h.minZoom, h.maxZoom]).toEqual([6, 12]);
    const lons = input.communes.features.map((f) => f.properties.centre_lon!);
    const lats = input.communes.features.map((f) => f.properties.centre_lat!);
    expect(h.minLon).toBeLessThan(Math.min(...lons));
    expect(h.maxLon).toBeGreaterThan(Math.max(...lons));
    expect(h.minLat).toBeLessThan(Math.min(...lats));
    expect(h.maxLat).toBeGreaterThan(Math.max(...lats));
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers.map((l) => l.id).sort()).toEqual([
      'communes',
      'communes_noms',
      'eau_lignes',
      'eau_surfaces',
      'lieux_habites',
      'masque',
      'territoire',
    ]);
    // Identical tiles (inside a commune, outside the territory) are stored once.
    expect(result.stats.tileContents).toBeLessThan(result.stats.addressedTiles);
    expect(result.bytes.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('decodes a tile of the main town with its name, boundaries and no mask', async () => {
    const biggest = [...input.communes.features].sort((a, b) => b.properties.population - a.properties.population)[0]!.properties;
    const [x, y] = tileOf(biggest.centre_lon!, biggest.centre_lat!, 12);
    const tile = (await decode(archive, 12, x, y))!;
    const names = tile.layers.communes_noms!;
    const found = Array.from({ length: names.length }, (_, i) => names.feature(i).properties).find((p) => p.code === biggest.code);
    expect(found).toMatchObject({ nom: biggest.nom, rang: 1, zmin: 6 });
    expect(tile.layers.communes!.length).toBeGreaterThan(0);
    expect(tile.layers.masque).toBeUndefined();
  });

  it('dims the outside: a corner tile of the extent holds the mask and no commune', async () => {
    const h = await archive.getHeader();
    const [x, y] = tileOf(h.minLon + 0.01, h.minLat + 0.01, 9);
    const tile = (await decode(archive, 9, x, y))!;
    expect(tile.layers.masque!.length).toBeGreaterThan(0);
    expect(tile.layers.communes).toBeUndefined();
  });

  it('keeps fewer commune names at low zoom, most populated first, none overlapping', async () => {
    const [x, y] = tileOf(0.5, 44.3, 7);
    const low = (await decode(archive, 7, x, y))!.layers.communes_noms!;
    expect(low.length).toBeGreaterThan(3);
    expect(low.length).toBeLessThan(60);
    const cands = input.communes.features.map((f) => ({
      nom: f.properties.nom,
      population: f.properties.population,
      lon: f.properties.centre_lon!,
      lat: f.properties.centre_lat!,
    }));
    const zmin = placeLabels(cands, 6, 12);
    for (const z of [8, 10]) {
      const shown = cands.filter((_, i) => zmin[i]! <= z);
      const boxes = shown.map((c) => {
        const [px, py] = project(c.lon, c.lat, z);
        const hw = (c.nom.length * labelSize(c.population) * 0.56) / 2;
        return [px - hw, py - 8, px + hw, py + 8] as const;
      });
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          expect(a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1], `${shown[i]!.nom} / ${shown[j]!.nom} à z${z}`).toBe(false);
        }
    }
    expect(cands.filter((_, i) => zmin[i]! <= 8).length).toBeLessThan(cands.filter((_, i) => zmin[i]! <= 10).length);
  });
});

describe('basemap of another territory', () => {
  it('works from any config: two communes somewhere else, no water or places given', async () => {
    const sq = (x: number, y: number, code: string, nom: string, population: number): Feature<Polygon, { code: string; nom: string; population: number }> => ({
      type: 'Feature',
      properties: { code, nom, population },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [x, y],
            [x + 0.1, y],
            [x + 0.1, y + 0.1],
            [x, y + 0.1],
            [x, y],
          ],
        ],
      },
    });
    const communes: FeatureCollection<Polygon, { code: string; nom: string; population: number }> = {
      type: 'FeatureCollection',
      features: [sq(5, 45, '38001', 'Alpha', 900), sq(5.1, 45, '38002', 'Beta', 300)],
    };
    const contour: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5, 45],
            [5.2, 45],
            [5.2, 45.1],
            [5, 45.1],
            [5, 45],
          ],
        ],
      },
    };
    const res = buildBasemap({ contour, communes } as BasemapInput, { maxZoom: 10 });
    const p = new PMTiles(new MemorySource(res.bytes));
    const h = await p.getHeader();
    expect(h.minLon).toBeLessThan(5);
    expect(h.maxLon).toBeGreaterThan(5.2);
    const [x, y] = tileOf(5.05, 45.05, 10);
    const names = (await decode(p, 10, x, y))!.layers.communes_noms!;
    expect(names.feature(0).properties.nom).toBe('Alpha');
  });
});
