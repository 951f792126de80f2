/**
 * /donnees/zones-blanches.csv: one row per commune × thématique.
 * UTF-8 with BOM (so that spreadsheet software reads the accents), `;` separator, decimal comma,
 * CRLF line ends (RFC 4180). `couvert` is "oui" / "non"; `distance_km` (to the nearest on-site offer or
 * itinerant stop, one decimal) is empty when the thématique has no such offer; seniors are rounded estimates.
 */
import type { CommuneCoverage, CoverageCommune, CoverageTheme } from './model';
import { formatKm } from './words';

export const CSV_COLUMNS = ['code_insee', 'commune', 'thematique', 'couvert', 'distance_km', 'population', 'population_65_plus', 'population_80_plus'] as const;

function cell(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(c: CoverageCommune, theme: CoverageTheme, row: CommuneCoverage): string[] {
  return [c.code, c.nom, theme.id, row.couvert ? 'oui' : 'non', formatKm(row.distanceKm), String(Math.round(c.population)), String(Math.round(c.pop65)), String(Math.round(c.pop80))];
}

/** Rows ordered by commune code, then by the catalogue's order of thématiques. */
export function coverageCsv(communes: CoverageCommune[], themes: CoverageTheme[], rows: CommuneCoverage[][]): string {
  const lines = [CSV_COLUMNS.join(';')];
  communes.forEach((c, i) => themes.forEach((t, ti) => lines.push(csvRow(c, t, rows[ti]![i]!).map(cell).join(';'))));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
