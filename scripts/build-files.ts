/**
 * The files written from the data beside the pages — `npm run build:pages` runs this next to Astro: each offer's
 * calendar (offres/<id>.ics, for offers with fixed sessions) and the Pagefind full-text index (pagefind/).
 * Neither is a page: as Astro endpoints, the 92,000 calendars of a national territory cost Astro's fixed work per
 * page on its one core (~1 ms each), and Pagefind had to wait for every fiche to be written to read them back.
 *
 * Usage: tsx scripts/build-files.ts <dossier> — the data folder is data/ or CARTE_DATA_DIR.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasCalendar, offerCalendar } from '../src/lib/calendar';
import { DataValidationError } from '../src/lib/data/issues';
import { site } from '../src/lib/site';
import { writeFullTextIndex } from './search/pagefind';

const out = path.resolve(process.argv[2] ?? 'dist');
const t0 = performance.now();
let s: ReturnType<typeof site>;
try {
  s = site();
} catch (e) {
  // Astro, which runs beside, prints the whole report of the data's errors: not twice.
  if (!(e instanceof DataValidationError)) throw e;
  console.error(`[fichiers] données invalides (${e.issues.length} erreur(s)) : agendas et index non écrits.`);
  process.exit(1);
}
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

// The offers whose fiche links to a calendar (pages/offres/[id].astro: at least one fixed session from today;
// an ended offer has none).
const from = s.now;
let t = performance.now();
let calendars = 0;
// Emptied first: what a stopped build left here would otherwise be merged into the site.
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'offres'), { recursive: true });
for (const o of s.ds.offres) {
  if (!hasCalendar(o, s.records, { from, where: s.centre })) continue;
  const ics = offerCalendar(o, s.records, { from, where: s.centre });
  if (ics === null) throw new Error(`offre « ${o.id} » : des séances annoncées mais aucun événement dans son agenda`);
  writeFileSync(path.join(out, 'offres', `${o.id}.ics`), ics);
  calendars++;
}
console.log(`[fichiers] ${calendars} agendas .ics en ${seconds(t)} s`);

t = performance.now();
try {
  const indexed = await writeFullTextIndex(s, path.join(out, 'pagefind'));
  console.log(`[pagefind] ${indexed} fiches indexées en ${seconds(t)} s`);
} catch (e) {
  console.error(`\n[pagefind] ÉCHEC : ${(e as Error).message}\n`);
  process.exit(1);
}
console.log(`[fichiers] écrits en ${seconds(t0)} s`);
