/**
 * `npm run check-data [-- <dossier de données>]`: validates every data file and prints ALL the problems,
 * each with file, line, record, field, value and what was expected. Exits 1 on any error.
 */
import path from 'node:path';
import { loadDataset } from '../src/lib/data/dataset';
import { formatIssue, sortIssues } from '../src/lib/data/issues';
import { confirmedByEnv, countsFile } from '../src/lib/data/shrink-guard';

const args = process.argv.slice(2);
const confirm = args.includes('--confirmer-suppressions');
const dataDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'data');
// Counts of the last successful check: a collection emptied or cut down by mistake is caught.
const loaded = loadDataset(dataDir, { countsFile: countsFile(dataDir), confirmShrink: confirm || confirmedByEnv() });
const { counts } = loaded;
const issues = sortIssues(loaded.issues);
const errors = issues.filter((i) => i.niveau === 'erreur');
const warnings = issues.filter((i) => i.niveau === 'avertissement');

// Warnings first, errors last: what blocks the build stays next to the prompt.
for (const w of warnings) console.log(formatIssue(w));
for (const e of errors) console.log(formatIssue(e));
const summary = Object.entries(counts)
  .map(([name, c]) => `${name} : ${c.read} lu(s)${c.read !== c.valid ? `, ${c.read - c.valid} invalide(s)` : ''}`)
  .join(' ; ');
console.log(`\n${summary}`);
console.log(`${errors.length} erreur(s), ${warnings.length} avertissement(s) dans ${path.relative(process.cwd(), dataDir) || '.'}.`);
// exitCode rather than process.exit(): a long report piped to another program must not be cut short.
process.exitCode = errors.length ? 1 : 0;
