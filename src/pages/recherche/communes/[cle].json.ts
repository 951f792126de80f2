/**
 * /recherche/communes/<clé>.json: the communes of France with centre and postal codes, split by first
 * letter of the name or first two digits of the codes, so "Où ?" fetches one small file offline.
 */
import { ofThisPart } from '../../../lib/build-part';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadNational, nationalShards } from '../../../lib/search/national';

let shards: Map<string, unknown[]> | undefined;
const get = () => (shards ??= nationalShards(loadNational('data/reference/communes-france.json')));

export const getStaticPaths: GetStaticPaths = () => ofThisPart([...get().keys()]).map((cle) => ({ params: { cle } }));

export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(get().get(params.cle!) ?? []), { headers: { 'content-type': 'application/json' } });
