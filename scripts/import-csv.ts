/**
 * `npm run import -- <fichier.csv> [--type offres|lieux|structures|equipes] [--data data]`
 * Brings rows of a spreadsheet (UTF-8, ";" or ",") into the YAML data files, through the same validation
 * as `npm run check-data`: if anything is wrong, every problem is printed with its CSV line and column,
 * and no file is written. Rows whose id already exists replace that record; others are appended.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, isSeq, type YAMLSeq } from 'yaml';
import { csvToRecords, type ImportKind } from '../src/lib/import/csv-rows';
import { COLLECTIONS, loadDataset } from '../src/lib/data/dataset';
import { formatIssue, sortIssues, type DataIssue } from '../src/lib/data/issues';
import { readText } from '../src/lib/data/read-text';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const dataDir = path.resolve(opt('data') ?? 'data');
const explicitKind = opt('type') as ImportKind | undefined;
const file = args[0];
if (!file) {
  console.error('Usage : npm run import -- <fichier.csv> [--type offres|lieux|structures|equipes]');
  process.exit(2);
}
const kind: ImportKind = explicitKind ?? ((['offres', 'lieux', 'structures', 'equipes'] as const).find((k) => path.basename(file).toLowerCase().includes(k.replace(/s$/, ''))) ?? 'offres');
if (!(kind in COLLECTIONS)) {
  console.error(`Type inconnu : ${kind} (attendu : offres, lieux, structures, equipes)`);
  process.exit(2);
}

let rows;
try {
  // Old spreadsheets save in Windows-1252: converted (with a notice), never read garbled.
  const { text, notice } = readText(file);
  if (notice) console.log(`AVERTISSEMENT ${file} — ${notice}`);
  rows = csvToRecords(text);
} catch (e) {
  console.error(`ERREUR ${file} — CSV illisible : ${(e as Error).message}`);
  process.exit(1);
}

// Merge in memory, then validate the whole dataset as the build would, before writing anything.
const target = path.join(dataDir, COLLECTIONS[kind].file);
const doc = parseDocument(readFileSync(target, 'utf8'));
if (!isSeq(doc.contents)) {
  console.error(`ERREUR ${path.relative(process.cwd(), target)} — le fichier doit contenir une liste d'enregistrements`);
  process.exit(1);
}
const seq: YAMLSeq<unknown> = doc.contents;
const existingIds = seq.items.map((n) => (n as { get?: (k: string) => unknown }).get?.('id'));
let added = 0;
let replaced = 0;
for (const { record } of rows) {
  const i = existingIds.indexOf(record.id);
  if (i >= 0) {
    seq.items[i] = doc.createNode(record);
    replaced++;
  } else {
    seq.items.push(doc.createNode(record));
    added++;
  }
}
const { issues } = loadDataset(dataDir, { replace: { [kind]: String(doc) } });

// Point issues about imported records at the CSV line; others stay on their YAML file.
const lineOfId = new Map(rows.map((r) => [`« ${String(r.record.id)} »`, r.line]));
const relTarget = path.relative(process.cwd(), target);
const shown: DataIssue[] = issues
  .filter((i) => i.niveau === 'erreur')
  .map((i) => {
    const line = i.enregistrement ? lineOfId.get(i.enregistrement) : undefined;
    if (i.fichier === relTarget && line !== undefined) return { ...i, fichier: path.relative(process.cwd(), path.resolve(file)), ligne: line, champ: i.champ && `colonne ${i.champ}` };
    return i;
  });
for (const i of sortIssues(shown)) console.log(formatIssue(i));
// exitCode rather than process.exit(): a long report piped to another program must not be cut short.
if (shown.length) {
  console.log(`\n${shown.length} erreur(s) : rien n'a été écrit. Corriger le fichier CSV puis relancer l'import.`);
  process.exitCode = 1;
} else {
  writeFileSync(target, String(doc));
  console.log(`${rows.length} ligne(s) importée(s) dans ${path.relative(process.cwd(), target)} : ${added} ajoutée(s), ${replaced} remplacée(s). Données valides.`);
}
