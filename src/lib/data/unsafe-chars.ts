/**
 * Characters that have no place in a name or a description and can be used to disguise text:
 * control characters (NUL, bell, escape…; tab and line breaks are allowed) and the bidirectional
 * embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) that reverse the order in which the
 * following text is shown (« Trojan Source »). Right-to-left scripts themselves (Arabic, Hebrew) are
 * welcome: pages show names in <bdi> or with dir="auto" so that they cannot scramble the text around them.
 */
import { fieldPath } from './issues';

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Problem with one string, in French, or null. */
export function unsafeCharProblem(s: string): string | null {
  const b = BIDI.exec(s);
  if (b)
    return `caractère invisible de contrôle du sens d’écriture (${codePoint(b[0])}, position ${b.index + 1}) : il peut retourner l’affichage du texte ; supprimez-le`;
  const c = CONTROL.exec(s);
  if (c) return `caractère de contrôle invisible (${codePoint(c[0])}, position ${c.index + 1}), souvent venu d’un copier-coller : supprimez-le`;
  return null;
}

/** Every string field of a record holding such a character, with its field path. */
export function unsafeChars(value: unknown): { champ: string; path: (string | number)[]; message: string }[] {
  const found: { champ: string; path: (string | number)[]; message: string }[] = [];
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      const m = unsafeCharProblem(v);
      if (m) found.push({ champ: fieldPath(p), path: p, message: m });
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...p, i]]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, [...p, k]]);
  }
  return found.reverse();
}
