/**
 * Fixture regression (input → expected output, as turf and supercluster do): the published
 * /donnees/zones-blanches.csv of the shipped data is tests/fixtures/coverage/zones-blanches-pilote.csv, byte for
 * byte. A change of rule or data that moves a figure fails here first; when the change is intended, regenerate the
 * file (`npx tsx scripts/dev/golden-zones-blanches.ts > tests/fixtures/coverage/zones-blanches-pilote.csv`) and say
 * in the commit what changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageCsv } from '../../../src/lib/coverage/csv';
import { coverageFor } from '../../../src/lib/coverage/from-dataset';
import { loadDataset } from '../../../src/lib/data/dataset';

describe('zones blanches CSV of the pilot', () => {
  it('is the expected file, byte for byte', () => {
    const dir = path.resolve('data');
    const cov = coverageFor(loadDataset(dir).dataset!, dir);
    const csv = coverageCsv(cov.input.communes, cov.input.themes, cov.rows);
    const expected = readFileSync('tests/fixtures/coverage/zones-blanches-pilote.csv', 'utf8');
    const diff = csv.split('\r\n').filter((l, i) => l !== expected.split('\r\n')[i]);
    expect(diff.slice(0, 5)).toEqual([]);
    expect(csv).toBe(expected);
  }, 60_000);
});
