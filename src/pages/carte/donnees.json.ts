/** /carte/donnees.json: the geometries of the map's data layers, built with the site. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/site-data';
import { mapData } from '../../lib/map/data';

export const GET: APIRoute = () => {
  const { points, equipes, domicile } = mapData(getDataset());
  return new Response(JSON.stringify({ points, equipes, domicile }), { headers: { 'content-type': 'application/json' } });
};
