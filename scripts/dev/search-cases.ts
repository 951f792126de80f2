/** Fills the `attendu` list of every case of tests/fixtures/search/cases.yaml from the current engine and data/. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadDataset } from '../../src/lib/data/dataset';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { engineFor, runQuery, SEARCH_CASES_DAY } from '../../src/lib/search/cases';

const file = 'tests/fixtures/search/cases.yaml';
const index = buildSearchIndex(loadDataset(path.resolve('data')).dataset!, { today: SEARCH_CASES_DAY });
const engine = engineFor(index);
const doc = parseDocument(readFileSync(file, 'utf8'));
for (const item of (doc.contents as { items: { get: (k: string) => unknown; set: (k: string, v: unknown) => void }[] }).items) {
  const ids = runQuery(engine, index, String(item.get('requete')));
  item.set('attendu', ids.slice(0, Number(item.get('premiers'))));
}
writeFileSync(file, doc.toString({ lineWidth: 0 }));
console.log(`${file} : attendus mis à jour`);
