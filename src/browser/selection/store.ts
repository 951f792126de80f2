/**
 * The prescriber's selection: a list of fiches (kind + id) kept only in this browser (localStorage).
 * No account, nothing sent anywhere, no personal data: just identifiers of public fiches.
 */
export const KINDS = { offre: 'offres', lieu: 'lieux', equipe: 'equipes' } as const;
export type Kind = keyof typeof KINDS;
export interface Item {
  kind: Kind;
  id: string;
}

const KEY = 'carte-du-lien:selection';
/** Short letters of the share link: /selection/?s=o:cafe-des-aidants,l:mediatheque-nerac */
const LETTER: Record<Kind, string> = { offre: 'o', lieu: 'l', equipe: 'e' };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CHANGE_EVENT = 'selection:change';

export const ficheUrl = (i: Item) => `/${KINDS[i.kind]}/${i.id}/`;
const same = (a: Item, b: Item) => a.kind === b.kind && a.id === b.id;
const valid = (x: unknown): x is Item => typeof x === 'object' && x !== null && (x as Item).kind in KINDS && SLUG.test(String((x as Item).id));

/** Reads the list; anything malformed in storage is ignored (it only ever holds what this script wrote). */
export function load(storage: Pick<Storage, 'getItem'> = localStorage): Item[] {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? dedupe(raw.filter(valid).map((i) => ({ kind: i.kind, id: i.id }))) : [];
  } catch {
    return [];
  }
}

function dedupe(items: Item[]): Item[] {
  return items.filter((it, i) => items.findIndex((o) => same(o, it)) === i);
}

export function save(items: Item[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(dedupe(items)));
  if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent(CHANGE_EVENT));
}

export const has = (items: Item[], it: Item) => items.some((o) => same(o, it));
export const without = (items: Item[], it: Item) => items.filter((o) => !same(o, it));
export const withItem = (items: Item[], it: Item) => (has(items, it) ? items : [...items, it]);

/** Moves item i by delta (−1 up, +1 down); out-of-range moves change nothing. */
export function moved(items: Item[], i: number, delta: number): Item[] {
  const j = i + delta;
  if (i < 0 || j < 0 || i >= items.length || j >= items.length) return items;
  const out = [...items];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** "o:cafe-des-aidants,l:mediatheque-nerac" (ids are slugs: nothing to escape). */
export function encode(items: Item[]): string {
  return items.map((i) => `${LETTER[i.kind]}:${i.id}`).join(',');
}

export function decode(s: string): Item[] {
  const byLetter = Object.fromEntries(Object.entries(LETTER).map(([k, l]) => [l, k as Kind]));
  return dedupe(
    s
      .split(',')
      .map((part) => /^([a-z]):(.+)$/.exec(part.trim()))
      .flatMap((m) => (m && byLetter[m[1]!] && SLUG.test(m[2]!) ? [{ kind: byLetter[m[1]!]!, id: m[2]! }] : [])),
  );
}

export const shareQuery = (items: Item[]) => `?s=${encode(items)}`;
