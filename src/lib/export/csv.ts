/**
 * Records → CSV in exactly the columns `npm run import` reads (src/lib/export/columns.ts), so that a
 * spreadsheet round trip works: export → edit → import. UTF-8 with BOM, ";" separator, decimal comma,
 * "|" between list values, oui/non, CRLF line ends (what French spreadsheet software opens directly).
 * Pure: the /proposer/ page produces its CSV row with it too.
 */
import { columnsOf, type Column, type RecordKind } from './columns';

function cell(v: string): string {
  return /[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
}

function format(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (Array.isArray(v)) return v.map(format).join('|');
  return String(v);
}

function get(obj: unknown, path: string): unknown {
  if (!path) return obj;
  let cur = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Flat (header, getter) pairs; lists of objects are expanded to `counts` numbered groups. */
function flatColumns(cols: Column[], prefix: string, records: unknown[]): { header: string; value: (r: unknown) => unknown }[] {
  const join = (p: string) => (prefix ? `${prefix}.${p}` : p);
  return cols.flatMap((c) => {
    if (c.kind !== 'objects') return [{ header: join(c.path), value: (r: unknown) => get(r, c.path) }];
    const lists = records.map((r) => get(r, c.path)).filter(Array.isArray) as unknown[][];
    const n = Math.max(1, ...lists.map((l) => l.length));
    return Array.from({ length: n }, (_, i) => {
      const items = records.map((r) => (get(r, c.path) as unknown[] | undefined)?.[i]);
      return flatColumns(c.item, `${join(c.path)}[${i + 1}]`, items).map((sub) => ({
        header: sub.header,
        value: (r: unknown) => sub.value((get(r, c.path) as unknown[] | undefined)?.[i]),
      }));
    }).flat();
  });
}

export function csvHeader(kind: RecordKind, records: unknown[]): string[] {
  return flatColumns(columnsOf(kind), '', records).map((c) => c.header);
}

export function recordsToCsv(kind: RecordKind, records: unknown[]): string {
  const cols = flatColumns(columnsOf(kind), '', records);
  const lines = [cols.map((c) => cell(c.header)).join(';'), ...records.map((r) => cols.map((c) => cell(format(c.value(r)))).join(';'))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
