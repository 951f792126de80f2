/**
 * Spreadsheet round trip: the CSV export of every collection, imported with `npm run import`'s code into
 * a territory with empty collections, exports again to the very same bytes.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDataset } from '../../../src/lib/data/dataset';
import { recordsToCsv } from '../../../src/lib/export/csv';
import { importCsv } from '../../../src/lib/import/merge';
import { csvToRecords } from '../../../src/lib/import/csv-rows';

const ORDER = ['structures', 'lieux', 'offres', 'equipes'] as const; // referenced collections first

describe('CSV export → import into an empty territory → export', () => {
  it('gives byte-identical files for every collection of the pilot data', () => {
    const { dataset } = loadDataset('data');
    expect(dataset).toBeDefined();
    const first = Object.fromEntries(ORDER.map((k) => [k, recordsToCsv(k, dataset![k])]));

    const dir = mkdtempSync(path.join(os.tmpdir(), 'carte-roundtrip-'));
    cpSync('data', dir, { recursive: true });
    for (const k of ORDER) writeFileSync(path.join(dir, `${k}.yaml`), '[]\n'); // empty on purpose (an empty file is refused)
    for (const k of ORDER) {
      const res = importCsv({ dataDir: dir, kind: k, csvText: first[k]!, csvFile: `${k}.csv` });
      expect(res.issues, `${k}: ${JSON.stringify(res.issues.slice(0, 3))}`).toEqual([]);
      expect(res.added).toBe(dataset![k].length);
    }
    const again = loadDataset(dir).dataset!;
    for (const k of ORDER) {
      expect(again[k]).toHaveLength(dataset![k].length);
      expect(recordsToCsv(k, again[k])).toBe(first[k]);
    }
  }, 120_000);

  it('reads numbered columns back into a list of objects, skipping empty groups', () => {
    const csv = 'id;mode.type;mode.arrets[1].nom;mode.arrets[1].coordonnees.lat;mode.arrets[2].nom;mode.arrets[3].nom\nx;itinerant;Place;44,5;;Halle\n';
    expect(csvToRecords(csv, 'offres')[0]!.record).toEqual({
      id: 'x',
      mode: { type: 'itinerant', arrets: [{ nom: 'Place', coordonnees: { lat: 44.5 } }, { nom: 'Halle' }] },
    });
  });

  it('quotes cells holding the separator, quotes or line breaks, and writes decimal commas and oui/non', () => {
    const csv = recordsToCsv('equipes', [
      {
        id: 'e',
        nom: 'A; "B"',
        description: 'l1\nl2',
        porteur: 'p',
        communes: ['47001', '47002'],
        activites: ['visites'],
        contact: { telephone: '0536491001' },
        nb_benevoles: 3,
        source: { nom: 's' },
        verifie_le: '2026-01-01',
        exemple: false,
      },
    ]);
    const row = csv.split('\r\n')[1]!;
    expect(csv.startsWith('\uFEFFid;nom;')).toBe(true);
    expect(row).toContain('"A; ""B"""');
    expect(csv).toContain('"l1\nl2"');
    expect(row).toContain(';47001|47002;visites;');
    expect(row.endsWith(';2026-01-01;non')).toBe(true);
  });
});
