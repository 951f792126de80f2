/**
 * The search index as the browser receives it: a small manifest per territory (thématiques, communes,
 * list of shards) and one shard per département (records + their vocabulary). Kept compact: short keys,
 * bitmasks for facets, words as numbers.
 */

import { JOURS, KINDS, MODES, MOMENTS, PUBLICS, type Mode, type Public } from '../../schemas/vocabulary';

/** Orders of the vocabularies (src/schemas/vocabulary.ts) that index and bitmasks follow. */
export const MODE_KEYS = Object.keys(MODES) as Mode[];
export type ModeKey = Mode;
export const PUBLIC_KEYS = Object.keys(PUBLICS) as Public[];
export const MOMENT_KEYS = Object.keys(MOMENTS) as (keyof typeof MOMENTS)[];
export type MomentKey = (typeof MOMENT_KEYS)[number];
/** Week days as in the URL and scheduleFacets (0 = lundi). */
export const JOUR_KEYS = Object.keys(JOURS) as (keyof typeof JOURS)[];
/** One-letter kinds of the wire format, and the word each has in URLs (`?type=offres`). */
export const KIND_KEYS = { o: KINDS.offre.url, l: KINDS.lieu.url, e: KINDS.equipe.url } as const;
export type Kind = keyof typeof KIND_KEYS;

export const FLAG = { gratuit: 1, sansInscription: 2, pmr: 4, exemple: 8 } as const;

/** Word weights: a word in the name counts more than one in the description. */
export const WEIGHT = { description: 1, context: 2, name: 3 } as const;

/** A point where an offer happens: [lat, lon, label ("Médiathèque, Nérac")]. */
export type PointRow = [number, number, string];

export interface SearchRecord {
  /** Kind: o = offre, l = lieu, e = équipe citoyenne. */
  k: Kind;
  id: string;
  /** Name. */
  n: string;
  /** Fiche URL. */
  u: string;
  /** Second line: porteur, type of place. */
  s?: string;
  /** Thématique indexes (manifest.themes). */
  t?: number[];
  /** Publics bitmask (PUBLIC_KEYS order). */
  pu?: number;
  /** Mode index (MODE_KEYS). */
  m: number;
  /** FLAG bitmask. */
  f: number;
  /** Days bitmask (bit 0 = lundi), moments bitmask (MOMENT_KEYS order). */
  j?: number;
  mo?: number;
  /** Physical points (sur place, itinerant stops). */
  p?: PointRow[];
  /** Communes served at home (à domicile offers, équipes). */
  z?: string[];
  /** Words: vocabulary index × 4 + weight. */
  w: number[];
}

export interface Shard {
  /** Vocabulary of the shard, sorted. */
  v: string[];
  r: SearchRecord[];
}

export interface ShardInfo {
  id: string;
  url: string;
  /** [south, west, north, east] of the shard's points and zones; null for the "à distance" shard. */
  bbox: [number, number, number, number] | null;
  /** Records and bytes, so the page can decide what to fetch. */
  n: number;
  bytes: number;
}

export interface ThemeInfo {
  id: string;
  libelle: string;
  /** Inline SVG of the pictogram, generated at build from lucide-static (trusted markup, not data text). */
  icon: string;
  couleur: string;
}

export interface Manifest {
  territoire: { id: string; nom: string };
  themes: ThemeInfo[];
  /** Territory communes: [code, nom, lat, lon, postal codes, population]. */
  communes: [string, string, number, number, string, number][];
  shards: ShardInfo[];
  /** Folder of the national commune list (files <nationalKey>.json), fetched only when a typed place is not in the territory. */
  national: string;
  /** True when `communes` is empty because the territory is too large: national communes of the shards' départements count as local. */
  communesInNational: boolean;
  /** Build date (schedules are read from it). */
  built: string;
}
