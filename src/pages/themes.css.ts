/**
 * Colours of the territory's thématiques as classes, so that pages carry no style attribute (the CSP
 * allows stylesheets from the site only, src/lib/csp.ts). Ids are slugs (schema), colours #rrggbb.
 */
import type { APIRoute } from 'astro';
import { site } from '../lib/site';

export const GET: APIRoute = () => {
  const css = site()
    .ds.territoire.thematiques.map(
      (t) => `.th-fg-${t.id}{color:${t.couleur}}.th-bg-${t.id}{background:${t.couleur}}.card.th-bl-${t.id}{border-left:8px solid ${t.couleur}}`,
    )
    .join('\n');
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
