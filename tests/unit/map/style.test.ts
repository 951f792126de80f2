import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR, generatedStyle, osmStyle } from '../../../src/lib/map/style';
import { BASEMAP_LAYERS } from '../../../src/lib/basemap/build';

const ORIGIN = 'http://127.0.0.1:4399';
const fonts = { regular: '/_astro/r.woff2', bold: '/_astro/b.woff2' };
beforeAll(() => {
  (globalThis as { location?: unknown }).location = new URL(`${ORIGIN}/carte/`);
});
afterAll(() => {
  delete (globalThis as { location?: unknown }).location;
});

/** Every URL a style would make the browser fetch. */
function urls(style: StyleSpecification): string[] {
  return [...JSON.stringify(style).matchAll(/"((?:https?|pmtiles):\/\/[^"]+)"/g)].map((m) => m[1]!);
}
function fontsUsed(style: StyleSpecification): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^(Atkinson|Noto)/.test(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const l of style.layers) walk((l as { layout?: Record<string, unknown> }).layout?.['text-font']);
  return out;
}

describe('map styles', () => {
  it('generated basemap: valid, reads only the layers the build writes, text from our own fonts, nothing off the site', () => {
    const style = generatedStyle('/generated/basemap.pmtiles', fonts);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const l of style.layers) if ('source-layer' in l) expect(Object.keys(BASEMAP_LAYERS)).toContain(l['source-layer']);
    for (const u of urls(style)) expect(u.replace(/^pmtiles:\/\//, '')).toMatch(new RegExp(`^${ORIGIN}/`));
    expect([...fontsUsed(style)].sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
    expect(Object.keys(style['font-faces']!).sort()).toEqual([FONT_BOLD, FONT_REGULAR].sort());
  });

  it('OpenStreetMap basemap: Protomaps layers with our fonts, no sprite, no glyph server, nothing off the site', async () => {
    const style = await osmStyle('/osm/region.pmtiles', fonts);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.layers.length).toBeGreaterThan(40);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style.layers)).not.toContain('icon-image');
    for (const u of urls(style)) expect(u.replace(/^pmtiles:\/\//, '')).toMatch(new RegExp(`^${ORIGIN}/`));
    expect(urls(style)).toContain(`pmtiles://${ORIGIN}/osm/region.pmtiles`);
    const used = fontsUsed(style);
    expect(used.has(FONT_REGULAR)).toBe(true);
    // Only the Protomaps defaults for scripts our font lacks remain (drawn locally by the browser, not fetched).
    for (const f of used) if (!f.startsWith('Atkinson')) expect(f).toMatch(/^Noto Sans (Devanagari|.*v\d)/);
  });
});
