/** Search fixture cases (tests/fixtures/search/cases.yaml): a URL query on the shipped data → the ids shown first. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDataset } from '../../../src/lib/data/dataset';
import { buildSearchIndex } from '../../../src/lib/search/build-index';
import { engineFor, runQuery, SEARCH_CASES_DAY } from '../../../src/lib/search/cases';

interface Case {
  requete: string;
  premiers: number;
  attendu: string[];
}
const cases = parse(readFileSync('tests/fixtures/search/cases.yaml', 'utf8')) as Case[];
const index = buildSearchIndex(loadDataset(path.resolve('data')).dataset!, { today: SEARCH_CASES_DAY });
const engine = engineFor(index);

describe('search cases', () => {
  it('has cases, each with expected ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) expect(c.attendu.length, c.requete).toBeGreaterThan(0);
  });
  it.each(cases.map((c) => [c.requete, c] as const))('%s', (_, c) => {
    expect(runQuery(engine, index, c.requete).slice(0, c.premiers)).toEqual(c.attendu);
  });
});
