/**
 * /carte/apercu.svg: the background of the overview of /carte/ (the territory's communes and outline), a file of its
 * own so that the page's HTML stays light (the outlines are most of the drawing's weight) and browsers cache it. The
 * page draws the names and the points over it, in the same frame (src/pages/carte/index.astro).
 */
import type { APIRoute } from 'astro';
import { site } from '../../lib/site';

export const GET: APIRoute = () => {
  const m = site().overviewMap();
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${m.width} ${m.height}" width="${m.width}" height="${m.height}">`,
    `<rect width="${m.width}" height="${m.height}" fill="#eef1f4"/>`,
    `<g fill="#fbfaf7" stroke="#b8bfc7" stroke-width="0.6" stroke-linejoin="round">${m.communes.map((d) => `<path d="${d}"/>`).join('')}</g>`,
    m.area ? `<path d="${m.area}" fill="none" stroke="#3d4650" stroke-width="2" stroke-linejoin="round"/>` : '',
    '</svg>',
  ].join('');
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
