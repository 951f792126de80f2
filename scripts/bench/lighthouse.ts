/**
 * `npm run bench:lighthouse` (part of `npm run bench`, not of `npm test`): Lighthouse, mobile emulation
 * (Moto G Power, simulated slow 4G and 4× CPU slowdown: Lighthouse's default), with Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium) on the BUILT site (`npm run build` first), served locally:
 * nothing is fetched from outside. Reports, per page: performance score, LCP, TBT, CLS and the JavaScript
 * fetched before any interaction (gzip), against the budget of issue #11:
 * performance ≥ 95 (≥ 85 on /carte/), JavaScript < 40 KB gzip on pages without a map.
 * Exit code 1 when a budget is missed.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { loadDataset } from '../../src/lib/data/dataset';
import { PORT, startServer } from '../../tests/browser/server';

const ds = loadDataset(path.resolve(process.env.CARTE_DATA_DIR ?? 'data')).dataset;
if (!ds) throw new Error('données invalides : lancer npm run check-data');
const offre = ds.offres.find((o) => o.mode.type === 'sur_place') ?? ds.offres[0];
const commune = [...ds.communes.values()].sort((a, b) => b.population - a.population)[0]!;
const PAGES: { label: string; url: string; map?: boolean }[] = [
  { label: 'accueil', url: '/' },
  ...(offre ? [{ label: 'fiche d’activité', url: `/offres/${offre.id}/` }] : []),
  { label: 'page de commune', url: `/communes/${commune.code}/` },
  { label: 'recherche', url: `/recherche/?ou=${commune.code}` },
  { label: 'carte', url: '/carte/', map: true },
];

const server = await startServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const rows: string[] = [];
const benchmarks: number[] = [];
let failed = false;
try {
  for (const p of PAGES) {
    const url = `http://127.0.0.1:${PORT}${p.url}`;
    const res = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!res) throw new Error(`Lighthouse n'a rien rendu pour ${url}`);
    const { lhr } = res;
    // Lighthouse's measure of this machine's CPU speed (a mid-range 2024 laptop scores ~1500–2500): a busy
    // machine makes TBT and the score look far worse than a phone would see them.
    benchmarks.push(lhr.environment.benchmarkIndex);
    const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const requests = (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] } | undefined)?.items ?? [];
    const scripts = requests.filter((r) => r.resourceType === 'Script' && r.url.startsWith(`http://127.0.0.1:${PORT}/`)).map((r) => new URL(r.url).pathname);
    const jsGzip = scripts.reduce((n, f) => n + gzipSync(readFileSync(path.join('dist', f))).length, 0);
    const okScore = score >= (p.map ? 85 : 95);
    const okJs = p.map || jsGzip < 40 * 1024;
    if (!okScore || !okJs) failed = true;
    rows.push(
      `| ${p.label} (${p.url}) | ${score}${okScore ? '' : ' ✗'} | ${(num('largest-contentful-paint') / 1000).toFixed(2)} s | ${Math.round(num('total-blocking-time'))} ms | ${num('cumulative-layout-shift').toFixed(3)} | ${(jsGzip / 1024).toFixed(1)} Kio (${scripts.length})${okJs ? '' : ' ✗'} |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  chrome.kill();
  server.close();
}
console.log(
  `\nLighthouse mobile (émulation Moto G Power, 4G lente simulée) — ${new Date().toISOString().slice(0, 10)} — indice de vitesse de la machine (benchmarkIndex) : ${benchmarks.map(Math.round).join(', ')}`,
);
console.log('| page | performance | LCP | TBT | CLS | JS avant interaction (gzip) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(failed ? '\nBudget dépassé (performance ≥ 95, ≥ 85 pour /carte/ ; JS < 40 Kio gzip hors carte).' : '\nBudgets tenus.');
process.exitCode = failed ? 1 : 0;
