/**
 * /donnees/zones-blanches.csv: one row per commune × thématique.
 * UTF-8 with BOM (so that spreadsheet software reads the accents), `;` separator, decimal comma,
 * CRLF line ends (RFC 4180). `couvert` is "oui" / "non"; `distance_km` (to the nearest on-site offer or
 * itinerant stop, one decimal) is empty when the thématique has no such offer; seniors are rounded estimates.
 */
import type { CommuneCoverage, CoverageCommune, CoverageTheme } from './model';
import { formatKm } from './words';

/** The first eight columns are those of the first version: new columns are only ever added at the end. */
export const CSV_COLUMNS = [
  'code_insee',
  'commune',
  'thematique',
  'couvert',
  'distance_km',
  'population',
  'population_65_plus',
  'population_80_plus',
  'couvert_par',
  'distance_lieu_km',
] as const;

/** `couvert_par`: « activite » (an offer or an équipe), « lieu_seulement » (only a lieu open to all), empty when not covered. */
export function coveredBy(row: CommuneCoverage): string {
  return !row.couvert ? '' : row.parActivite ? 'activite' : 'lieu_seulement';
}

function cell(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Seniors columns are empty, not 0, when no population grid covers the territory (`seniorsEstimated: false`). */
export function csvRow(c: CoverageCommune, theme: CoverageTheme, row: CommuneCoverage, seniorsEstimated = true): string[] {
  const seniors = (n: number) => (seniorsEstimated ? String(Math.round(n)) : '');
  return [
    c.code,
    c.nom,
    theme.id,
    row.couvert ? 'oui' : 'non',
    formatKm(row.distanceKm),
    String(Math.round(c.population)),
    seniors(c.pop65),
    seniors(c.pop80),
    coveredBy(row),
    formatKm(row.lieuKm ?? null),
  ];
}

/** Rows ordered by commune code, then by the catalogue's order of thématiques. */
export function coverageCsv(communes: CoverageCommune[], themes: CoverageTheme[], rows: CommuneCoverage[][], seniorsEstimated = true): string {
  const lines = [CSV_COLUMNS.join(';')];
  communes.forEach((c, i) => themes.forEach((t, ti) => lines.push(csvRow(c, t, rows[ti]![i]!, seniorsEstimated).map(cell).join(';'))));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
