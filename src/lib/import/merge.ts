/**
 * Merges spreadsheet rows into a territory's YAML file, through the same validation as `npm run check-data`:
 * the merged text is validated in memory and written only when the whole dataset is valid.
 * A row whose id exists replaces that record, or, with `fusion`, only updates the columns it fills
 * (a correction sent from « Signaler une erreur » carries the id and the corrected field only).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, isSeq, isMap, type YAMLSeq } from 'yaml';
import { csvToRecords, type ImportKind } from './csv-rows';
import { COLLECTIONS, loadDataset } from '../data/dataset';
import type { DataIssue } from '../data/issues';

export interface ImportResult {
  issues: DataIssue[];
  rows: number;
  added: number;
  replaced: number;
  written: boolean;
  target: string;
}

/** Deep-merges `patch` into a YAML map node (nested columns such as "contact.telephone" keep their siblings). */
function mergeInto(doc: ReturnType<typeof parseDocument>, node: unknown, patch: Record<string, unknown>): void {
  if (!isMap(node)) return;
  for (const [k, v] of Object.entries(patch)) {
    const cur = node.get(k, true);
    if (v && typeof v === 'object' && !Array.isArray(v) && isMap(cur)) mergeInto(doc, cur, v as Record<string, unknown>);
    else node.set(k, doc.createNode(v));
  }
}

export function importCsv(opts: {
  dataDir: string;
  kind: ImportKind;
  csvText: string;
  csvFile: string;
  fusion?: boolean;
  write?: boolean;
  relRoot?: string;
}): ImportResult {
  const relRoot = opts.relRoot ?? process.cwd();
  const rows = csvToRecords(opts.csvText, opts.kind);
  const target = path.join(opts.dataDir, COLLECTIONS[opts.kind].file);
  const relTarget = path.relative(relRoot, target);
  const doc = parseDocument(readFileSync(target, 'utf8'));
  // An empty file (a new territory) is an empty list.
  if (doc.contents === null) doc.contents = doc.createNode([]) as never;
  if (!isSeq(doc.contents))
    return {
      issues: [{ niveau: 'erreur', fichier: relTarget, message: "le fichier doit contenir une liste d'enregistrements" }],
      rows: rows.length,
      added: 0,
      replaced: 0,
      written: false,
      target,
    };
  const seq: YAMLSeq<unknown> = doc.contents;
  const existingIds = seq.items.map((n) => (n as { get?: (k: string) => unknown }).get?.('id'));
  let added = 0;
  let replaced = 0;
  for (const { record } of rows) {
    const i = existingIds.indexOf(record.id);
    if (i >= 0) {
      if (opts.fusion) mergeInto(doc, seq.items[i], record);
      else seq.items[i] = doc.createNode(record);
      replaced++;
    } else {
      seq.items.push(doc.createNode(record));
      existingIds.push(record.id);
      added++;
    }
  }
  const { issues } = loadDataset(opts.dataDir, { replace: { [opts.kind]: String(doc) }, relRoot });

  // Point issues about imported records at the CSV line; others stay on their YAML file.
  const lineOfId = new Map(rows.map((r) => [`« ${String(r.record.id)} »`, r.line]));
  const shown: DataIssue[] = issues
    .filter((i) => i.niveau === 'erreur')
    .map((i) => {
      const line = i.enregistrement ? lineOfId.get(i.enregistrement) : undefined;
      if (i.fichier === relTarget && line !== undefined)
        return { ...i, fichier: path.relative(relRoot, path.resolve(opts.csvFile)), ligne: line, champ: i.champ && `colonne ${i.champ}` };
      return i;
    });
  const written = !shown.length && opts.write !== false;
  if (written) writeFileSync(target, String(doc));
  return { issues: shown, rows: rows.length, added, replaced, written, target };
}
