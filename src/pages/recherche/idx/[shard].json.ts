/**
 * /recherche/idx/<département>.json: the search records of one département (and "a-distance"). Written by the part
 * that writes the manifest (/recherche/index.json), which builds the whole index anyway.
 */
import { withSinglePages } from '../../../lib/build-part';
import { site } from '../../../lib/site';
import type { APIRoute, GetStaticPaths } from 'astro';

export const getStaticPaths: GetStaticPaths = () => withSinglePages(() => [...site().searchIndex().shards.keys()]).map((shard) => ({ params: { shard } }));

export const GET: APIRoute = ({ params }) => {
  const shard = site().searchIndex().shards.get(params.shard!);
  if (!shard) return new Response('introuvable', { status: 404 });
  return new Response(JSON.stringify(shard), { headers: { 'content-type': 'application/json' } });
};
