/**
 * The drawing of a small static map (components/MiniMap.astro) as an SVG string.
 *
 * Why not Astro elements: a commune page's map draws the outlines of 20 to 60 neighbouring communes, and each
 * `<path>` went through Astro's rendering machinery (attribute checks, escaping, buffering): the small maps were
 * a sixth of a national build's commune pages (profile at 100,000 offers). The markup is what the component
 * wrote, byte for byte (see escape.ts).
 */
import type { StaticMap } from '../map/static-map';
import { escapeAttr, escapeText } from './escape';

/**
 * `symbole`: 'lieu' draws squares, anything else (a thématique) circles; `couleur` fills the points.
 * Hidden from assistive technology: the figure's caption says what the map shows.
 */
export function staticMapSvg(map: StaticMap, symbole: string, couleur: string): string {
  const points = map.points
    .map((p) =>
      symbole === 'lieu' ? `<rect x="${p.x - 10}" y="${p.y - 10}" width="20" height="20" rx="4"></rect>` : `<circle cx="${p.x}" cy="${p.y}" r="10"></circle>`,
    )
    .join('');
  return (
    `<svg class="minimap-svg" viewBox="0 0 ${map.width} ${map.height}" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid slice">` +
    `<rect width="${map.width}" height="${map.height}" class="mm-fond"></rect>` +
    `<g class="mm-communes">${map.communes.map((d) => `<path d="${escapeAttr(d)}"></path>`).join('')}</g>` +
    (map.area ? `<path class="mm-zone" d="${escapeAttr(map.area)}"></path>` : '') +
    `<g class="mm-noms">${map.labels.map((l) => `<text x="${l.x}" y="${l.y}">${escapeText(l.text)}</text>`).join('')}</g>` +
    `<g class="mm-points" fill="${escapeAttr(couleur)}">${points}</g>` +
    '</svg>'
  );
}
