/**
 * Typo tolerance, on the shipped data: a query with a slip (swapped, missing, doubled or wrong letter)
 * finds what the correct spelling finds. Cases are written as query → expected ids, the expected ids
 * being the records that hold the correctly spelt word, so that the cases hold for any data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadDataset } from '../../../src/lib/data/dataset';
import { buildSearchIndex } from '../../../src/lib/search/build-index';
import { SearchEngine } from '../../../src/lib/search/engine';
import { emptyState } from '../../../src/lib/search/state';
import { tokenize } from '../../../src/lib/search/tokens';

let e: SearchEngine;
/** Words of each record's name and description, as the search folds them. */
const wordsOf = new Map<string, Set<string>>();
beforeAll(() => {
  const { dataset } = loadDataset(path.resolve('data'));
  for (const r of [...dataset!.offres, ...dataset!.lieux, ...dataset!.equipes, ...dataset!.structures]) {
    const text = [r.nom, (r as { description?: string }).description, (r as { presentation?: string }).presentation].filter(Boolean).join(' ');
    wordsOf.set(r.id, new Set(tokenize(text)));
  }
  const { manifest, shards } = buildSearchIndex(dataset!, { today: new Date('2026-11-23T00:00:00Z') });
  e = new SearchEngine(manifest.themes);
  for (const [id, s] of shards) e.addShard(id, JSON.parse(JSON.stringify(s)));
}, 60_000);

const ids = (q: string) => {
  const r = e.search({ ...emptyState(), q }, null);
  return [...r.near, ...r.home, ...r.remote].map((h) => h.rec.id);
};

/** [typed, correct spelling, kind of slip] */
const CASES: [string, string, string][] = [
  ['marhce', 'marche', 'lettres inversées'],
  ['aidnats', 'aidants', 'lettres inversées'],
  ['gymm', 'gym', 'lettre doublée'],
  ['numerque', 'numerique', 'lettre manquante'],
  ['bibliotheqe', 'bibliotheque', 'lettre manquante'],
  ['ateleir', 'atelier', 'lettres inversées'],
  ['tricott', 'tricot', 'lettre doublée'],
  ['ecoutte', 'ecoute', 'lettre doublée'],
  ['visties', 'visites', 'lettres inversées'],
];

describe('typo tolerance: query → expected ids', () => {
  for (const [typed, correct, kind] of CASES)
    it(`« ${typed} » (${kind}) finds what « ${correct} » finds`, () => {
      // Expected: the records whose name or description holds the correctly spelt word itself.
      const expected = ids(correct).filter((id) => wordsOf.get(id)?.has(correct));
      expect(expected.length, `« ${correct} » doit se trouver dans les données`).toBeGreaterThan(0);
      const got = ids(typed);
      for (const id of expected) expect(got, `${id} manque`).toContain(id);
      // …and the best result of the typo is one of them, not a look-alike word (« marthe » for « marche »).
      expect(expected).toContain(got[0]);
    });
  it('does not turn a different short word into noise: « gym » does not find « jeu »', () => {
    expect(ids('gym').every((id) => !ids('jeu').includes(id) || ids('gym').includes(id))).toBe(true);
  });
});
