/**
 * Micro-bench of the search engine (`npm run bench:micro`): one keystroke's search over the shipped data's index,
 * with words and facets, and with a place. Browser-side figures at national scale: `npm run bench:search`.
 */
import path from 'node:path';
import { bench, describe } from 'vitest';
import { loadDataset } from '../../../src/lib/data/dataset';
import { buildSearchIndex } from '../../../src/lib/search/build-index';
import { engineFor, runQuery, SEARCH_CASES_DAY } from '../../../src/lib/search/cases';

const index = buildSearchIndex(loadDataset(path.resolve('data')).dataset!, { today: SEARCH_CASES_DAY });
const engine = engineFor(index);

describe('search engine (pilot index)', () => {
  bench('words only: "atelier numerique"', () => {
    runQuery(engine, index, '?q=atelier+numerique');
  });
  bench('a place, a need and free: Agen, activité physique, gratuit', () => {
    runQuery(engine, index, '?ou=47001&thematique=activite-physique&gratuit=1');
  });
  bench('a typo: "marhce" around Nérac', () => {
    runQuery(engine, index, '?ou=47195&q=marhce');
  });
});
