/**
 * Words that depend on the territory, computed from its own data so that no pilot text leaks into
 * another territory's site: the example typed in the « Où ? » field (its largest communes and their
 * postal codes), and the kinds of lieux it actually has.
 */
import type { Dataset } from './data/dataset';
import { postalCodes } from './search/national';
import { TYPES_LIEU, type TypeLieu } from '../schemas';

export interface SearchExample {
  /** Name of the most populated commune. */
  nom: string;
  /** A postal code of the territory: that of the second most populated commune (or the first's). */
  codePostal?: string;
}

export function searchExample(ds: Dataset): SearchExample | undefined {
  const byPop = [...ds.communes.values()].sort((a, b) => b.population - a.population || a.nom.localeCompare(b.nom, 'fr'));
  const first = byPop[0];
  if (!first) return undefined;
  const cps = postalCodes();
  const other = byPop[1] ?? first;
  return { nom: first.nom, codePostal: cps.get(other.code)?.[0] ?? cps.get(first.code)?.[0] };
}

/** « ex. Agen ou 47300 », or « ex. Agen » when no postal code is known. */
export function searchPlaceholder(ds: Dataset): string {
  const ex = searchExample(ds);
  if (!ex) return '';
  return ex.codePostal ? `ex. ${ex.nom} ou ${ex.codePostal}` : `ex. ${ex.nom}`;
}

/** « Commune ou code postal, par ex. « Agen » ou « 47300 » ». */
export function searchHint(ds: Dataset): string {
  const ex = searchExample(ds);
  if (!ex) return 'Commune ou code postal';
  return `Commune ou code postal, par ex. « ${ex.nom} »${ex.codePostal ? ` ou « ${ex.codePostal} »` : ''}`;
}

/** The lieu types the territory has, most frequent first, in lower case: « bibliothèques / médiathèques, France services ». */
export function lieuTypesPresent(ds: Dataset): { type: TypeLieu; libelle: string; count: number }[] {
  const counts = new Map<TypeLieu, number>();
  for (const l of ds.lieux) counts.set(l.type, (counts.get(l.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, count]) => ({ type, libelle: TYPES_LIEU[type], count }));
}

export function lieuTypesSentence(ds: Dataset): string {
  const types = lieuTypesPresent(ds);
  return types.map((t) => (t.type === 'france_services' ? t.libelle : t.libelle.charAt(0).toLowerCase() + t.libelle.slice(1))).join(', ');
}
