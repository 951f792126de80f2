/**
 * `npm run bench`: the site at national scale. For synthetic territories of 10,000 and 100,000 offers
 * spread over France, measures
 *   - the search index build time and the size of what a browser downloads (manifest + shards, gzip),
 *   - in headless Chromium, on the real /recherche/ page of dist/ with the synthetic index served in
 *     place of the pilot's, the time from a keystroke (or a facet click) to rendered results, p50/p95,
 *   - the full site build on the synthetic data (10k by default, 100k with --full), as `npm run build`: its
 *     basemap, then pages and Pagefind side by side (`scripts/build-pages.ts`: time, pages/s, peak V8 heap of
 *     one process and resident memory of all), the size of dist/, and on that site
 *     the first view of /carte/ and what /recherche/ downloads before its first results.
 * Not part of `npm test`. Results: bench/out/results.json and the README's table on stdout.
 *
 * Usage: npm run bench [-- --sizes=10000,100000] [--full] [--no-site-build] [--views-only]
 */
import { createServer, type Server } from 'node:http';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generate } from './generate';
import { writeDataDir } from './data-dir';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { postalCodes } from '../../src/lib/search/national';
import { wantedShards } from '../../src/browser/search/shards';

const args = process.argv.slice(2);
const arg = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const SIZES = (arg('sizes') ?? '10000,100000').split(',').map(Number);
const FULL = args.includes('--full');
const SITE_BUILD = !args.includes('--no-site-build');
/** Only the first views of sites already built by an earlier run (bench/out/<n>/dist). */
const VIEWS_ONLY = args.includes('--views-only');
const OUT = path.resolve('bench/out');
const PORT = Number(process.env.BENCH_PORT ?? 4431);
const QUERIES = ['atelier memoire', 'marche douce', 'cafe des aidnats', 'tablette', 'transport solidaire'];

const kb = (b: number) => `${(b / 1024).toFixed(1)} Ko`;
const mb = (b: number | undefined) => (b === undefined ? '?' : `${(b / 1024 / 1024).toFixed(0)} Mo`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function serve(roots: string[]): Promise<Server> {
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.wasm': 'application/wasm',
    '.pmtiles': 'application/octet-stream',
  };
  const server = createServer((req, res) => {
    const clean = path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    for (const root of roots) {
      let f = path.join(root, clean);
      if (existsSync(f) && statSync(f).isDirectory()) f = path.join(f, 'index.html');
      if (existsSync(f)) {
        const type = TYPES[path.extname(f)] ?? 'application/octet-stream';
        const size = statSync(f).size;
        // PMTiles (the map) reads byte ranges.
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
        if (range) {
          const start = Number(range[1]);
          const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
          res.writeHead(206, { 'content-type': type, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
          createReadStream(f, { start, end }).pipe(res);
          return;
        }
        res.writeHead(200, { 'content-type': type, 'content-length': size });
        createReadStream(f).pipe(res);
        return;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((r) => server.listen(PORT, '127.0.0.1', () => r(server)));
}

/** Times from keydown / pointerdown to the page's "recherche:rendu" event plus a layout flush. */
async function instrument(page: Page) {
  // A string, not a function: tsx would add helpers the page does not have.
  await page.evaluate(`(() => {
    window.__t0 = 0;
    window.__n = 0;
    window.__samples = [];
    document.addEventListener('recherche:rendu', () => window.__n++);
    const start = () => (window.__t0 = performance.now());
    document.addEventListener('keydown', start, true);
    document.addEventListener('pointerdown', start, true);
    document.addEventListener('recherche:rendu', () => {
      if (!window.__t0) return;
      void document.body.offsetHeight; // layout of the new results
      window.__samples.push(performance.now() - window.__t0);
      window.__t0 = 0;
    });
  })()`);
}

async function measureBrowser(dir: string, cities: string[]) {
  const server = await serve([dir, path.resolve('dist')]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const samples: number[] = [];
  const downloads: { city: string; files: number; bytes: number; gzip: number }[] = [];
  try {
    for (const city of cities) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on('response', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/recherche/') || u.pathname.startsWith('/_astro/')) fetched.add(u.pathname);
      });
      await page.goto(`http://127.0.0.1:${PORT}/recherche/?ou=${city}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('html[data-recherche="prete"]', { timeout: 60_000 });
      // The farther pieces of the index arrive after the first results: measure keystrokes once they are in.
      await page.waitForSelector('html[data-recherche-index="complet"]', { timeout: 60_000 });
      await instrument(page);
      const q = page.locator('#q');
      for (const query of QUERIES) {
        await q.fill('');
        for (const ch of query) {
          const before = (await page.evaluate('window.__n')) as number;
          await page.keyboard.press(ch === ' ' ? 'Space' : ch);
          await page.waitForFunction(`window.__n > ${before}`, undefined, { timeout: 10_000 });
        }
      }
      await q.fill('');
      console.log(`  ?ou=${city} : ${(await page.evaluate('window.__samples.length')) as number} frappes mesurées`);
      for (const label of ['Numérique', 'Soutien aux aidants', 'Activité physique adaptée', 'Numérique']) {
        const before = (await page.evaluate('window.__n')) as number;
        await page.locator(`#recherche .chips label:has-text("${label}") input`).click();
        await page.waitForFunction(`window.__n > ${before}`, undefined, { timeout: 10_000 });
      }
      samples.push(...((await page.evaluate('window.__samples')) as number[]));
      let bytes = 0;
      let gzip = 0;
      for (const p of fetched) {
        if (p.endsWith('.css') || p.endsWith('.woff2') || p.endsWith('.woff')) continue;
        const f = [dir, path.resolve('dist')].map((r) => path.join(r, p)).find((x) => existsSync(x) && statSync(x).isFile());
        if (!f) continue;
        const buf = readFileSync(f);
        bytes += buf.length;
        gzip += gzipSync(buf, { level: 9 }).length;
      }
      downloads.push({ city, files: fetched.size, bytes, gzip });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { samples: samples.length, p50: pct(samples, 50), p95: pct(samples, 95), max: Math.max(...samples), downloads };
}

interface SiteBuild {
  ok: boolean;
  error?: string;
  basemapS?: number;
  /** Pages and full-text index, built side by side (`npm run build:pages`): the build's wall time. */
  buildS: number;
  /** How many Astro processes rendered the pages, and the index's own time (inside buildS). */
  parts?: number;
  pagefindS?: number;
  pages?: number;
  heapBytes?: number;
  maxRssBytes?: number;
  distBytes?: number;
  pagefindBytes?: number;
}

/** The real build on the synthetic data, as `npm run build` does it: its basemap, then pages and index. */
function siteBuild(n: number, syn: ReturnType<typeof generate>): SiteBuild {
  const dir = path.join(OUT, String(n));
  const data = path.join(dir, 'data');
  const dist = path.join(dir, 'dist');
  const memFile = path.join(dir, 'memory.json');
  writeDataDir(data, syn);
  rmSync(dist, { recursive: true, force: true });
  rmSync(memFile, { force: true });
  const basemap = path.join(dir, 'basemap.pmtiles');
  let t = performance.now();
  spawnSync('npx', ['tsx', 'scripts/build-basemap.ts', data], { env: { ...process.env, BASEMAP_OUT: basemap }, stdio: 'ignore' });
  const basemapS = (performance.now() - t) / 1000;
  const env = {
    ...process.env,
    CARTE_DATA_DIR: data,
    BENCH_MEMORY_FILE: memFile,
    CARTE_BUILD_NODE_OPTIONS: `--max-old-space-size=${process.env.BENCH_HEAP_MB ?? 4096} --import ./scripts/bench/peak-memory.mjs`,
  };
  t = performance.now();
  const build = spawnSync('npx', ['tsx', 'scripts/build-pages.ts', '--outDir', dist], { env, encoding: 'utf8', maxBuffer: 1024 ** 3, timeout: 60 * 60_000 });
  const buildS = (performance.now() - t) / 1000;
  // The build's own log (each route's start, per part), to see where the time went.
  writeFileSync(path.join(dir, 'build.log'), `${build.stdout}\n${build.stderr}`);
  if (build.status !== 0) return { ok: false, buildS, basemapS, error: String(build.stderr).slice(-800) };
  if (existsSync(basemap)) copyFileSync(basemap, path.join(dist, 'generated/basemap.pmtiles'));
  const du = (p: string) => Number(spawnSync('du', ['-sb', p], { encoding: 'utf8' }).stdout.split('\t')[0]);
  const pages = Number(spawnSync('sh', ['-c', `find ${dist} -name index.html | wc -l`], { encoding: 'utf8' }).stdout.trim());
  const mem = existsSync(memFile) ? (JSON.parse(readFileSync(memFile, 'utf8')) as { heapBytes: number; maxRssBytes: number; parts: number }) : undefined;
  const pagefind = /\[pagefind\] \d+ fiches indexées en ([\d.]+) s/.exec(build.stdout);
  return {
    ok: true,
    basemapS,
    buildS,
    parts: mem?.parts,
    pagefindS: pagefind ? Number(pagefind[1]) : undefined,
    pages,
    heapBytes: mem?.heapBytes,
    maxRssBytes: mem?.maxRssBytes,
    distBytes: du(dist),
    pagefindBytes: du(path.join(dist, 'pagefind')),
  };
}

/** Bytes a gzip-serving host would send for a response: text compressed, binary (tiles, fonts) as is. */
function wireBytes(body: Buffer, type: string): number {
  return /text|javascript|json|svg/.test(type) ? gzipSync(body, { level: 6 }).length : body.length;
}

/**
 * First views on the built synthetic site: /carte/ until the map is ready and the network idle, and
 * /recherche/?ou=<city> until the first results (performance mark of the page).
 */
async function firstViews(dist: string, city: string): Promise<{ carte: number; carteRequests: number; recherche: number }> {
  const server = await serve([dist]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const measure = async (url: string, until: (p: Page) => Promise<unknown>) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (r) =>
        sizes.push(r.response().then(async (res) => (res ? wireBytes(await res.body().catch(() => Buffer.alloc(0)), res.headers()['content-type'] ?? '') : 0))),
      );
      await page.goto(`http://127.0.0.1:${PORT}${url}`);
      await until(page);
      const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      const n = sizes.length;
      await context.close();
      return { total, n };
    };
    // A computer's first view (1280 × 900, a mouse): the interactive map loads at once, with its tiles. A phone
    // gets the overview drawn at build time and MapLibre only when asked (src/browser/map/on-demand.ts).
    const carte = await measure('/carte/', async (p) => {
      await p.waitForSelector('#carte-app[data-interactive=true]', { timeout: 180_000 });
      await p.waitForLoadState('networkidle');
    });
    // Search: what arrived before the first results (resources that ended before the page's mark).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/recherche/?ou=${city}`);
    await page.waitForSelector('html[data-recherche="prete"]', { timeout: 120_000 });
    const before = (await page.evaluate(`(() => {
      const mark = performance.getEntriesByName('recherche:premiers-resultats')[0];
      return performance.getEntriesByType('resource').filter((r) => !mark || r.responseEnd <= mark.startTime).map((r) => new URL(r.name).pathname);
    })()`)) as string[];
    await context.close();
    let recherche = wireBytes(readFileSync(path.join(dist, 'recherche/index.html')), 'text/html');
    for (const p of before) {
      const f = path.join(dist, p);
      if (existsSync(f) && statSync(f).isFile()) recherche += wireBytes(readFileSync(f), /\.(js|json|css|svg)$/.test(p) ? 'text' : 'bin');
    }
    return { carte: carte.total, carteRequests: carte.n, recherche };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The table of the README (« Passage à l'échelle »): one column per size. */
function printTable(results: Record<string, unknown>[]) {
  type Row = {
    firstIndex: number[];
    offres: number;
    site?: SiteBuild;
    firstViews?: { carte: number; recherche: number };
    browser: { p50: number; p95: number; downloads: { gzip: number }[] };
  };
  const rows = results as unknown as Row[];
  const fmt = (r: Row, f: (r: Row) => string | undefined) => f(r) ?? '—';
  const lines: [string, (r: Row) => string | undefined][] = [
    [
      'construction (pages et index Pagefind côte à côte)',
      (r) =>
        r.site?.ok
          ? `${r.site.buildS.toFixed(0)} s (${r.site.parts ?? '?'} processus Astro ; Pagefind ${r.site.pagefindS?.toFixed(0) ?? '?'} s à côté)`
          : r.site
            ? 'échec'
            : undefined,
    ],
    ['pages, pages/s', (r) => (r.site?.ok ? `${r.site.pages!.toLocaleString('fr-FR')} p., ${(r.site.pages! / r.site.buildS).toFixed(0)} p/s` : undefined)],
    ['tas Node max d’un processus / mémoire résidente des processus', (r) => (r.site?.ok ? `${mb(r.site.heapBytes)} / ${mb(r.site.maxRssBytes)}` : undefined)],
    ['taille de dist/', (r) => (r.site?.ok ? mb(r.site.distBytes) : undefined)],
    ['première vue /carte/ (gzip)', (r) => (r.firstViews ? kb(r.firstViews.carte) : undefined)],
    ['/recherche/ jusqu’aux premiers résultats (gzip)', (r) => (r.firstViews ? kb(r.firstViews.recherche) : undefined)],
    ['index avant les premiers résultats, max (gzip)', (r) => kb(Math.max(...r.firstIndex))],
    ['index téléchargé pour un lieu en tout, max (gzip)', (r) => kb(Math.max(...r.browser.downloads.map((d) => d.gzip)))],
    ['frappe → résultats p50 / p95', (r) => `${r.browser.p50.toFixed(1)} / ${r.browser.p95.toFixed(1)} ms`],
  ];
  console.log(`\n| | ${rows.map((r) => `${r.offres.toLocaleString('fr-FR')} offres`).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---').join('|')}|`);
  for (const [label, f] of lines) console.log(`| ${label} | ${rows.map((r) => fmt(r, f)).join(' | ')} |`);
}

/** Places measured: the biggest city, a mid-size town, a village, all among the synthetic territory's communes. */
function benchPlaces(syn: ReturnType<typeof generate>): string[] {
  const byPop = [...syn.communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  return [byPop[0]!, byPop[Math.floor(byPop.length * 0.05)]!, byPop[Math.floor(byPop.length * 0.7)]!].map((c) => c.code);
}

async function main() {
  if (!existsSync('dist/recherche/index.html')) throw new Error('dist/ manque : lancer « npm run build » avant « npm run bench ».');
  mkdirSync(OUT, { recursive: true });
  const results: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    console.log(`\n=== ${n.toLocaleString('fr-FR')} offres ===`);
    let t = performance.now();
    const syn = generate(n);
    if (VIEWS_ONLY) {
      const biggest = benchPlaces(syn)[0]!;
      const views = await firstViews(path.join(OUT, String(n), 'dist'), biggest);
      console.log(`première vue : /carte/ ${kb(views.carte)} (${views.carteRequests} requêtes), /recherche/?ou=${biggest} ${kb(views.recherche)}`);
      continue;
    }
    const genS = (performance.now() - t) / 1000;
    t = performance.now();
    const built = buildSearchIndex(syn.ds, { postalCodes: postalCodes() });
    const indexS = (performance.now() - t) / 1000;
    const dir = path.join(OUT, String(n), 'site');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'recherche/idx'), { recursive: true });
    const manifestJson = JSON.stringify(built.manifest);
    writeFileSync(path.join(dir, 'recherche/index.json'), manifestJson);
    let total = 0;
    let totalGz = 0;
    let maxGz = 0;
    for (const [id, shard] of built.shards) {
      const s = JSON.stringify(shard);
      writeFileSync(path.join(dir, `recherche/idx/${id}.json`), s);
      const gz = gzipSync(s, { level: 9 }).length;
      total += s.length;
      totalGz += gz;
      maxGz = Math.max(maxGz, gz);
    }
    console.log(
      `données générées en ${genS.toFixed(1)} s ; index construit en ${indexS.toFixed(1)} s : ${built.shards.size} fichiers, ${kb(total)} (gzip ${kb(totalGz)}), le plus gros ${kb(maxGz)} gzip ; manifeste ${kb(manifestJson.length)} (gzip ${kb(gzipSync(manifestJson).length)})`,
    );
    const cities = benchPlaces(syn);
    // The index part of what /recherche/ downloads before its first results (the page's own JS comes on top).
    const firstIndex = cities.map((code) => {
      const c = syn.communes.find((x) => x.code === code)!;
      const { first } = wantedShards(built.manifest, { lat: c.lat, lon: c.lon, commune: code, label: c.nom });
      return (
        gzipSync(manifestJson, { level: 9 }).length + first.reduce((s, sh) => s + gzipSync(JSON.stringify(built.shards.get(sh.id)), { level: 9 }).length, 0)
      );
    });
    console.log(
      `index avant les premiers résultats (manifeste + morceaux les plus proches, gzip) : ${cities.map((c, i) => `?ou=${c} ${kb(firstIndex[i]!)}`).join(', ')}`,
    );
    const browser = await measureBrowser(dir, cities);
    console.log(
      `frappe → résultats affichés : p50 ${browser.p50.toFixed(1)} ms, p95 ${browser.p95.toFixed(1)} ms, max ${browser.max.toFixed(1)} ms (${browser.samples} mesures)`,
    );
    for (const d of browser.downloads) console.log(`  téléchargé pour ?ou=${d.city} : ${d.files} fichiers JS/JSON, ${kb(d.bytes)} (gzip ${kb(d.gzip)})`);
    const row: Record<string, unknown> = {
      firstIndex,
      offres: n,
      lieux: syn.ds.lieux.length,
      equipes: syn.ds.equipes.length,
      communes: syn.ds.communes.size,
      genS,
      indexS,
      shards: built.shards.size,
      indexBytes: total,
      indexGzip: totalGz,
      maxShardGzip: maxGz,
      manifestBytes: manifestJson.length,
      browser,
    };
    if (SITE_BUILD && (n <= 10_000 || FULL)) {
      console.log('construction complète du site (fond de carte + Astro + Pagefind)…');
      const site = siteBuild(n, syn);
      row.site = site;
      if (site.ok) {
        console.log(
          `site : ${site.pages} pages en ${site.buildS.toFixed(0)} s (${(site.pages! / site.buildS).toFixed(0)} pages/s ; ${site.parts} processus Astro, Pagefind ${site.pagefindS?.toFixed(0)} s à côté) ; tas max d'un processus ${mb(site.heapBytes)}, mémoire résidente des processus ${mb(site.maxRssBytes)} ; dist ${mb(site.distBytes)} (Pagefind ${mb(site.pagefindBytes)}) ; fond de carte ${site.basemapS!.toFixed(0)} s`,
        );
        const views = await firstViews(path.join(OUT, String(n), 'dist'), cities[0]!);
        row.firstViews = views;
        console.log(
          `première vue : /carte/ ${kb(views.carte)} (${views.carteRequests} requêtes), /recherche/?ou=${cities[0]} jusqu'aux premiers résultats ${kb(views.recherche)} (gzip pour le texte)`,
        );
      } else console.log(`site : ÉCHEC après ${site.buildS.toFixed(0)} s\n${site.error}`);
    }
    results.push(row);
    writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  }
  if (VIEWS_ONLY) return;
  printTable(results);
  console.log(`\nRésultats : ${path.relative(process.cwd(), path.join(OUT, 'results.json'))}`);
}

await main();
