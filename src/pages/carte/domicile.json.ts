/** /carte/domicile.json: zones of the offers at home, fetched only when that layer is switched on. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/site-data';
import { mapData } from '../../lib/map/data';

export const GET: APIRoute = () => new Response(JSON.stringify(mapData(getDataset()).domicile), { headers: { 'content-type': 'application/json' } });
