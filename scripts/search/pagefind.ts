/**
 * The Pagefind full-text index of every fiche, written from the data (src/lib/search/fulltext-records.ts), not
 * from the built pages: it needs no page, so it is written beside Astro (scripts/build-files.ts). Fails on any
 * indexing error, or when the index holds fewer fiches than the data has.
 */
import { close, createIndex } from 'pagefind';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fullTextRecords } from '../../src/lib/search/fulltext-records';
import type { Site } from '../../src/lib/site';

/** Writes the index to `out`, a new folder (pagefind.js and its files); returns how many fiches it holds. */
export async function writeFullTextIndex({ ds, all, records }: Site, out: string): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: 'fr', verbose: false });
  if (errors.length || !index) throw new Error(`création de l'index : ${errors.join(' ; ')}`);
  let expected = 0;
  // Sent in batches: each record travels to Pagefind's process as one message, and 100,000 at once would hold
  // every record's text in memory on both sides.
  const BATCH = 500;
  let batch: Promise<{ errors: string[] }>[] = [];
  const flush = async () => {
    for (const r of await Promise.all(batch)) if (r.errors.length) throw new Error(`indexation : ${r.errors.join(' ; ')}`);
    batch = [];
  };
  for (const record of fullTextRecords(ds, all, records)) {
    expected++;
    batch.push(index.addCustomRecord(record));
    if (batch.length === BATCH) await flush();
  }
  await flush();
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`écriture : ${written.errors.join(' ; ')}`);
  await close();
  const entry = JSON.parse(readFileSync(path.join(written.outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  const indexed = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  if (indexed !== expected) throw new Error(`${indexed} fiches indexées pour ${expected} attendues`);
  return indexed;
}
