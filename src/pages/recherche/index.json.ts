/** /recherche/index.json: the territory's search manifest (thématiques, communes, shards). */
import { site } from '../../lib/site';
import type { APIRoute } from 'astro';

export const GET: APIRoute = () => new Response(JSON.stringify(site().searchIndex().manifest), { headers: { 'content-type': 'application/json' } });
