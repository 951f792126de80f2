/** Reading national files: JSON (array, or an object with a `data` / `results` array), CSV (`,` or `;`, BOM), gzip. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export function readText(file: string): string {
  const buf = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

export function readJsonRows(file: string): Record<string, unknown>[] {
  const v = JSON.parse(readText(file)) as unknown;
  const rows = Array.isArray(v) ? v : ((v as { data?: unknown; results?: unknown })?.data ?? (v as { results?: unknown })?.results);
  if (!Array.isArray(rows)) throw new Error('JSON attendu : une liste d’enregistrements (ou un objet avec une liste « data »)');
  return rows as Record<string, unknown>[];
}

export function readCsvRows(file: string): Record<string, string>[] {
  const text = readText(file);
  const firstLine = text.slice(0, text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return parse(text, { columns: true, bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
}

export const isCsv = (file: string) => /\.csv(\.gz)?$/i.test(file);
