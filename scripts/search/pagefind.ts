/**
 * Post-build step: Pagefind full-text index of every fiche in dist/ (pages whose <main> carries
 * data-pagefind-body), written to dist/pagefind/. Only the fiche folders are read: a national territory
 * has tens of thousands of commune pages that are not indexed, and reading them cost time for nothing.
 * The build FAILS on any indexing error, and when the dataset has records but no page was indexed (the
 * fiches lost their data-pagefind-body).
 */
import { createIndex, close } from 'pagefind';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] ?? 'dist');
const t0 = performance.now();

function fail(msg: string): never {
  console.error(`\n[pagefind] ÉCHEC : ${msg}\n`);
  process.exit(1);
}

if (!existsSync(path.join(site, 'index.html'))) fail(`${site} ne contient pas de site construit (lancer astro build d'abord)`);

const { index, errors } = await createIndex({ forceLanguage: 'fr', verbose: false });
if (errors.length || !index) fail(`création de l'index : ${errors.join(' ; ')}`);
/** The folders of the fiches (the pages built with Base's « indexable »). */
const FICHES = ['offres', 'lieux', 'equipes', 'structures'];
const added = await index!.addDirectory({ path: site, glob: `{${FICHES.join(',')}}/**/*.html` });
if (added.errors.length) fail(`indexation : ${added.errors.join(' ; ')}`);
const written = await index!.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length) fail(`écriture : ${written.errors.join(' ; ')}`);
await close();
// Pagefind indexes only pages with data-pagefind-body once any page has it.
const entry = JSON.parse(readFileSync(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
const fiches = FICHES.filter((d) => existsSync(path.join(site, d)));
if (indexed === 0 && fiches.length) fail('aucune fiche indexée : les fiches doivent avoir data-pagefind-body (prop « indexable » du layout Base)');
console.log(
  `[pagefind] ${indexed} fiches indexées sur ${added.page_count} pages lues, en ${((performance.now() - t0) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), written.outputPath)}`,
);
