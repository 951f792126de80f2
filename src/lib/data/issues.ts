/** A problem found in the data, precise enough for a coordinator to fix it without reading code. */
export interface DataIssue {
  niveau: 'erreur' | 'avertissement';
  /** Path relative to the project root, e.g. "data/offres.yaml". */
  fichier: string;
  /** 1-based line of the record (or of the field when known). */
  ligne?: number;
  /** Record id, or "#n" (1-based position) when the record has no usable id. */
  enregistrement?: string;
  /** Dotted path of the field, e.g. "mode.arrets[2].horaires". */
  champ?: string;
  valeur?: unknown;
  message: string;
}

/** Dotted path of a field: ["mode", "arrets", 2, "horaires"] → "mode.arrets[2].horaires". */
export function fieldPath(p: (string | number)[]): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
}

export function formatValue(v: unknown): string {
  if (v === undefined) return '(absent)';
  const s = typeof v === 'string' ? `« ${v} »` : JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

export function formatIssue(i: DataIssue): string {
  const where = i.ligne ? `${i.fichier}:${i.ligne}` : i.fichier;
  const parts = [where];
  if (i.enregistrement) parts.push(`enregistrement ${i.enregistrement}`);
  if (i.champ) parts.push(`champ ${i.champ}`);
  const head = parts.join(' · ');
  const value = 'valeur' in i ? ` (valeur : ${formatValue(i.valeur)})` : '';
  return `${i.niveau === 'erreur' ? 'ERREUR' : 'AVERTISSEMENT'} ${head} — ${i.message}${value}`;
}

/** Reading order: file by file (in order of first appearance), line by line. */
export function sortIssues(issues: DataIssue[]): DataIssue[] {
  const files = [...new Set(issues.map((i) => i.fichier))];
  return [...issues].sort((a, b) => files.indexOf(a.fichier) - files.indexOf(b.fichier) || (a.ligne ?? 0) - (b.ligne ?? 0));
}

export function formatReport(unsorted: DataIssue[]): string {
  const issues = sortIssues(unsorted);
  const errors = issues.filter((i) => i.niveau === 'erreur');
  const warnings = issues.filter((i) => i.niveau === 'avertissement');
  const lines = [...errors, ...warnings].map(formatIssue);
  lines.push(`${errors.length} erreur(s), ${warnings.length} avertissement(s).`);
  return lines.join('\n');
}

/** Thrown by the build when the data is invalid; its message lists every error. */
export class DataValidationError extends Error {
  constructor(public readonly issues: DataIssue[]) {
    super(`Les données contiennent des erreurs :\n${formatReport(issues)}`);
    this.name = 'DataValidationError';
  }
}
