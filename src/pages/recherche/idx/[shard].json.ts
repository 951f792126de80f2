/** /recherche/idx/<département>.json: the search records of one département (and "a-distance"). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSearchIndex } from '../../../lib/search/site-index';

export const getStaticPaths: GetStaticPaths = () => [...getSearchIndex().shards.keys()].map((shard) => ({ params: { shard } }));

export const GET: APIRoute = ({ params }) => {
  const shard = getSearchIndex().shards.get(params.shard!);
  if (!shard) return new Response('introuvable', { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
