/** French wording and number formats shared by the coverage pages, the CSV and the report. */
import type { CommuneCoverage, CoverageTheme, CoverageWay, ThemeSummary } from './model';

/** Whole number with French digit grouping ("12 400"); estimates are rounded to the unit. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('fr-FR');
}

/** "42 %" (rounded to the unit; "moins de 1 %" when a non-zero share rounds to 0). */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const p = (100 * part) / whole;
  if (p > 0 && p < 0.5) return 'moins de 1 %';
  return `${Math.round(p).toLocaleString('fr-FR')} %`;
}

/** Distance for tables and CSV: one decimal, decimal comma ("12,3"). */
export function formatKm(km: number | null): string {
  return km === null ? '' : km.toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
}

export function km(n: number): string {
  return `${n.toLocaleString('fr-FR')} km`;
}

/** "à moins de 10 km à vol d'oiseau". */
export function reachInWords(theme: Pick<CoverageTheme, 'portee_km'>): string {
  return `à moins de ${km(theme.portee_km)} à vol d'oiseau`;
}

export const WAY_LABELS: Record<CoverageWay, string> = {
  proximite: 'offre sur place à proximité',
  domicile: 'offre à domicile',
  equipe: 'équipe citoyenne',
  distance: 'offre par téléphone ou en ligne',
};

/** How a covered commune is covered, in words; "non couverte" otherwise. */
export function coverageInWords(row: CommuneCoverage): string {
  if (!row.couvert) return 'non couverte';
  return row.via.map((w) => WAY_LABELS[w]).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return Math.round(n) <= 1 ? one : many;
}

/**
 * One sentence per thématique, e.g. "12 400 habitants, dont 3 900 de 65 ans et plus, vivent dans une
 * commune à plus de 5 km à vol d'oiseau d'une offre « Activité physique adaptée » sur place, sans offre à domicile."
 */
export function summarySentence(theme: CoverageTheme, s: ThemeSummary, opts: { teamsFill?: boolean } = {}): string {
  const pop = s.population - s.populationCouverte;
  const p65 = s.pop65 - s.pop65Couverte;
  const communes = s.communes - s.communesCouvertes;
  const what = `d'une offre « ${theme.libelle} »`;
  if (communes === 0)
    return `Toutes les communes ont une offre « ${theme.libelle} » ${reachInWords(theme)}, à domicile${theme.distance_comble ? ' ou à distance' : ''}.`;
  const home = opts.teamsFill ? 'sans offre à domicile ni équipe citoyenne' : 'sans offre à domicile';
  return (
    `${formatInt(pop)} ${plural(pop, 'habitant', 'habitants')}, dont ${formatInt(p65)} de 65 ans et plus, ` +
    `${plural(pop, 'vit', 'vivent')} dans ${formatInt(communes)} ${plural(communes, 'commune', 'communes')} à plus de ${km(theme.portee_km)} à vol d'oiseau ` +
    `${what} sur place, ${home}${theme.distance_comble ? ' ni offre à distance' : ''}.`
  );
}
