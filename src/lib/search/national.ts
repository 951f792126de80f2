/**
 * National commune list for the "Où ?" field (node, build time): centres from data/reference/communes-france.json
 * joined with postal codes from @etalab/decoupage-administratif.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nationalKeys, type CommuneRow } from './communes';

interface DecoupageCommune {
  code: string;
  type: string;
  codesPostaux?: string[];
}

let postal: Map<string, string[]> | undefined;
/** Postal codes by INSEE code of the current communes. */
export function postalCodes(): Map<string, string[]> {
  if (postal) return postal;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@etalab/decoupage-administratif/data/communes.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as DecoupageCommune[];
  postal = new Map(list.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.codesPostaux ?? []]));
  return postal;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function loadNational(file: string): CommuneRow[] {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as { code: string; nom: string; lat: number; lon: number; population?: number }[];
  const cps = postalCodes();
  return rows.map((c) => [c.code, c.nom, r4(c.lat), r4(c.lon), (cps.get(c.code) ?? []).join(' '), c.population ?? 0]);
}

/** The national list split by nationalKey (first letter of the name, first two digits of the codes). */
export function nationalShards(rows: CommuneRow[]): Map<string, CommuneRow[]> {
  const out = new Map<string, CommuneRow[]>();
  for (const r of rows) for (const k of nationalKeys(r)) (out.get(k) ?? out.set(k, []).get(k)!).push(r);
  return out;
}
