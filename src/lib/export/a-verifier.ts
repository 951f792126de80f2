/**
 * The coordinator's freshness desk (/donnees/a-verifier/ and its CSV): every record whose « vérifié le »
 * is older than the territory's threshold, oldest first, with whom to call to check it.
 */
import type { Dataset } from '../data/dataset';
import { isStale, monthsSince } from '../data/freshness';
import type { RecordKind } from './columns';

export interface StaleRow {
  collection: RecordKind;
  type: string;
  id: string;
  nom: string;
  fiche: string;
  verifie_le: string;
  mois: number;
  telephone?: string;
  courriel?: string;
  porteur?: string;
  source: string;
}

const TYPES: Record<RecordKind, string> = { offres: 'Activité', lieux: 'Lieu', structures: 'Structure', equipes: 'Équipe citoyenne' };

export function staleRecords(ds: Dataset, today: Date): StaleRow[] {
  const months = ds.territoire.verification_mois;
  const structures = new Map(ds.structures.map((s) => [s.id, s]));
  const rows: StaleRow[] = [];
  const push = (
    collection: RecordKind,
    r: { id: string; nom: string; verifie_le: string; source: { nom: string } },
    contact: { telephone?: string; courriel?: string },
    porteurId?: string,
  ) => {
    if (!isStale(r.verifie_le, today, months)) return;
    const porteur = porteurId ? structures.get(porteurId) : undefined;
    rows.push({
      collection,
      type: TYPES[collection],
      id: r.id,
      nom: r.nom,
      fiche: `/${collection}/${r.id}/`,
      verifie_le: r.verifie_le,
      mois: monthsSince(r.verifie_le, today),
      // The record's own contact, else its porteur's: someone to call.
      telephone: contact.telephone ?? porteur?.telephone,
      courriel: contact.courriel ?? porteur?.courriel,
      porteur: porteur?.nom,
      source: r.source.nom,
    });
  };
  for (const s of ds.structures) push('structures', s, s);
  for (const l of ds.lieux) push('lieux', l, l, l.porteur);
  for (const o of ds.offres) push('offres', o, o.contact, o.porteur);
  for (const e of ds.equipes) push('equipes', e, e.contact, e.porteur);
  return rows.sort((a, b) => a.verifie_le.localeCompare(b.verifie_le) || a.nom.localeCompare(b.nom, 'fr'));
}

export const STALE_CSV_COLUMNS = ['type', 'id', 'nom', 'verifie_le', 'mois', 'telephone', 'courriel', 'porteur', 'source', 'fiche'] as const;

export function staleCsv(rows: StaleRow[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined ? '' : String(v);
    return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [STALE_CSV_COLUMNS.join(';'), ...rows.map((r) => STALE_CSV_COLUMNS.map((c) => cell(r[c])).join(';'))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
