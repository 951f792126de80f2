/** /donnees/<fichier>: each open-data file of the catalogue (src/lib/export/catalog.ts), built with the site. */
import { ofThisPart } from '../../lib/build-part';
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site';
import { dataFiles } from '../../lib/export/catalog';

export const getStaticPaths: GetStaticPaths = () =>
  ofThisPart(dataFiles(site().all, (c) => site().communesArea(c)).filter((f) => f.contenu)).map((f) => ({ params: { fichier: f.fichier } }));

export const GET: APIRoute = ({ params }) => {
  const f = dataFiles(site().all, (c) => site().communesArea(c)).find((x) => x.fichier === params.fichier)!;
  return new Response(f.contenu!(), { headers: { 'Content-Type': f.type } });
};
