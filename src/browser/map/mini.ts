/** Small maps of the fiches: drawn when they come into view, without interaction (the page stays the main thing). */
import type { Geometry } from 'geojson';
import type { BasemapPaths, ThemeSymbol } from '../../lib/map/contract';
import { addCanvasImage, createMap, lieuCanvas, markerCanvas, webglAvailable } from './engine';

interface MiniConfig {
  basemap: BasemapPaths;
  points: [number, number][];
  area: Geometry | null;
  theme: ThemeSymbol | null;
}

export function startMiniMaps(): void {
  const els = [...document.querySelectorAll<HTMLElement>('[data-minimap]')];
  if (!els.length || !webglAvailable()) return;
  const io = new IntersectionObserver(
    (seen) => {
      for (const s of seen) {
        if (!s.isIntersecting) continue;
        io.unobserve(s.target);
        void draw(s.target as HTMLElement);
      }
    },
    { rootMargin: '200px' },
  );
  for (const el of els) {
    el.hidden = false;
    io.observe(el);
  }
}

function extent(cfg: MiniConfig): [number, number, number, number] {
  const pts: number[][] = [...cfg.points];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') pts.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (cfg.area && 'coordinates' in cfg.area) walk(cfg.area.coordinates);
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

async function draw(el: HTMLElement): Promise<void> {
  const cfg = JSON.parse(el.dataset.minimap!) as MiniConfig;
  if (!cfg.points.length && !cfg.area) {
    el.hidden = true;
    return;
  }
  try {
    const map = await createMap(el, cfg.basemap, { interactive: false, attributionControl: false, bounds: extent(cfg), fitBoundsOptions: { padding: 30, maxZoom: 11.5 } });
    map.getCanvas().removeAttribute('tabindex');
    map.getCanvas().setAttribute('aria-hidden', 'true');
    await new Promise<void>((r) => (map.loaded() ? r() : map.once('load', () => r())));
    await document.fonts.ready;
    addCanvasImage(map, 'symbole', cfg.theme ? markerCanvas(cfg.theme) : lieuCanvas(22));
    if (cfg.area) {
      map.addSource('zone', { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: cfg.area } });
      map.addLayer({ id: 'zone-fill', type: 'fill', source: 'zone', paint: { 'fill-color': '#5b3f8c', 'fill-opacity': 0.14 } });
      map.addLayer({ id: 'zone-line', type: 'line', source: 'zone', paint: { 'line-color': '#5b3f8c', 'line-width': 2.5, 'line-dasharray': [4, 2] } });
    }
    if (cfg.points.length) {
      map.addSource('pts', { type: 'geojson', data: { type: 'FeatureCollection', features: cfg.points.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } })) } });
      map.addLayer({ id: 'pts', type: 'symbol', source: 'pts', layout: { 'icon-image': 'symbole', 'icon-allow-overlap': true } });
    }
    el.dataset.ready = 'true';
  } catch (err) {
    el.hidden = true;
    console.error(err);
  }
}
