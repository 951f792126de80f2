/** The proposed record as the coordinator merges it: a YAML list item, a CSV row for `npm run import`, a mail. */
import { stringify } from 'yaml';
import { recordsToCsv } from '../../lib/export/csv';
import type { ProposalKind } from './record';

/** A YAML list item ("- id: …"), ready to append at the end of data/offres.yaml or data/structures.yaml. */
export function toYaml(record: Record<string, unknown>): string {
  return stringify([record], { lineWidth: 0 });
}

export function toCsv(kind: ProposalKind, record: Record<string, unknown>): string {
  return recordsToCsv(kind, [record]);
}

export function mailtoHref(to: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(to).replace('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function mailBody(kind: ProposalKind, record: Record<string, unknown>): string {
  const file = kind === 'offres' ? 'data/offres.yaml' : 'data/structures.yaml';
  return `Bonjour,\n\nVoici une proposition pour la Carte du lien (« ${String(record.nom ?? '')} »). L'enregistrement ci-dessous est prêt à ajouter à la fin de ${file}, puis à vérifier avec « npm run check-data ».\n\n${toYaml(record)}\nMerci.\n`;
}
