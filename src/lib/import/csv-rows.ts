/**
 * Spreadsheet rows → records. Columns are field paths ("nom", "frais.type", "mode.coordonnees.lat");
 * list fields take values separated by "|"; yes/no fields take oui/non (or true/false); lists of objects
 * take numbered columns ("mode.arrets[1].nom", "mode.arrets[2].nom"). Which column holds what is read off
 * the zod schemas (src/lib/export/columns.ts), as for the CSV export.
 * The result then goes through the same zod schemas and cross-checks as the YAML files.
 */
import { parse } from 'csv-parse/sync';
import { columnKind, type RecordKind } from '../export/columns';

export type ImportKind = RecordKind;

export interface CsvRow {
  /** Line of the row in the file (header is line 1). */
  line: number;
  record: Record<string, unknown>;
  /** Column name of each field path, to name the spreadsheet column in errors. */
}

function convert(kind: ImportKind, column: string, raw: string): unknown {
  const v = raw.trim();
  const k = columnKind(kind, column);
  if (k === 'list') return v.split('|').map((s) => s.trim()).filter(Boolean);
  if (k === 'boolean') {
    const l = v.toLowerCase();
    if (['oui', 'true', 'vrai', '1', 'o'].includes(l)) return true;
    if (['non', 'false', 'faux', '0', 'n'].includes(l)) return false;
    return v; // left as text: the schema reports "true ou false attendu" with the value
  }
  if (k === 'number') {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

/** "mode.arrets[2].nom" → ["mode", "arrets", 1, "nom"] (numbered columns start at 1, as people count). */
export function columnKeys(column: string): (string | number)[] {
  return column.split('.').flatMap((part) => {
    const m = /^(.+)\[(\d+)\]$/.exec(part);
    return m ? [m[1]!, Math.max(0, Number(m[2]) - 1)] : [part];
  });
}

function setPath(obj: Record<string, unknown>, keys: (string | number)[], value: unknown) {
  let cur = obj as Record<string | number, unknown>;
  keys.slice(0, -1).forEach((k, i) => {
    const wantArray = typeof keys[i + 1] === 'number';
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = wantArray ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  });
  cur[keys[keys.length - 1]!] = value;
}

/** Numbered columns may skip a number (an empty stop): close the gaps so the list has no holes. */
function compactArrays(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compactArrays);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compactArrays(x)]));
  return v;
}

/** Detects ";" or "," from the header line (French spreadsheets export with ";"). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function csvToRecords(text: string, kind: ImportKind): CsvRow[] {
  const rows = parse(text, { delimiter: detectDelimiter(text), columns: true, bom: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return rows.map(({ record, info }) => {
    const out: Record<string, unknown> = {};
    for (const [col, raw] of Object.entries(record)) {
      if (raw === undefined || raw.trim() === '') continue; // empty cell = field not given
      setPath(out, columnKeys(col.trim()), convert(kind, col.trim(), raw));
    }
    return { line: info.lines, record: compactArrays(out) as Record<string, unknown> };
  });
}
