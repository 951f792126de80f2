/** Prints the zones blanches CSV of data/ (the expected output of tests/unit/coverage/golden.test.ts). */
import path from 'node:path';
import { coverageCsv } from '../../src/lib/coverage/csv';
import { coverageFor } from '../../src/lib/coverage/from-dataset';
import { loadDataset } from '../../src/lib/data/dataset';

const dir = path.resolve(process.argv[2] ?? 'data');
const { dataset } = loadDataset(dir);
if (!dataset) throw new Error(`données invalides dans ${dir} : lancer npm run check-data`);
const cov = coverageFor(dataset, dir);
process.stdout.write(coverageCsv(cov.input.communes, cov.input.themes, cov.rows));
