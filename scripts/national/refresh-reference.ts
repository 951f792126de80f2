/**
 * Refreshes the national reference files shipped in data/national/ from their upstream copies
 * (see data/national/README.md). Run by hand when a source changes, never by the build:
 *
 *   npm run national:refresh -- /chemin/vers/shared/data
 *
 * Commune polygons: one GeoJSON per département (IGN Admin Express 2018, simplified) → one quantised
 * TopoJSON per département, gzip (shared borders stored once, integer deltas: about 4× smaller).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';

/** 1e6 steps over a département's extent (≈ 2–3 degrees): under half a metre, finer than the 5-decimal source. */
const QUANTIZATION = 1e6;

const src = path.resolve(process.argv[2] ?? '../shared/data');
const out = path.resolve('data/national');

const communesDir = path.join(src, 'france/communes-2018');
mkdirSync(path.join(out, 'communes-2018'), { recursive: true });
let total = 0;
for (const file of readdirSync(communesDir)
  .filter((f) => f.endsWith('.geojson.gz'))
  .sort()) {
  const dep = /^communes-([0-9AB]{2,3})-/.exec(file)?.[1];
  if (!dep) continue;
  const fc = JSON.parse(gunzipSync(readFileSync(path.join(communesDir, file))).toString('utf8')) as FeatureCollection;
  for (const f of fc.features) f.properties = { code: String(f.properties?.code), nom: String(f.properties?.nom) };
  const topo = topology({ communes: fc }, QUANTIZATION);
  const gz = gzipSync(JSON.stringify(topo), { level: 9 });
  writeFileSync(path.join(out, 'communes-2018', `${dep}.topojson.gz`), gz);
  total += gz.length;
}
console.log(`data/national/communes-2018/ : ${(total / 1e6).toFixed(1)} Mo`);

const copies: [string, string, boolean][] = [
  ['population/filosofi2021-ind-5km-france.csv.gz', 'filosofi2021-ind-5km-france.csv.gz', false],
  ['basemap/ne10m-rivers-europe-france-bbox.geojson', 'natural-earth/rivieres.geojson', false],
  ['basemap/ne10m-lakes-europe-france-bbox.geojson', 'natural-earth/lacs.geojson', false],
  ['basemap/ne10m-populated-places-france-bbox.geojson', 'natural-earth/lieux-habites.geojson', false],
  ['france/france-services-liste-20240801.csv', 'france-services-liste-20240801.csv.gz', true],
  ['france/bibliotheques-publiques-olp.csv', 'bibliotheques-publiques-olp.csv.gz', true],
];
mkdirSync(path.join(out, 'natural-earth'), { recursive: true });
for (const [from, to, gzip] of copies) {
  const dest = path.join(out, to);
  if (gzip) writeFileSync(dest, gzipSync(readFileSync(path.join(src, from)), { level: 9 }));
  else copyFileSync(path.join(src, from), dest);
  console.log(`data/national/${to}`);
}
