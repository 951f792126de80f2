/** /recherche/index.json: the territory's search manifest (thématiques, communes, shards). */
import type { APIRoute } from 'astro';
import { getSearchIndex } from '../../lib/search/site-index';

export const GET: APIRoute = () => new Response(JSON.stringify(getSearchIndex().manifest), { headers: { 'content-type': 'application/json' } });
