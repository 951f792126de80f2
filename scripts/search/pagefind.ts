/**
 * The Pagefind full-text index of every fiche, written from the data (src/lib/search/fulltext-records.ts), not
 * from the built pages: it needs no page, so it is written beside Astro (scripts/build-files.ts). Fails on any
 * indexing error, or when the index holds fewer fiches than the data has.
 *
 * Each record goes to Pagefind as a small HTML file in a work folder, read in one call (`addDirectory`), not one
 * message per record (`addCustomRecord`): Pagefind's service looks through every page it already holds for the
 * new record's address (a linear search), so 116,000 records one by one took 143 s, growing with the square of
 * their number, and 17 s as one folder. The text indexed is the same (every fiche's text, word count and title
 * compared at 116,000 records): the file holds the record's text as one paragraph and its title as metadata.
 *
 * The files are named after the fiche (offres/<id>.html → /offres/<id>.html in the index, read back as the fiche's
 * address /offres/<id>/ by src/browser/search/fulltext.ts), not written at the fiche's own address
 * (offres/<id>/index.html): a folder per fiche made the work folder take 50 to 80 s to write on this kind of machine,
 * and the address as metadata would add every address's words to the index (8 times as many words). The work
 * folder is in memory when the system has one (/dev/shm): on disk, writing 116,000 small files took from 7 to 79 s
 * from one run to the next here (the disk's own bookkeeping), in memory 2 s; they take ~500 MB there while
 * Pagefind reads them.
 */
import { close, createIndex } from 'pagefind';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fullTextRecords, type FullTextRecord } from '../../src/lib/search/fulltext-records';
import { escapeText } from '../../src/lib/markup/escape';
import type { Site } from '../../src/lib/site';

/** The file Pagefind reads for a record: its text as the body, its title as metadata read from an attribute. */
export function recordPage(r: FullTextRecord): string {
  return (
    `<!doctype html><html lang="${r.language}"><head><meta charset="utf-8">` +
    `<meta data-pagefind-meta="title[content]" content="${escapeText(r.meta.title)}"></head>` +
    `<body><p>${escapeText(r.content)}</p></body></html>`
  );
}

/** The work file of a record: /offres/o1/ → offres/o1.html (read back by `ficheOfIndexedFile`). */
export function recordFile(url: string): string {
  const parts = url.split('/').filter(Boolean);
  if (!parts.length || parts.some((p) => p === '.' || p === '..')) throw new Error(`adresse de fiche inattendue : « ${url} »`);
  return `${path.join(...parts)}.html`;
}

/** A folder in memory when the system has one, else the temporary folder. */
function workFolder(): string {
  const inMemory = '/dev/shm';
  try {
    accessSync(inMemory, constants.W_OK);
    return mkdtempSync(path.join(inMemory, 'carte-pagefind-'));
  } catch {
    return mkdtempSync(path.join(os.tmpdir(), 'carte-pagefind-'));
  }
}

/** Writes the index to `out`, a new folder (pagefind.js and its files); returns how many fiches it holds. */
export async function writeFullTextIndex({ ds, all, records }: Site, out: string): Promise<number> {
  const source = workFolder();
  try {
    let expected = 0;
    const folders = new Set<string>();
    for (const record of fullTextRecords(ds, all, records)) {
      const file = path.join(source, recordFile(record.url));
      const folder = path.dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(file, recordPage(record), { flag: 'wx' });
      expected++;
    }
    const { index, errors } = await createIndex({ forceLanguage: 'fr', verbose: false });
    if (errors.length || !index) throw new Error(`création de l'index : ${errors.join(' ; ')}`);
    const added = await index.addDirectory({ path: source });
    if (added.errors.length) throw new Error(`indexation : ${added.errors.join(' ; ')}`);
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`écriture : ${written.errors.join(' ; ')}`);
    await close();
    const entry = JSON.parse(readFileSync(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    if (indexed !== expected) throw new Error(`${indexed} fiches indexées pour ${expected} attendues`);
    return indexed;
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}
