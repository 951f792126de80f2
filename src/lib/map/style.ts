/**
 * Map styles of our own, runnable in the browser (no Node import). Text is drawn by MapLibre from the
 * site's own font files through the style's `font-faces` (no glyph server): every request stays on the
 * site's origin.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

export const FONT_REGULAR = 'Atkinson Regular';
export const FONT_BOLD = 'Atkinson Bold';

export interface FontUrls {
  regular: string;
  bold: string;
}

/** Absolute URL on the page's origin (MapLibre's workers need absolute URLs). */
export function absolute(url: string): string {
  return new URL(url, location.href).href;
}

function fontFaces(fonts: FontUrls): Record<string, { url: string }[]> {
  return { [FONT_REGULAR]: [{ url: absolute(fonts.regular) }], [FONT_BOLD]: [{ url: absolute(fonts.bold) }] };
}

/** Calm palette: the basemap stays in the background so the data layers stand out. */
export const BASE_COLORS = {
  paper: '#f6f4ef',
  mask: 'rgba(88, 84, 76, 0.30)',
  commune: '#b8b0a2',
  outline: '#4f473b',
  water: '#8fbcd9',
  waterFill: '#c6dfee',
  label: '#3b3731',
  halo: 'rgba(255, 255, 255, 0.92)',
};

/** The generated basemap (scripts/build-basemap.ts), from a PMTiles archive on the site. */
export function generatedStyle(pmtilesUrl: string, fonts: FontUrls): StyleSpecification {
  const c = BASE_COLORS;
  return {
    version: 8,
    'font-faces': fontFaces(fonts),
    sources: {
      fond: { type: 'vector', url: `pmtiles://${absolute(pmtilesUrl)}`, attribution: 'IGN Admin Express, Natural Earth' },
    },
    layers: [
      { id: 'fond', type: 'background', paint: { 'background-color': c.paper } },
      { id: 'eau-surfaces', type: 'fill', source: 'fond', 'source-layer': 'eau_surfaces', paint: { 'fill-color': c.waterFill } },
      {
        id: 'eau-lignes',
        type: 'line',
        source: 'fond',
        'source-layer': 'eau_lignes',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': c.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2.5, 14, 5] },
      },
      {
        id: 'communes-limites',
        type: 'line',
        source: 'fond',
        'source-layer': 'communes',
        paint: { 'line-color': c.commune, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.4, 10, 0.9, 14, 1.6], 'line-dasharray': [3, 2] },
      },
      { id: 'masque', type: 'fill', source: 'fond', 'source-layer': 'masque', paint: { 'fill-color': c.mask } },
      {
        id: 'territoire-contour',
        type: 'line',
        source: 'fond',
        'source-layer': 'territoire',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': c.outline, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.5, 12, 3] },
      },
      {
        id: 'lieux-habites',
        type: 'symbol',
        source: 'fond',
        'source-layer': 'lieux_habites',
        layout: { 'text-field': ['get', 'nom'], 'text-font': [FONT_REGULAR], 'text-size': 13, 'symbol-sort-key': ['get', 'rang'] },
        paint: { 'text-color': '#5d584f', 'text-halo-color': c.halo, 'text-halo-width': 1.5 },
      },
      {
        id: 'communes-noms',
        type: 'symbol',
        source: 'fond',
        'source-layer': 'communes_noms',
        layout: {
          'text-field': ['get', 'nom'],
          'text-font': ['case', ['<=', ['get', 'rang'], 12], ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
          'text-size': ['get', 'taille'],
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.7,
          'symbol-sort-key': ['get', 'rang'],
          'text-padding': 3,
          'text-max-width': 9,
        },
        paint: { 'text-color': c.label, 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
      },
    ],
  };
}

/** A full OpenStreetMap basemap (Protomaps schema) cut with `pmtiles extract`, drawn with @protomaps/basemaps. */
export async function osmStyle(pmtilesUrl: string, fonts: FontUrls): Promise<StyleSpecification> {
  const { layers, namedFlavor } = await import('@protomaps/basemaps');
  const flavor = { ...namedFlavor('light'), regular: FONT_REGULAR, bold: FONT_BOLD, italic: FONT_REGULAR };
  // POI icons need a sprite sheet we do not ship: their layer is left out (our own data layers carry the places).
  const all = layers('osm', flavor, { lang: 'fr' }).filter((l) => !('layout' in l && l.layout && 'icon-image' in l.layout)) as LayerSpecification[];
  return {
    version: 8,
    'font-faces': fontFaces(fonts),
    sources: {
      osm: { type: 'vector', url: `pmtiles://${absolute(pmtilesUrl)}`, attribution: '© contributeurs OpenStreetMap, Protomaps' },
    },
    layers: all,
  };
}
