/**
 * Reads the YAML data files as a coordinator writes them, mistakes included:
 * - syntax errors are reported ONCE, at their line, in French, with what to do (never the parser's English);
 * - in a list file, a broken record does not hide the others: the file is cut at each top-level « - » and
 *   every record is read on its own, so one tab costs one record, not the whole file (a plain record by
 *   js-yaml, yaml-fast.ts; any other by `yaml`);
 * - anchors and aliases (&nom / *nom) are resolved within bounds (number of copies, nesting depth);
 * - any encoding is read without garbling (see read-text.ts).
 */
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError } from 'yaml';
import type { DataIssue } from './issues';
import { fastRecord } from './yaml-fast';
import { readText } from './read-text';

export type LineOf = (path: (string | number)[]) => number;

export interface RawRecord {
  value: unknown;
  /** 1-based line where the record starts. */
  line: number;
  /** Line of a field inside the record, to point at the exact spot. */
  lineOf: LineOf;
  /**
   * The record could not be read (syntax error, already reported): `value` only holds its id when it
   * could be made out, so that references to it are not reported as dangling on top of the real error.
   */
  unreadable?: true;
}

/** Bounds against files that expand without limit (« billion laughs ») or nest deeper than any record. */
export const MAX_ALIAS_COPIES = 200;
export const MAX_DEPTH = 20;

const FIX_INDENT =
  "vérifiez l'indentation (des espaces, alignés sur les autres champs de l'enregistrement) et mettez entre guillemets un texte qui contient « : » ou « # »";

/** Follows a path of keys/indexes down a YAML node and returns the line of the deepest node found. */
function lineFinder(root: unknown, counter: LineCounter, fallback: number, offset = 0): LineOf {
  const lineAt = (n: Node | null | undefined, dflt: number) => (n?.range ? counter.linePos(n.range[0]).line + offset : dflt);
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

const hasTabIndent = (line: string) => /^[ ]*\t/.test(line) || /^[ ]*-[ \t]*\t/.test(line);
const unescapedQuotes = (line: string) => (line.replace(/\\"/g, '').replace(/#.*$/, '').match(/"/g) ?? []).length;

/**
 * One French message for the first syntax error of a piece of YAML (the following ones are its
 * consequences). `lines` are the piece's lines, `first` the file line of lines[0].
 */
function explainSyntax(err: YAMLError, lines: string[], first: number, counter: LineCounter): { ligne: number; message: string } {
  const at = counter.linePos(err.pos[0]).line - 1;
  const tab = lines.findIndex(hasTabIndent);
  if (tab >= 0 && (err.code === 'TAB_AS_INDENT' || tab <= at))
    return {
      ligne: first + tab,
      message: 'tabulation dans l’indentation : remplacez la tabulation par des espaces (YAML n’accepte que des espaces en début de ligne)',
    };
  const lineText = lines[Math.min(at, lines.length - 1)] ?? '';
  switch (err.code) {
    case 'DUPLICATE_KEY': {
      const key = /^[\s-]*([^:#]+?)\s*:/.exec(lineText)?.[1];
      return { ligne: first + at, message: `champ ${key ? `« ${key} » ` : ''}écrit deux fois dans le même enregistrement : gardez-en un seul` };
    }
    case 'MISSING_CHAR':
      if (/quote/i.test(err.message)) {
        const open = lines.findIndex((l) => unescapedQuotes(l) % 2 === 1);
        return {
          ligne: first + Math.max(open, 0),
          message: 'guillemet fermant manquant : fermez le texte par " sur la même ligne (et écrivez \\" pour un guillemet à l’intérieur du texte)',
        };
      }
      return { ligne: first + at, message: 'crochet ] ou accolade } fermant manquant : fermez la liste [ … ] ou l’objet { … } ouvert sur cette ligne' };
    case 'BAD_SCALAR_START':
      return { ligne: first + at, message: 'un texte ne peut pas commencer par @, ` ou % : mettez-le entre guillemets' };
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return {
        ligne: first + at,
        message: 'alias (*nom) mal écrit ou sans ancre (&nom) correspondante plus haut dans le fichier : recopiez la valeur au lieu d’utiliser un alias',
      };
    case 'DUPLICATE_ANCHOR' as never:
      return { ligne: first + at, message: 'ancre (&nom) définie deux fois : donnez-leur des noms différents' };
    case 'KEY_OVER_1024_CHARS':
      return { ligne: first + at, message: `nom de champ de plus de 1 024 caractères : il manque probablement « : » ou un retour à la ligne ; ${FIX_INDENT}` };
    default:
      return { ligne: first + at, message: `syntaxe YAML incorrecte : ${FIX_INDENT}` };
  }
}

/** Deepest nesting of a node tree, measured without recursion (a hostile file may nest thousands deep). */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) break;
    if (isMap(n) || isSeq(n)) for (const it of n.items as unknown[]) stack.push([it, d + 1]);
    else if (isPair(n)) stack.push([n.key, d], [n.value, d]);
  }
  return max;
}

type ToJs = { value: unknown } | { error: string };
/** Converts one node to plain data, aliases resolved within bounds; a French reason when it cannot. */
function toPlain(node: unknown, doc: Document): ToJs {
  if (depthOf(node) > MAX_DEPTH)
    return { error: `structure imbriquée sur plus de ${MAX_DEPTH} niveaux : un enregistrement n’en a jamais autant (indentation à revoir ?)` };
  try {
    const value = isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COPIES }) : null;
    return { value };
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      if (/count|exhaust/i.test(e.message))
        return { error: `alias (*nom) recopiés plus de ${MAX_ALIAS_COPIES} fois : le fichier grossirait sans limite ; recopiez les valeurs sans alias` };
      return { error: 'alias (*nom) sans ancre (&nom) correspondante dans cet enregistrement : recopiez la valeur au lieu d’utiliser un alias' };
    }
    if (e instanceof RangeError) return { error: 'alias (*nom) qui se répètent sans fin ou structure trop imbriquée : recopiez les valeurs sans alias' };
    throw e;
  }
}

interface Parsed {
  doc?: Document;
  counter: LineCounter;
  issues: DataIssue[];
  text: string;
}

function parseText(text: string, relPath: string, first = 1): Parsed {
  const counter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return {
      counter,
      text,
      issues: [
        {
          niveau: 'erreur',
          fichier: relPath,
          ligne: first,
          message: 'structure imbriquée trop profondément pour être lue : vérifiez les crochets [ ] et accolades { }',
        },
      ],
    };
  }
  if (!doc.errors.length) return { doc, counter, issues: [], text };
  const { ligne, message } = explainSyntax(doc.errors[0]!, text.split(/\r?\n/), first, counter);
  return { counter, text, issues: [{ niveau: 'erreur', fichier: relPath, ligne, message }] };
}

function readFile(absPath: string, relPath: string, content?: string): { text?: string; issues: DataIssue[] } {
  if (content !== undefined) return { text: content, issues: [] };
  try {
    const { text, notice } = readText(absPath);
    return { text, issues: notice ? [{ niveau: 'avertissement', fichier: relPath, message: notice }] : [] };
  } catch {
    return { issues: [{ niveau: 'erreur', fichier: relPath, message: 'fichier introuvable ou illisible' }] };
  }
}

/** The id of a record that could not be parsed, when its « id: » line can be made out. */
function idOfBrokenRecord(lines: string[]): string | undefined {
  for (const l of lines) {
    const m = /^(?:-\s+|\s+)id:\s*["']?([a-z0-9-]+)["']?\s*(?:#.*)?$/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

function recordsOfSeq(root: Node, doc: Document, counter: LineCounter, relPath: string, offset: number): { records: RawRecord[]; issues: DataIssue[] } {
  const records: RawRecord[] = [];
  const issues: DataIssue[] = [];
  for (const item of (root as { items: Node[] }).items) {
    const line = (item?.range ? counter.linePos(item.range[0]).line : 1) + offset;
    const plain = toPlain(item, doc);
    if ('error' in plain) {
      issues.push({ niveau: 'erreur', fichier: relPath, ligne: line, message: plain.error });
      const id = isMap(item) ? item.get('id') : undefined;
      records.push({ value: typeof id === 'string' ? { id } : {}, line, lineOf: () => line, unreadable: true });
    } else records.push({ value: plain.value, line, lineOf: lineFinder(item, counter, line, offset) });
  }
  return { records, issues };
}

/**
 * Recovery after a syntax error in a list file: each top-level « - » starts a record, read on its own.
 * Returns undefined when the file is not laid out that way (then only the first error is reported).
 */
function readRecordByRecord(text: string, relPath: string): { records: RawRecord[]; issues: DataIssue[] } | undefined {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^-(?:[ \t]|$)/.test(l) ? [i] : []));
  if (!starts.length) return undefined;
  const preamble = lines.slice(0, starts[0]);
  if (preamble.some((l) => l.trim() && !l.trim().startsWith('#') && l.trim() !== '---')) return undefined;
  const records: RawRecord[] = [];
  const issues: DataIssue[] = [];
  starts.forEach((s, k) => {
    const chunk = lines.slice(s, starts[k + 1] ?? lines.length);
    const text = chunk.join('\n');
    const fast = fastRecord(text);
    if (fast) {
      records.push({ value: fast.value, line: s + 1, lineOf: lineOfChunk(text, relPath, s, s + 1) });
      return;
    }
    const p = parseText(text, relPath, s + 1);
    if (!p.doc || !isSeq(p.doc.contents)) {
      const id = idOfBrokenRecord(chunk);
      issues.push(...p.issues.map((i) => (id ? { ...i, enregistrement: `« ${id} »` } : i)));
      records.push({ value: id ? { id } : {}, line: s + 1, lineOf: () => s + 1, unreadable: true });
      return;
    }
    const r = recordsOfSeq(p.doc.contents, p.doc, p.counter, relPath, s);
    // The chunk's syntax tree is dropped here: a field's line is found again by re-reading the chunk, only
    // for the few records that have an error (keeping 100,000 trees alive costs gigabytes of memory).
    for (const rec of r.records) if (!rec.unreadable) rec.lineOf = lineOfChunk(text, relPath, s, rec.line);
    records.push(...r.records);
    issues.push(...r.issues);
  });
  return { records, issues };
}

/** Line of a field of the one record held in `text` (file lines from `offset` + 1), parsed when asked. */
function lineOfChunk(text: string, relPath: string, offset: number, fallback: number): LineOf {
  return (path) => {
    const p = parseText(text, relPath, offset + 1);
    const item = p.doc && isSeq(p.doc.contents) ? p.doc.contents.items[0] : undefined;
    return item ? lineFinder(item, p.counter, fallback, offset)(path) : fallback;
  };
}

/** Records of a list file as its top-level « - » lines count them (the build sizes itself on this, unparsed). */
export function countTopLevelItems(text: string): number {
  return text.match(/^-(?:[ \t]|$)/gm)?.length ?? 0;
}

/** An anchor (&nom) anywhere in the text: records may then share values, so the file is read as a whole. */
const hasAnchor = (text: string) => /(?:^|[\s[{,])&[^\s,\]}]/m.test(text);

export interface RecordsFile {
  records: RawRecord[];
  issues: DataIssue[];
  /**
   * The file holds no record at all. `explicit` when written as `[]` (an empty collection on purpose);
   * `implicit` when it is empty or only comments, which is most often a mistake.
   */
  empty?: 'explicit' | 'implicit';
}

/**
 * Reads a YAML file holding a list of records, keeping each record's line for error messages.
 * `content`, when given, is used instead of the file's text (the CSV import validates before writing).
 */
export function readYamlRecords(absPath: string, relPath: string, content?: string): RecordsFile {
  const file = readFile(absPath, relPath, content);
  if (file.text === undefined) return { records: [], issues: file.issues };
  // A list of records is read one record at a time: the same records and messages as a parse of the whole file,
  // with memory for one record's syntax tree instead of the file's (a 100,000-offer file is ~90 MB of YAML).
  if (!hasAnchor(file.text)) {
    const each = readRecordByRecord(file.text, relPath);
    if (each) return { records: each.records, issues: [...file.issues, ...each.issues], empty: each.records.length ? undefined : 'explicit' };
  }
  const p = parseText(file.text, relPath);
  if (!p.doc) {
    const recovered = readRecordByRecord(file.text, relPath);
    if (recovered) return { records: recovered.records, issues: [...file.issues, ...recovered.issues] };
    return { records: [], issues: [...file.issues, ...p.issues] };
  }
  const root = p.doc.contents;
  if (root === null) return { records: [], issues: file.issues, empty: 'implicit' };
  if (!isSeq(root)) {
    file.issues.push({
      niveau: 'erreur',
      fichier: relPath,
      ligne: 1,
      message: "le fichier doit contenir une liste d'enregistrements (chacun commence par « - »)",
    });
    return { records: [], issues: file.issues };
  }
  const r = recordsOfSeq(root, p.doc, p.counter, relPath, 0);
  return { records: r.records, issues: [...file.issues, ...r.issues], empty: r.records.length ? undefined : 'explicit' };
}

/** Reads a YAML mapping (the territory config) with line lookup. */
export function readYamlObject(absPath: string, relPath: string): { value: unknown; lineOf: LineOf; issues: DataIssue[] } {
  const file = readFile(absPath, relPath);
  if (file.text === undefined) return { value: undefined, lineOf: () => 1, issues: file.issues };
  const p = parseText(file.text, relPath);
  if (!p.doc) return { value: undefined, lineOf: () => 1, issues: [...file.issues, ...p.issues] };
  const plain = toPlain(p.doc.contents, p.doc);
  if ('error' in plain)
    return { value: undefined, lineOf: () => 1, issues: [...file.issues, { niveau: 'erreur', fichier: relPath, ligne: 1, message: plain.error }] };
  return { value: plain.value ?? undefined, lineOf: lineFinder(p.doc.contents, p.counter, 1), issues: file.issues };
}
