/**
 * Spreadsheet rows → records. Columns are field paths ("nom", "frais.type", "mode.coordonnees.lat");
 * list fields take values separated by "|"; yes/no fields take oui/non (or true/false); lists of objects
 * take numbered columns ("mode.arrets[1].nom", "mode.arrets[2].nom"). Which column holds what is read off
 * the zod schemas (src/lib/export/columns.ts), as for the CSV export.
 * The result then goes through the same zod schemas and cross-checks as the YAML files.
 */
import { parse } from 'csv-parse/sync';
import type { RecordKind } from '../export/columns';
import { cellsToRecord } from '../export/cells';

export type ImportKind = RecordKind;

export interface CsvRow {
  /** Line of the row in the file (header is line 1). */
  line: number;
  record: Record<string, unknown>;
  /** Column name of each field path, to name the spreadsheet column in errors. */
}

/** Detects ";" or "," from the header line (French spreadsheets export with ";"). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function csvToRecords(text: string, kind: ImportKind): CsvRow[] {
  const rows = parse(text, {
    delimiter: detectDelimiter(text),
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
    info: true,
    trim: true,
  }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return rows.map(({ record, info }) => ({ line: info.lines, record: cellsToRecord(kind, Object.entries(record)) }));
}
