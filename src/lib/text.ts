/** Small text helpers shared by scripts and pages. */

/** "Villeneuve-sur-Lot" → "villeneuve-sur-lot"; accents dropped, anything else becomes a dash. */
export function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower-case form without accents, for matching what people type ("neRAC" → "nerac"). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Acronyms kept upper-case when a source label is re-cased. */
const ACRONYMS = new Set(['ehpad', 'cc', 'ccas', 'cias', 'caf', 'msa', 'admr', 'clic', 'cnfs', 'mjc', 'mds', 'epci', 'bp', 'ssiad', 'udaf', 'ufr', 'ca']);
const SMALL_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au', 'à', 'd', 'l']);

/** Turns an ALL-CAPS label from a source file into readable case; mixed-case text is left alone. */
export function titleCase(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .split(' ')
    .map((w, i) =>
      ACRONYMS.has(w)
        ? w.toUpperCase()
        : i > 0 && SMALL_WORDS.has(w)
          ? w
          : w.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase()),
    )
    .join(' ')
    .replace(/\b([DL])'(\p{L})/gu, (_m, a: string, c: string) => `${a.toLowerCase()}'${c.toUpperCase()}`);
}
