/**
 * Which communes make the territory: a département code (« 47 », « 2A », « 974 »), an EPCI SIREN
 * (9 digits) or a list of INSEE codes (commas or spaces). Codes of former communes are mapped to the
 * current commune they belong to, and said so.
 */
import { departementOf, type Cog } from './national';

export type Niveau = 'commune' | 'communes' | 'epci' | 'departement';

export interface Selection {
  niveau: Niveau;
  code: string;
  nom: string;
  /** Current INSEE codes, sorted. */
  communes: string[];
  /** Human-readable notes (codes mapped to their current commune). */
  notes: string[];
  /** Codes that are no commune of the official list. */
  unknown: string[];
}

const DEP = /^(?:\d{2}|2[AB]|97\d)$/i;
const SIREN = /^\d{9}$/;
const INSEE = /^(?:\d{5}|2[AB]\d{3})$/i;

export function selectTerritory(arg: string[], cog: Cog): Selection {
  const tokens = arg
    .flatMap((a) => a.split(/[\s,;]+/))
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  if (!tokens.length) throw new Error('indiquer un code de département (ex. 47), un SIREN d’EPCI (9 chiffres) ou une liste de codes INSEE');
  if (tokens.length === 1 && DEP.test(tokens[0]!)) {
    const code = tokens[0]!;
    const dep = cog.departements.find((d) => d.code === code);
    if (!dep) throw new Error(`département inconnu : ${code}`);
    const communes = [...cog.communes.values()]
      .filter((c) => c.departement === code)
      .map((c) => c.code)
      .sort();
    return { niveau: 'departement', code, nom: dep.nom, communes, notes: [], unknown: [] };
  }
  if (tokens.length === 1 && SIREN.test(tokens[0]!)) {
    const epci = cog.epci.find((e) => e.code === tokens[0]);
    if (!epci) throw new Error(`aucun EPCI (intercommunalité) avec le SIREN ${tokens[0]} dans la liste officielle`);
    return fromCodes(
      'epci',
      epci.code,
      epci.nom,
      epci.membres.map((m) => m.code),
      cog,
    );
  }
  const bad = tokens.filter((t) => !INSEE.test(t));
  if (bad.length) throw new Error(`code(s) non reconnu(s) : ${bad.join(', ')} (attendu : un département, un SIREN d’EPCI ou des codes INSEE à 5 caractères)`);
  const sel = fromCodes(tokens.length === 1 ? 'commune' : 'communes', '', '', tokens, cog);
  const first = cog.communes.get(sel.communes[0] ?? '');
  sel.code = sel.communes.length === 1 ? sel.communes[0]! : sel.communes.join('-').slice(0, 60);
  sel.nom = sel.communes.length === 1 ? (first?.nom ?? sel.code) : `${first?.nom ?? ''} et ${sel.communes.length - 1} autre(s) commune(s)`;
  return sel;
}

function fromCodes(niveau: Niveau, code: string, nom: string, codes: string[], cog: Cog): Selection {
  const out = new Set<string>();
  const notes: string[] = [];
  const unknown: string[] = [];
  for (const c of codes) {
    const current = cog.currentOf(c);
    if (!current) unknown.push(c);
    else {
      if (current !== c) notes.push(`${c} fait aujourd’hui partie de la commune ${current} (${cog.communes.get(current)?.nom ?? ''})`);
      out.add(current);
    }
  }
  return { niveau, code, nom, communes: [...out].sort(), notes, unknown };
}

/** Départements whose polygon files hold the territory's communes (and their former communes). */
export function departementsOf(communes: string[], cog: Cog): string[] {
  const deps = new Set<string>();
  for (const c of communes) {
    deps.add(cog.communes.get(c)?.departement ?? departementOf(c));
    // Codes older than 1976 in Corsica start with 20: no such file, their polygons are in 2A / 2B.
    for (const old of cog.communes.get(c)?.anciensCodes ?? []) if (departementOf(old) !== '20') deps.add(departementOf(old));
  }
  return [...deps].sort();
}
