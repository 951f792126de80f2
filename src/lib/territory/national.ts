/**
 * National reference data read by the territory generator (node, build tooling only): the official list
 * of communes (COG, @etalab/decoupage-administratif), their centres and populations
 * (data/reference/communes-france.json) and the 2018 commune polygons per département (data/national/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';

export interface CogCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  chefLieu?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
  population?: number;
}
export interface CogEpci {
  code: string;
  nom: string;
  membres: { code: string; nom: string }[];
}
export interface CogDepartement {
  code: string;
  nom: string;
}

const require = createRequire(import.meta.url);
const readPackageJson = <T>(file: string): T => JSON.parse(readFileSync(require.resolve(`@etalab/decoupage-administratif/data/${file}`), 'utf8')) as T;

export interface Cog {
  /** Current communes (« commune-actuelle »), by INSEE code. */
  communes: Map<string, CogCommune>;
  /** Any code of the history (merged commune, commune déléguée or associée) → the current commune it is part of. */
  currentOf: (code: string) => string | undefined;
  epci: CogEpci[];
  departements: CogDepartement[];
}

let cog: Cog | undefined;
export function loadCog(): Cog {
  if (cog) return cog;
  const all = readPackageJson<CogCommune[]>('communes.json');
  const communes = new Map(all.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]));
  const former = new Map<string, string>();
  for (const c of communes.values()) for (const old of c.anciensCodes ?? []) if (!communes.has(old)) former.set(old, c.code);
  // Communes déléguées / associées are parts of a current commune (their chef-lieu), not communes.
  for (const c of all)
    if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu && !communes.has(c.code)) former.set(c.code, c.chefLieu);
  cog = {
    communes,
    currentOf: (code) => (communes.has(code) ? code : former.get(code)),
    epci: readPackageJson<CogEpci[]>('epci.json'),
    departements: readPackageJson<CogDepartement[]>('departements.json'),
  };
  return cog;
}

export interface CommuneCentre {
  code: string;
  nom: string;
  lat: number;
  lon: number;
  population?: number;
}

export function loadCentres(file: string): Map<string, CommuneCentre> {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as CommuneCentre[];
  return new Map(rows.map((r) => [r.code, r]));
}

/** The département whose 2018 polygon file holds a commune code (Corsica: 2A / 2B; overseas: 3 digits). */
export function departementOf(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

export function communesTopologyFile(nationalDir: string, dep: string): string {
  return path.join(nationalDir, 'communes-2018', `${dep}.topojson.gz`);
}

/** 2018 commune polygons of one département (quantised TopoJSON, object `communes`), or undefined if not shipped. */
export function loadCommunesTopology(nationalDir: string, dep: string): Topology | undefined {
  const file = communesTopologyFile(nationalDir, dep);
  if (!existsSync(file)) return undefined;
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Topology;
}
