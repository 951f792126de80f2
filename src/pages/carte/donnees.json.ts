/** /carte/donnees.json: the geometries of the map's data layers, built with the site (zones à domicile: domicile.json). */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/site-data';
import { mapData } from '../../lib/map/data';

export const GET: APIRoute = () => {
  const { points, equipes } = mapData(getDataset());
  return new Response(JSON.stringify({ points, equipes }), { headers: { 'content-type': 'application/json' } });
};
