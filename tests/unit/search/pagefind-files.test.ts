/**
 * Pagefind reads the fiches' text from one small file per fiche (scripts/search/pagefind.ts); the search page reads
 * a result's address back from that file's name (src/browser/search/fulltext.ts). Every fiche must come back to its
 * own page, and a record's text reach the file as text, never as markup.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFile, recordPage } from '../../../scripts/search/pagefind';
import { ficheOfIndexedFile } from '../../../src/browser/search/fulltext';
import { loadDataset } from '../../../src/lib/data/dataset';
import { withoutEnded } from '../../../src/lib/data/ended';
import { indexFor } from '../../../src/lib/records';
import { fullTextRecords } from '../../../src/lib/search/fulltext-records';

describe('the files Pagefind indexes', () => {
  it('every fiche of the pilot has its own file, and a result in it links back to the fiche', () => {
    const all = loadDataset(path.resolve('data')).dataset!;
    const ds = withoutEnded(all, new Date());
    const recs = [...fullTextRecords(ds, all, indexFor(ds))];
    const files = recs.map((r) => recordFile(r.url));
    expect(new Set(files).size).toBe(recs.length);
    // Pagefind names a result after its file, from the folder it read: offres/o1.html → /offres/o1.html.
    for (const [i, r] of recs.entries()) expect(ficheOfIndexedFile(`/${files[i]!.split(path.sep).join('/')}`)).toBe(r.url);
  });

  it('refuses an address that would leave the work folder', () => {
    for (const url of ['/', '/../etc/passwd/', '/offres/../../x/']) expect(() => recordFile(url)).toThrow(/adresse de fiche inattendue/);
  });

  it('writes the text and the title escaped: one paragraph of text, the title in an attribute', () => {
    const page = recordPage({
      url: '/offres/x/',
      language: 'fr',
      meta: { title: 'Café "des" <b>aidants</b> & co' },
      content: 'Venez <script>alert(1)</script> & parlez.',
    });
    expect(page).not.toMatch(/<script|<b>/);
    expect(page).toContain('<p>Venez &lt;script&gt;alert(1)&lt;/script&gt; &amp; parlez.</p>');
    expect(page).toContain('content="Café &quot;des&quot; &lt;b&gt;aidants&lt;/b&gt; &amp; co"');
  });
});
