/**
 * Writes a synthetic territory (scripts/bench/generate.ts) as the site's data files, so the real build
 * can run on it: `CARTE_DATA_DIR=<dir> npm run build`.
 *
 * Usage: tsx scripts/bench/data-dir.ts <offres> <dossier> [départements, ex. 33,47]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { generate, type Synthetic } from './generate';

export function writeDataDir(dir: string, syn: Synthetic): void {
  const { ds } = syn;
  mkdirSync(path.join(dir, 'reference'), { recursive: true });
  // Square communes around the real centres: enough for coverage, areas and the basemap.
  const half = 0.004;
  const features = [...ds.communes.values()].map((c) => ({
    type: 'Feature',
    properties: { code: c.code, nom: c.nom, population: c.population, centre_lat: c.centre.lat, centre_lon: c.centre.lon },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [c.centre.lon - half, c.centre.lat - half],
          [c.centre.lon + half, c.centre.lat - half],
          [c.centre.lon + half, c.centre.lat + half],
          [c.centre.lon - half, c.centre.lat + half],
          [c.centre.lon - half, c.centre.lat - half],
        ],
      ],
    },
  }));
  writeFileSync(path.join(dir, 'reference/communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(path.join(dir, 'reference/contour.geojson'), JSON.stringify(ds.contour));
  writeFileSync(path.join(dir, 'territoire.yaml'), stringify({ ...ds.territoire }));
  for (const k of ['structures', 'lieux', 'offres', 'equipes'] as const) writeFileSync(path.join(dir, `${k}.yaml`), stringify(ds[k]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [n, dir, depts] = process.argv.slice(2);
  if (!n || !dir) throw new Error('usage : tsx scripts/bench/data-dir.ts <offres> <dossier> [départements]');
  writeDataDir(path.resolve(dir), generate(Number(n), 1, depts?.split(',')));
  console.log(`${n} offres écrites dans ${dir}`);
}
