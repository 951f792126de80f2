/** /carte/domicile.json: zones of the offers at home, fetched only when that layer is switched on. */
import { site } from '../../lib/site';
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => new Response(JSON.stringify(site().mapData().domicile), { headers: { 'content-type': 'application/json' } });
