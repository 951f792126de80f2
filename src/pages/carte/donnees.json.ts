/** /carte/donnees.json: the geometries of the map's data layers, built with the site (zones à domicile: domicile.json). */
import { site } from '../../lib/site';
import type { APIRoute } from 'astro';
import type { MapJson } from '../../lib/map/contract';

export const GET: APIRoute = () => {
  const { points, equipes } = site().mapData();
  const body: MapJson = { points, equipes };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
