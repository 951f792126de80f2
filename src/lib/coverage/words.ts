/** French wording and number formats shared by the coverage pages, the CSV and the report. */
import type { CommuneCoverage, CoverageTheme, CoverageWay, ThemeSummary } from './model';

// Formatters made once: toLocaleString builds a new Intl.NumberFormat on every call, which was the
// single biggest cost of the commune tables at 10,000 communes.
const INT = new Intl.NumberFormat('fr-FR');
const KM1 = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });

/** Whole number with French digit grouping ("12 400"); estimates are rounded to the unit. */
export function formatInt(n: number): string {
  return INT.format(Math.round(n));
}

/** Seniors figure, or « non estimé » when no population grid covers the territory (never a false 0). */
export function formatSeniors(n: number, estimated: boolean): string {
  return estimated ? formatInt(n) : 'non estimé';
}

/** "42 %" (rounded to the unit; "moins de 1 %" when a non-zero share rounds to 0). */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const p = (100 * part) / whole;
  if (p > 0 && p < 0.5) return 'moins de 1 %';
  return `${INT.format(Math.round(p))} %`;
}

/** Distance for tables and CSV: one decimal, decimal comma ("12,3"). */
export function formatKm(km: number | null): string {
  return km === null ? '' : KM1.format(km);
}

export function km(n: number): string {
  return `${INT.format(n)} km`;
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
  lieu: 'lieu ouvert à tous à proximité',
};

/** How a covered commune is covered, in words; "non couverte" otherwise. */
export function coverageInWords(row: CommuneCoverage): string {
  if (!row.couvert) return 'non couverte';
  if (!row.parActivite) return 'seulement par un lieu ouvert à tous à proximité (aucune activité)';
  return row.via.map((w) => WAY_LABELS[w]).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return Math.round(n) <= 1 ? one : many;
}

/**
 * One sentence per thématique, e.g. "12 400 habitants, dont 3 900 de 65 ans et plus, vivent dans une
 * commune à plus de 5 km à vol d'oiseau d'une offre « Activité physique adaptée » sur place, sans offre à domicile."
 */
export function summarySentence(
  theme: CoverageTheme,
  s: ThemeSummary,
  opts: { teamsFill?: boolean; seniorsEstimated?: boolean; lieuxCount?: boolean } = {},
): string {
  const pop = s.population - s.populationCouverte;
  const p65 = s.pop65 - s.pop65Couverte;
  const communes = s.communes - s.communesCouvertes;
  const what = `d'une offre « ${theme.libelle} »`;
  const lieuOnly = s.communesLieuSeulement
    ? ` ${formatInt(s.communesLieuSeulement)} ${plural(s.communesLieuSeulement, 'autre commune n’est couverte', 'autres communes ne sont couvertes')} que par un lieu ouvert à tous, sans activité.`
    : '';
  if (communes === 0)
    return `Toutes les communes ont une offre « ${theme.libelle} » ${reachInWords(theme)}, à domicile${theme.distance_comble ? ' ou à distance' : ''}${opts.lieuxCount ? ' ou un lieu ouvert à tous' : ''}.${lieuOnly}`;
  const home = [opts.teamsFill && 'équipe citoyenne', opts.lieuxCount && 'lieu ouvert à tous à proximité'].filter(Boolean);
  const without = home.length ? `sans offre à domicile${home.map((h) => ` ni ${h}`).join('')}` : 'sans offre à domicile';
  const seniors = opts.seniorsEstimated === false ? '' : `, dont ${formatInt(p65)} de 65 ans et plus,`;
  return (
    `${formatInt(pop)} ${plural(pop, 'habitant', 'habitants')}${seniors} ` +
    `${plural(pop, 'vit', 'vivent')} dans ${formatInt(communes)} ${plural(communes, 'commune', 'communes')} à plus de ${km(theme.portee_km)} à vol d'oiseau ` +
    `${what} sur place, ${without}${theme.distance_comble ? ' ni offre à distance' : ''}.${lieuOnly}`
  );
}
