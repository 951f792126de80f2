/**
 * /carte/points.pmtiles, /carte/equipes.pmtiles, /carte/domicile.pmtiles: the map's layers as vector
 * tiles, written only for a territory too large for /carte/donnees.json (see src/lib/map/tiles.ts).
 * Kept in the build cache, keyed by their content: unchanged data does not tile again.
 */
import { ofThisPart } from '../../lib/build-part';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site';
import { mapLabels } from '../../lib/map/data';
import { areasArchive, isTiled, pointsArchive, tileAreas, tilePoints, TILE_FILES, type FilterValues, type TileFile } from '../../lib/map/tiles';
import { cachedBytes } from '../../lib/build-cache';

export const getStaticPaths: GetStaticPaths = () => (isTiled(site().mapData()) ? ofThisPart([...TILE_FILES]).map((fichier) => ({ params: { fichier } })) : []);

/** The code that makes the tiles is part of the key: a new version of it tiles again. */
const code = readFileSync(fileURLToPath(import.meta.url));

export const GET: APIRoute = ({ params }) => {
  const name = params.fichier as TileFile;
  const data = site().mapData();
  const labels = mapLabels(site().ds);
  // The filters' values, as the page offers them: groups count the items each one lets through.
  const values: FilterValues = {
    thematique: labels.thematiques.map((t) => t.id),
    public: labels.publics.map((p) => p.id),
    mode: labels.modes.map((m) => m.id),
  };
  const input = name === 'points' ? tilePoints(data) : tileAreas(data, name);
  const json = JSON.stringify([input, values]);
  const { bytes } = cachedBytes(`carte-${name}`, [code, json], () =>
    name === 'points' ? pointsArchive(tilePoints(data), values) : areasArchive(name, tileAreas(data, name)),
  );
  return new Response(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, {
    headers: { 'content-type': 'application/vnd.pmtiles' },
  });
};
