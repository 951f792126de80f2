/**
 * `npm run bench`: search at scale. For synthetic territories of 10,000 and 100,000 offers spread over
 * France, measures
 *   - the search index build time and the size of what a browser downloads (manifest + shards, gzip),
 *   - in headless Chromium, on the real /recherche/ page of dist/ with the synthetic index served in
 *     place of the pilot's, the time from a keystroke (or a facet click) to rendered results, p50/p95,
 *   - the full site build time (Astro + Pagefind) on the synthetic data: 10k by default, 100k with --full.
 * Not part of `npm test`. Results: bench/out/results.json and a table on stdout.
 *
 * Usage: npm run bench [-- --sizes=10000,100000] [--full] [--no-site-build]
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generate } from './generate';
import { writeDataDir } from './data-dir';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { postalCodes } from '../../src/lib/search/national';

const args = process.argv.slice(2);
const arg = (k: string) => args.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const SIZES = (arg('sizes') ?? '10000,100000').split(',').map(Number);
const FULL = args.includes('--full');
const SITE_BUILD = !args.includes('--no-site-build');
const OUT = path.resolve('bench/out');
const PORT = Number(process.env.BENCH_PORT ?? 4431);
const QUERIES = ['atelier memoire', 'marche douce', 'cafe des aidnats', 'tablette', 'transport solidaire'];

const kb = (b: number) => `${(b / 1024).toFixed(1)} Ko`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function serve(roots: string[]): Promise<Server> {
  const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const clean = path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    for (const root of roots) {
      let f = path.join(root, clean);
      if (existsSync(f) && statSync(f).isDirectory()) f = path.join(f, 'index.html');
      if (existsSync(f)) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(f)] ?? 'application/octet-stream', 'content-length': statSync(f).size });
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
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
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
      console.log(`  ?ou=${city} : ${((await page.evaluate('window.__samples.length')) as number)} frappes mesurées`);
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

function siteBuild(n: number, syn: ReturnType<typeof generate>) {
  const dir = path.join(OUT, String(n));
  const data = path.join(dir, 'data');
  const dist = path.join(dir, 'dist');
  writeDataDir(data, syn);
  rmSync(dist, { recursive: true, force: true });
  const env = { ...process.env, CARTE_DATA_DIR: data, NODE_OPTIONS: `--max-old-space-size=${process.env.BENCH_HEAP_MB ?? 6144}` };
  const t0 = performance.now();
  const astro = spawnSync('npx', ['astro', 'build', '--outDir', dist], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 40 * 60_000 });
  const astroS = (performance.now() - t0) / 1000;
  if (astro.status !== 0) return { ok: false, astroS, error: String(astro.stderr).slice(-800) };
  const t1 = performance.now();
  const pf = spawnSync('npx', ['tsx', 'scripts/search/pagefind.ts', dist], { env, encoding: 'utf8', timeout: 20 * 60_000 });
  const pagefindS = (performance.now() - t1) / 1000;
  const pfSize = spawnSync('du', ['-sb', path.join(dist, 'pagefind')], { encoding: 'utf8' }).stdout.split('\t')[0];
  const pages = spawnSync('sh', ['-c', `find ${dist} -name index.html | wc -l`], { encoding: 'utf8' }).stdout.trim();
  return { ok: pf.status === 0, astroS, pagefindS, pages: Number(pages), pagefindBytes: Number(pfSize), log: pf.stdout.trim().split('\n').pop() };
}

async function main() {
  if (!existsSync('dist/recherche/index.html')) throw new Error('dist/ manque : lancer « npm run build » avant « npm run bench ».');
  mkdirSync(OUT, { recursive: true });
  const results: Record<string, unknown>[] = [];
  for (const n of SIZES) {
    console.log(`\n=== ${n.toLocaleString('fr-FR')} offres ===`);
    let t = performance.now();
    const syn = generate(n);
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
    console.log(`données générées en ${genS.toFixed(1)} s ; index construit en ${indexS.toFixed(1)} s : ${built.shards.size} fichiers, ${kb(total)} (gzip ${kb(totalGz)}), le plus gros ${kb(maxGz)} gzip ; manifeste ${kb(manifestJson.length)} (gzip ${kb(gzipSync(manifestJson).length)})`);
    // Places: the biggest city, a mid-size town, a village, all among the synthetic territory's communes.
    const byPop = [...syn.communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    const cities = [byPop[0]!, byPop[Math.floor(byPop.length * 0.05)]!, byPop[Math.floor(byPop.length * 0.7)]!].map((c) => c.code);
    const browser = await measureBrowser(dir, cities);
    console.log(`frappe → résultats affichés : p50 ${browser.p50.toFixed(1)} ms, p95 ${browser.p95.toFixed(1)} ms, max ${browser.max.toFixed(1)} ms (${browser.samples} mesures)`);
    for (const d of browser.downloads) console.log(`  téléchargé pour ?ou=${d.city} : ${d.files} fichiers JS/JSON, ${kb(d.bytes)} (gzip ${kb(d.gzip)})`);
    const row: Record<string, unknown> = { offres: n, lieux: syn.ds.lieux.length, equipes: syn.ds.equipes.length, communes: syn.ds.communes.size, genS, indexS, shards: built.shards.size, indexBytes: total, indexGzip: totalGz, maxShardGzip: maxGz, manifestBytes: manifestJson.length, browser };
    if (SITE_BUILD && (n <= 10_000 || FULL)) {
      console.log('construction complète du site (Astro + Pagefind)…');
      const site = siteBuild(n, syn);
      console.log(site.ok ? `site : ${site.pages} pages, Astro ${site.astroS.toFixed(0)} s, Pagefind ${site.pagefindS!.toFixed(0)} s, index Pagefind ${kb(site.pagefindBytes!)}` : `site : ÉCHEC après ${site.astroS.toFixed(0)} s\n${site.error}`);
      row.site = site;
    }
    results.push(row);
    writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  }
  console.log(`\nRésultats : ${path.relative(process.cwd(), path.join(OUT, 'results.json'))}`);
}

await main();
