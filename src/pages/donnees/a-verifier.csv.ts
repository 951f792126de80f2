/** /donnees/a-verifier.csv: the freshness desk as a spreadsheet (columns: src/lib/export/a-verifier.ts). */
import type { APIRoute } from 'astro';
import { site } from '../../lib/site';
import { staleCsv, staleRecords } from '../../lib/export/a-verifier';

export const GET: APIRoute = () => new Response(staleCsv(staleRecords(site().all, new Date())), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
