/** /donnees/zones-blanches.csv — one row per commune × thématique (format described in README and src/lib/coverage/csv.ts). */
import { site } from '../../lib/site';
import type { APIRoute } from 'astro';
import { coverageCsv } from '../../lib/coverage/csv';

export const GET: APIRoute = () => {
  const cov = site().coverage();
  return new Response(coverageCsv(cov.input.communes, cov.input.themes, cov.rows, cov.seniorsEstimated), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
