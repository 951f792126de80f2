/**
 * Spreadsheet rows → records. Columns are field paths ("nom", "frais.type", "mode.coordonnees.lat");
 * list fields take values separated by "|"; yes/no fields take oui/non (or true/false).
 * The result then goes through the same zod schemas and cross-checks as the YAML files.
 */
import { parse } from 'csv-parse/sync';

export type ImportKind = 'offres' | 'lieux' | 'structures' | 'equipes';

/** Field paths that hold lists, booleans or numbers; every other column is text. */
const LISTS = new Set(['thematiques', 'publics', 'langues', 'mode.communes', 'mode.canal', 'communes', 'activites', 'zone_intervention']);
const BOOLEANS = new Set(['inscription.obligatoire', 'accessibilite.pmr', 'accessibilite.malentendants', 'accessibilite.malvoyants', 'benevoles', 'exemple']);
const NUMBERS = new Set(['coordonnees.lat', 'coordonnees.lon', 'mode.coordonnees.lat', 'mode.coordonnees.lon', 'nb_benevoles']);

export interface CsvRow {
  /** Line of the row in the file (header is line 1). */
  line: number;
  record: Record<string, unknown>;
  /** Column name of each field path, to name the spreadsheet column in errors. */
}

function convert(pathKey: string, raw: string): unknown {
  const v = raw.trim();
  if (LISTS.has(pathKey)) return v.split('|').map((s) => s.trim()).filter(Boolean);
  if (BOOLEANS.has(pathKey)) {
    const l = v.toLowerCase();
    if (['oui', 'true', 'vrai', '1', 'o'].includes(l)) return true;
    if (['non', 'false', 'faux', '0', 'n'].includes(l)) return false;
    return v; // left as text: the schema reports "true ou false attendu" with the value
  }
  if (NUMBERS.has(pathKey)) {
    const n = Number(v.replace(',', '.'));
    return Number.isFinite(n) ? n : v;
  }
  return v;
}

function setPath(obj: Record<string, unknown>, keys: string[], value: unknown) {
  let cur = obj;
  keys.slice(0, -1).forEach((k) => {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  });
  cur[keys[keys.length - 1]!] = value;
}

/** Detects ";" or "," from the header line (French spreadsheets export with ";"). */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export function csvToRecords(text: string): CsvRow[] {
  const rows = parse(text, { delimiter: detectDelimiter(text), columns: true, bom: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: true }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return rows.map(({ record, info }) => {
    const out: Record<string, unknown> = {};
    for (const [col, raw] of Object.entries(record)) {
      if (raw === undefined || raw.trim() === '') continue; // empty cell = field not given
      setPath(out, col.trim().split('.'), convert(col.trim(), raw));
    }
    return { line: info.lines, record: out };
  });
}
