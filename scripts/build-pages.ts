/**
 * `npm run build:pages [-- --outDir <dossier>]`: the pages (Astro) and, beside them, the files written from the
 * data (scripts/build-files.ts: the offers' .ics calendars and the Pagefind full-text index).
 *
 * Astro renders pages one at a time, on one core. A large territory (a region, all of France: 150,000 pages)
 * is rendered in parts, one Astro process per core, each writing every n-th page of each route to its own
 * folder (src/lib/build-part.ts), merged at the end into one site. A small territory is built in one process:
 * a second process's fixed cost (loading the data, bundling the scripts) would outweigh what it saves.
 *
 * Parts: CARTE_BUILD_PARTS when set; otherwise one per core (at most 4, and 4 GB of memory each) when the data
 * holds at least PARTS_FROM records, else 1. Node options for the Astro processes: `--max-semi-space-size=64`
 * (a larger young generation: less time in the garbage collector) and CARTE_BUILD_NODE_OPTIONS (the bench adds
 * its memory probe there). With BENCH_MEMORY_FILE, the parts' peak memory is written there: the largest heap
 * of one process, and the sum of their resident memory.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDir } from '../src/lib/data/data-dir';
import { countTopLevelItems } from '../src/lib/data/yaml-records';

/** Records from which a second process pays off (the pilot, ~300 records: 34 s in one part, 44 s in two). */
const PARTS_FROM = 3000;
const RECORD_FILES = ['offres.yaml', 'lieux.yaml', 'structures.yaml', 'equipes.yaml'];

const args = process.argv.slice(2);
const outArg = args.indexOf('--outDir');
const outDir = path.resolve(outArg >= 0 ? args[outArg + 1]! : 'dist');

function partsWanted(): number {
  const forced = process.env.CARTE_BUILD_PARTS;
  if (forced) {
    const n = Number(forced);
    if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error(`CARTE_BUILD_PARTS vaut « ${forced} » : attendu un nombre de 1 à 16`);
    return n;
  }
  const records = RECORD_FILES.reduce((n, f) => {
    const file = path.join(dataDir(), f);
    return n + (existsSync(file) ? countTopLevelItems(readFileSync(file, 'utf8')) : 0);
  }, 0);
  if (records < PARTS_FROM) return 1;
  const byMemory = Math.floor(os.totalmem() / 4 / 1024 ** 3);
  return Math.max(1, Math.min(os.availableParallelism(), byMemory, 4));
}

/**
 * Where the processes write. Astro puts its server bundle in the output folder when that folder is inside the
 * project, else in the project's .astro/ — one folder for all the parts, which the first to finish deletes, and
 * which Astro then copies, with Astro's own files, into the site. So everything is written inside the project,
 * and moved to the site's folder at the end when that folder is elsewhere.
 */
const inProject = outDir.startsWith(process.cwd() + path.sep);
const workDir = (name: string, first: boolean) => (!inProject ? path.resolve(`dist.${process.pid}.${name}`) : first ? outDir : `${outDir}.${name}`);

interface Job {
  name: string;
  dir: string;
  code: number | null;
}

/**
 * A build process; its log goes through, each line marked with its job when there are several. `onLine` sees
 * each line of its log.
 */
function run(name: string, dir: string, argv: string[], env: Record<string, string>, tag: string, onLine?: (line: string) => void): Promise<Job> {
  // Same priority for all: the full-text index of a national territory takes minutes of its own (Pagefind reads
  // the records one message at a time); at a lower priority it waited for the pages and finished last.
  const child = spawn(process.execPath, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let pending = '';
  child.stdout.on('data', (b: Buffer) => {
    const lines = (pending + b.toString()).split('\n');
    pending = lines.pop()!;
    for (const l of lines) {
      process.stdout.write(`${tag}${l}\n`);
      onLine?.(l);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ name, dir, code })));
}

/** Moves `from` to `to`, copying when they are on two file systems (a site asked in /tmp). */
function move(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves what `from` holds into `to`: a folder missing in `to` is moved whole; a file present in both (the
 * scripts, styles and public files every part writes) must be the same size, else the merge fails.
 */
function mergeInto(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (!existsSync(b)) move(a, b);
    else if (e.isDirectory() && lstatSync(b).isDirectory()) mergeInto(a, b);
    else if (statSync(a).size !== statSync(b).size)
      throw new Error(`fusion des parties : ${path.relative(outDir, b)} a été écrit différemment par deux parties (construction non reproductible ?)`);
  }
  rmSync(from, { recursive: true, force: true });
}

const t0 = performance.now();
const count = partsWanted();
if (count > 1) console.log(`[pages] construction en ${count} parties, un processus Astro par partie, et les agendas et l'index plein texte à côté`);
const memoryFile = (i: number) => (process.env.BENCH_MEMORY_FILE ? `${process.env.BENCH_MEMORY_FILE}.partie-${i}` : undefined);
const nodeArgs = ['--max-semi-space-size=64', ...(process.env.CARTE_BUILD_NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)];
// The calendars and the index start once every part has loaded the data: three processes loading 100,000 records
// at once on two cores made each part's loading half as slow again, and the parts take longest.
let loaded = 0;
let startFiles: () => void = () => {};
const partsLoaded = new Promise<void>((resolve) => (startFiles = resolve));
const parts = Array.from({ length: count }, (_, i) => {
  const dir = workDir(`partie-${i}`, i === 0);
  const env: Record<string, string> = {
    ...(count > 1 ? { CARTE_BUILD_PART: `${i}/${count}` } : {}),
    ...(memoryFile(i) ? { BENCH_MEMORY_FILE: memoryFile(i)! } : {}),
  };
  const job = run(
    `la partie ${i + 1}`,
    dir,
    [...nodeArgs, 'node_modules/astro/astro.js', 'build', '--outDir', dir],
    env,
    count > 1 ? `[partie ${i + 1}/${count}] ` : '',
    (line) => {
      if (/\[content\] Synced content/.test(line) && ++loaded === count) startFiles();
    },
  );
  // A part that stops before loading (an error) does not hold the others back.
  job.then(() => startFiles());
  return job;
});
const filesDir = workDir('fichiers', false);
if (count === 1) startFiles();
const files = partsLoaded.then(() => run('les agendas et l’index plein texte', filesDir, ['--import', 'tsx', 'scripts/build-files.ts', filesDir], {}, ''));
const jobs = await Promise.all([...parts, files]);
const failed = jobs.filter((j) => j.code !== 0);
if (failed.length) {
  console.error(`\n[pages] ÉCHEC de ${failed.map((j) => `${j.name} (code ${j.code})`).join(', ')}`);
  for (const j of jobs) if (j.dir !== outDir) rmSync(j.dir, { recursive: true, force: true });
  process.exit(1);
}
const [first, ...others] = jobs.slice(0, count);
if (first!.dir !== outDir) {
  rmSync(outDir, { recursive: true, force: true });
  move(first!.dir, outDir);
}
for (const j of [...others, jobs[count]!]) mergeInto(j.dir, outDir);
if (process.env.BENCH_MEMORY_FILE) {
  const mem = jobs.slice(0, count).flatMap((_, i) => {
    const f = memoryFile(i)!;
    if (!existsSync(f)) return [];
    const m = JSON.parse(readFileSync(f, 'utf8')) as { heapBytes: number; maxRssBytes: number };
    rmSync(f);
    return [m];
  });
  writeFileSync(
    process.env.BENCH_MEMORY_FILE,
    JSON.stringify({ heapBytes: Math.max(...mem.map((m) => m.heapBytes)), maxRssBytes: mem.reduce((s, m) => s + m.maxRssBytes, 0), parts: count }),
  );
}
console.log(
  `[pages] ${count > 1 ? `${count} parties réunies` : 'site écrit'} dans ${path.relative(process.cwd(), outDir) || '.'} en ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
