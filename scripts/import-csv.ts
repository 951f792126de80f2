/**
 * `npm run import -- <fichier.csv> [--type offres|lieux|structures|equipes] [--data data] [--fusion]`
 * Brings rows of a spreadsheet (UTF-8, ";" or ",") into the YAML data files, through the same validation
 * as `npm run check-data`: if anything is wrong, every problem is printed with its CSV line and column,
 * and no file is written. Rows whose id already exists replace that record (with --fusion: only the
 * columns the row fills are changed, as for a correction); others are appended.
 */
import path from 'node:path';
import type { ImportKind } from '../src/lib/import/csv-rows';
import { importCsv } from '../src/lib/import/merge';
import { COLLECTIONS } from '../src/lib/data/dataset';
import { formatIssue, sortIssues } from '../src/lib/data/issues';
import { readText } from '../src/lib/data/read-text';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Boolean(args.splice(i, 1)) : false;
};
const dataDir = path.resolve(opt('data') ?? 'data');
const explicitKind = opt('type') as ImportKind | undefined;
const fusion = flag('fusion');
const file = args[0];
if (!file) {
  console.error('Usage : npm run import -- <fichier.csv> [--type offres|lieux|structures|equipes] [--fusion]');
  process.exit(2);
}
const kind: ImportKind =
  explicitKind ??
  (['offres', 'lieux', 'structures', 'equipes'] as const).find((k) => path.basename(file).toLowerCase().includes(k.replace(/s$/, ''))) ??
  'offres';
if (!(kind in COLLECTIONS)) {
  console.error(`Type inconnu : ${kind} (attendu : offres, lieux, structures, equipes)`);
  process.exit(2);
}

let csvText: string;
try {
  // Old spreadsheets save in Windows-1252: converted (with a notice), never read garbled.
  const { text, notice } = readText(file);
  if (notice) console.log(`AVERTISSEMENT ${file} — ${notice}`);
  csvText = text;
} catch (e) {
  console.error(`ERREUR ${file} — fichier illisible : ${(e as Error).message}`);
  process.exit(1);
}
let result: ReturnType<typeof importCsv>;
try {
  result = importCsv({ dataDir, kind, csvText, csvFile: file, fusion });
} catch (e) {
  console.error(`ERREUR ${file} — CSV illisible : ${(e as Error).message}`);
  process.exit(1);
}
for (const i of sortIssues(result.issues)) console.log(formatIssue(i));
// exitCode rather than process.exit(): a long report piped to another program must not be cut short.
if (result.issues.length) {
  console.log(`\n${result.issues.length} erreur(s) : rien n'a été écrit. Corriger le fichier CSV puis relancer l'import.`);
  process.exitCode = 1;
} else {
  console.log(
    `${result.rows} ligne(s) importée(s) dans ${path.relative(process.cwd(), result.target)} : ${result.added} ajoutée(s), ${result.replaced} ${fusion ? 'corrigée(s)' : 'remplacée(s)'}. Données valides.`,
  );
}
