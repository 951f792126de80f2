import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { DataIssue } from './issues';

export type LineOf = (path: (string | number)[]) => number;

export interface RawRecord {
  value: unknown;
  /** 1-based line where the record starts. */
  line: number;
  /** Line of a field inside the record, to point at the exact spot. */
  lineOf: LineOf;
}

/** Follows a path of keys/indexes down a YAML node and returns the line of the deepest node found. */
function lineFinder(root: unknown, counter: LineCounter, fallback: number): LineOf {
  const lineAt = (n: Node | null | undefined, dflt: number) => (n?.range ? counter.linePos(n.range[0]).line : dflt);
  return (path) => {
    let cur = root;
    let best = fallback;
    for (const key of path) {
      if (isMap(cur)) {
        const pair = cur.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(key));
        best = lineAt(pair?.key as Node | undefined, best);
        cur = pair?.value;
      } else if (isSeq(cur)) {
        const n = cur.items[Number(key)] as Node | undefined;
        best = lineAt(n, best);
        cur = n;
      } else break;
    }
    return best;
  };
}

function parse(absPath: string, relPath: string, content?: string): { doc?: Document; counter: LineCounter; issues: DataIssue[] } {
  const counter = new LineCounter();
  let text: string;
  try {
    text = content ?? readFileSync(absPath, 'utf8');
  } catch {
    return { counter, issues: [{ niveau: 'erreur', fichier: relPath, message: 'fichier introuvable ou illisible' }] };
  }
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const issues: DataIssue[] = doc.errors.map((e) => ({
    niveau: 'erreur',
    fichier: relPath,
    ligne: counter.linePos(e.pos[0]).line,
    message: `YAML illisible : ${e.message.split('\n')[0]}`,
  }));
  return { doc: issues.length ? undefined : doc, counter, issues };
}

/**
 * Reads a YAML file holding a list of records, keeping each record's line for error messages.
 * `content`, when given, is used instead of the file's text (the CSV import validates before writing).
 */
export function readYamlRecords(absPath: string, relPath: string, content?: string): { records: RawRecord[]; issues: DataIssue[] } {
  const { doc, counter, issues } = parse(absPath, relPath, content);
  if (!doc || doc.contents === null) return { records: [], issues };
  const root = doc.contents;
  if (!isSeq(root)) {
    issues.push({ niveau: 'erreur', fichier: relPath, ligne: 1, message: "le fichier doit contenir une liste d'enregistrements (chacun commence par « - »)" });
    return { records: [], issues };
  }
  const records = root.items.map((item) => {
    const node = item as Node;
    const line = node.range ? counter.linePos(node.range[0]).line : 1;
    return { value: node.toJSON(), line, lineOf: lineFinder(node, counter, line) };
  });
  return { records, issues };
}

/** Reads a YAML mapping (the territory config) with line lookup. */
export function readYamlObject(absPath: string, relPath: string): { value: unknown; lineOf: LineOf; issues: DataIssue[] } {
  const { doc, counter, issues } = parse(absPath, relPath);
  return { value: doc?.toJS(), lineOf: lineFinder(doc?.contents, counter, 1), issues };
}
