/**
 * `npm run build:basemap [-- <dossier de données>]`: generates the offline basemap of the territory
 * configured in data/territoire.yaml into public/generated/basemap.pmtiles (gitignored, served by the site).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { territoire as territoireSchema } from '../src/schemas';
import { buildBasemap, readBasemapInput, type BasemapResult } from '../src/lib/basemap/build';
import { cachedBytes, contentKey } from '../src/lib/build-cache';

const started = performance.now();
const dataDir = path.resolve(process.argv[2] ?? process.env.CARTE_DATA_DIR ?? 'data');
const out = path.resolve(process.env.BASEMAP_OUT ?? 'public/generated/basemap.pmtiles');
const res = territoireSchema.safeParse(parse(readFileSync(path.join(dataDir, 'territoire.yaml'), 'utf8')));
if (!res.success) {
  console.error(`territoire.yaml invalide : ${res.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
  process.exit(1);
}
const t = res.data;
const options = {
  maxZoom: Number(process.env.BASEMAP_MAXZOOM ?? 12),
  name: `Fond de carte ${t.nom}`,
  attribution: 'Limites : IGN Admin Express / geo.api.gouv.fr (Licence Ouverte) · Eau et lieux habités : Natural Earth (domaine public)',
};
// Content-keyed cache: the basemap depends only on the reference files, the options and the tiling
// code, not on offers or lieux; rebuilding after a change of data reuses it (src/lib/build-cache.ts).
const here = path.dirname(fileURLToPath(import.meta.url));
const code = ['../src/lib/basemap/build.ts', '../src/lib/pmtiles/writer.ts', 'build-basemap.ts'].map((f) => readFileSync(path.join(here, f), 'utf8'));
const files = Object.values(t.fichiers).flatMap((f) => {
  const p = path.join(dataDir, f);
  return existsSync(p) ? [f, readFileSync(p)] : [f];
});
const built: { result?: BasemapResult } = {};
// One cache entry per data folder (the pilot and the benches' territories do not evict each other).
const { bytes, hit } = cachedBytes(`basemap-${contentKey([dataDir]).slice(0, 8)}`, [...code, JSON.stringify(options), ...files], () => {
  built.result = buildBasemap(readBasemapInput(dataDir, t.fichiers), options);
  return built.result.bytes;
});
const result = built.result;
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, bytes);
const ms = Math.round(performance.now() - started);
if (hit || !result) {
  console.log(
    `Fond de carte ${t.nom} : ${path.relative(process.cwd(), out)}, ${(bytes.length / 1024).toFixed(0)} Kio, repris du cache (données de référence inchangées), ${ms} ms.`,
  );
} else {
  const { stats } = result;
  console.log(
    `Fond de carte ${t.nom} : ${path.relative(process.cwd(), out)}, ${(stats.bytes / 1024).toFixed(0)} Kio, zooms ${result.minZoom}–${result.maxZoom}, ` +
      `${stats.addressedTiles} tuiles (${stats.tileContents} contenus distincts, ${stats.tileEntries} entrées), ${ms} ms.`,
  );
  console.log(
    `Couches : ${Object.entries(result.layerCounts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  console.log(`Emprise pour un fond OpenStreetMap (pmtiles extract, voir README) : --bbox=${result.extent.map((v) => v.toFixed(2)).join(',')}`);
}
