/**
 * One spreadsheet cell (or one form field) → a value of the record, by its column name: lists split on
 * "|", oui/non → booleans, decimal comma accepted; "mode.arrets[2].nom" → ["mode", "arrets", 1, "nom"].
 * Shared by the CSV import and the /proposer/ form (pure, no node:*).
 */
import { columnKind, type RecordKind } from './columns';

export function convertCell(kind: RecordKind, column: string, raw: string): unknown {
  const v = raw.trim();
  const k = columnKind(kind, column);
  if (k === 'list')
    return v
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
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

export function setPath(obj: Record<string, unknown>, keys: (string | number)[], value: unknown): void {
  let cur = obj as Record<string | number, unknown>;
  keys.slice(0, -1).forEach((k, i) => {
    const wantArray = typeof keys[i + 1] === 'number';
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = wantArray ? [] : {};
    cur = cur[k] as Record<string | number, unknown>;
  });
  cur[keys[keys.length - 1]!] = value;
}

/** Numbered columns may skip a number (an empty stop): close the gaps so the list has no holes. */
export function compactArrays(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compactArrays);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compactArrays(x)]));
  return v;
}

/** Builds a record from (column, text) pairs; empty cells mean "field not given". */
export function cellsToRecord(kind: RecordKind, cells: Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, raw] of cells) {
    if (raw === undefined || raw.trim() === '') continue;
    setPath(out, columnKeys(col.trim()), convertCell(kind, col.trim(), raw));
  }
  return compactArrays(out) as Record<string, unknown>;
}
