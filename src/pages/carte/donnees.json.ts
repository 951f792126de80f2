/** /carte/donnees.json: the geometries of the map's data layers, built with the site (zones à domicile: domicile.json). */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/site-data';
import { mapData } from '../../lib/map/data';
import type { MapJson } from '../../lib/map/contract';

export const GET: APIRoute = () => {
  const { points, equipes } = mapData(getDataset());
  const body: MapJson = { points, equipes };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
