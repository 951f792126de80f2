/**
 * Builds the large synthetic territory of the browser test tests/browser-large/ (and of the bench):
 * N offers over a few départements, with its own basemap, into bench/out/large/ (git-ignored).
 * Rebuilt only when the generator's output or the site's code changed (a content key in a stamp file).
 *
 * Usage: tsx scripts/bench/large-site.ts [offres=6000] [départements=33,24,47,40]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from './generate';
import { writeDataDir } from './data-dir';
import { contentKey } from '../../src/lib/build-cache';

export const LARGE_DIR = path.resolve('bench/out/large');

/** Builds a synthetic site as `npm run build` does (basemap, then pages, calendars and Pagefind); returns the seconds taken. */
export function buildSyntheticSite(dataDir: string, dist: string, heapMb = 6144): { basemapS: number; astroS: number } {
  const basemap = path.join(path.dirname(dist), 'basemap.pmtiles');
  let t = performance.now();
  const b = spawnSync('npx', ['tsx', 'scripts/build-basemap.ts', dataDir], {
    env: { ...process.env, BASEMAP_OUT: basemap },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) throw new Error('fond de carte du territoire synthétique : échec');
  const basemapS = (performance.now() - t) / 1000;
  rmSync(dist, { recursive: true, force: true });
  t = performance.now();
  const a = spawnSync('npx', ['tsx', 'scripts/build-pages.ts', '--outDir', dist], {
    env: { ...process.env, CARTE_DATA_DIR: dataDir, CARTE_BUILD_NODE_OPTIONS: `--max-old-space-size=${heapMb}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (a.status !== 0) throw new Error('construction du site synthétique : échec');
  // The site serves the synthetic territory's basemap, not the pilot's copied from public/.
  copyFileSync(basemap, path.join(dist, 'generated/basemap.pmtiles'));
  return { basemapS, astroS: (performance.now() - t) / 1000 };
}

if (process.argv[1]?.endsWith('large-site.ts')) {
  const n = Number(process.argv[2] ?? 6000);
  const depts = (process.argv[3] ?? '33,24,47,40').split(',');
  const data = path.join(LARGE_DIR, 'data');
  const dist = path.join(LARGE_DIR, 'dist');
  rmSync(data, { recursive: true, force: true });
  writeDataDir(data, generate(n, 1, depts));
  // Rebuild only when the data or the code changed.
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['diff', 'HEAD', '--', 'src', 'scripts', 'public'], { encoding: 'utf8' }).stdout;
  const files = ['territoire.yaml', 'offres.yaml', 'lieux.yaml', 'structures.yaml', 'equipes.yaml'].map((f) => readFileSync(path.join(data, f)));
  const key = contentKey([git, dirty, ...files]);
  const stamp = path.join(LARGE_DIR, 'stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key && existsSync(path.join(dist, 'carte/index.html'))) {
    console.log(`Territoire synthétique (${n} offres, départements ${depts.join(', ')}) : déjà construit dans ${path.relative(process.cwd(), dist)}.`);
  } else {
    mkdirSync(LARGE_DIR, { recursive: true });
    const { basemapS, astroS } = buildSyntheticSite(data, dist);
    // Every page registers the service worker: without it the browser test sees a 404 in the console.
    const sw = spawnSync('npx', ['tsx', 'scripts/build-sw.ts', dist], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (sw.status !== 0) throw new Error('service worker du site synthétique : échec');
    writeFileSync(stamp, key);
    console.log(
      `Territoire synthétique (${n} offres, départements ${depts.join(', ')}) construit dans ${path.relative(process.cwd(), dist)} : fond de carte ${basemapS.toFixed(0)} s, Astro ${astroS.toFixed(0)} s.`,
    );
  }
}
