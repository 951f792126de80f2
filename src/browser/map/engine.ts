/**
 * Loads MapLibre on demand (only pages with a map import this, and only when the map is needed),
 * registers the pmtiles protocol, and draws the symbols of the thématiques.
 */
import type { Map as MLMap, MapOptions, StyleSpecification } from 'maplibre-gl';
import fontRegular from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2?url';
import fontBold from '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';
import type { BasemapPaths, ThemeSymbol } from '../../lib/map/contract';
import { generatedStyle, osmStyle, type FontUrls } from '../../lib/map/style';
import type { OnDemand } from './on-demand';

export const FONTS: FontUrls = { regular: fontRegular, bold: fontBold };

export type MapLibre = typeof import('maplibre-gl');
let loading: Promise<MapLibre> | undefined;

/**
 * MapLibre's stylesheet, linked when the map loads: imported as a module, the bundler would link it in the page's
 * <head>, where it blocks the first paint of /carte/ (70 KB) even when the map is never opened.
 */
function linkStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`feuille de style de la carte : ${href}`));
  });
  document.head.append(link);
  return loaded;
}

export function loadMapLibre(): Promise<MapLibre> {
  loading ??= (async () => {
    const [ml, worker, pm] = await Promise.all([
      import('maplibre-gl'),
      import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'),
      import('pmtiles'),
      linkStylesheet(maplibreCss),
    ]);
    ml.setWorkerUrl(worker.default);
    ml.addProtocol('pmtiles', new pm.Protocol().tile);
    return ml;
  })();
  return loading;
}

/** Whether this browser can draw a WebGL map at all. */
export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

/**
 * Whether /carte/ can draw its interactive map, shared by the list map and the tiled map. When this browser has no
 * WebGL, the overview drawn at build time stays the only map (its button goes, `onDemand.unavailable`) and `status`
 * says so with `noMapHtml` (links to the lists).
 */
export function interactivePossible(status: HTMLElement, noMapHtml: string, onDemand: OnDemand): boolean {
  if (webglAvailable()) return true;
  onDemand.unavailable();
  document.querySelector<HTMLElement>('#carte-aide')!.hidden = true;
  status.innerHTML = noMapHtml;
  return false;
}

/**
 * The map is loading: said to screen readers only. The overview, in place from the first paint, stays in view until
 * the map is drawn, and a line appearing above the map would push the page down (layout shift).
 */
export function sayLoading(status: HTMLElement): void {
  status.textContent = 'Chargement de la carte…';
  status.classList.add('visually-hidden');
}

/** The map could not be drawn after all (a file missing, WebGL lost): the overview stays, `html` says why. */
export function sayFailed(status: HTMLElement, html: string, onDemand: OnDemand, err: unknown): void {
  onDemand.unavailable();
  status.classList.remove('visually-hidden');
  status.innerHTML = html;
  console.error(err);
}

export const LOCALE_FR: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'FullscreenControl.Enter': 'Carte en plein écran',
  'FullscreenControl.Exit': 'Quitter le plein écran',
  'Map.Title': 'Carte',
  'Marker.Title': 'Repère',
  'NavigationControl.ResetBearing': 'Remettre le nord en haut',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'Popup.Close': 'Fermer',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
};

export async function basemapStyle(cfg: BasemapPaths): Promise<StyleSpecification> {
  return cfg.osm ? osmStyle(cfg.osm, FONTS) : generatedStyle(cfg.generated, FONTS);
}

export async function createMap(container: HTMLElement, cfg: BasemapPaths, options: Partial<MapOptions>): Promise<MLMap> {
  const ml = await loadMapLibre();
  const style = await basemapStyle(cfg);
  return new ml.Map({
    container,
    style,
    locale: LOCALE_FR,
    maxZoom: 17,
    minZoom: 6,
    attributionControl: { compact: true },
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    ...options,
  });
}

/**
 * A marker: a disc of the thématique's colour with a white ring and its pictogram —
 * colour never carries the meaning alone. Drawn at 2× for sharp screens.
 */
export function markerCanvas(t: ThemeSymbol, size = 30): HTMLCanvasElement {
  const ratio = 2;
  const c = document.createElement('canvas');
  c.width = c.height = size * ratio;
  const ctx = c.getContext('2d')!;
  ctx.scale(ratio, ratio);
  const r = size / 2;
  ctx.beginPath();
  ctx.arc(r, r, r - 1.5, 0, Math.PI * 2);
  ctx.fillStyle = t.couleur;
  ctx.fill();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  const icon = size * 0.56;
  ctx.translate(r - icon / 2, r - icon / 2);
  ctx.scale(icon / 24, icon / 24);
  ctx.lineWidth = 2.4;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.stroke(new Path2D(t.iconPath));
  return c;
}

/** A lieu du lien: a dark square with a white "L" — a different shape from the offers' discs. */
export function lieuCanvas(size = 18): HTMLCanvasElement {
  const ratio = 2;
  const c = document.createElement('canvas');
  c.width = c.height = size * ratio;
  const ctx = c.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#2b2b2b';
  ctx.fillRect(2, 2, size - 4, size - 4);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = "bold 11px 'Atkinson Hyperlegible', sans-serif";
  ctx.fillText('L', size / 2, size / 2 + 1);
  return c;
}

/** A group of points: a white disc with a dark blue ring (the count is drawn by MapLibre on top). */
export function clusterCanvas(radius: number): HTMLCanvasElement {
  const ratio = 2;
  const size = radius * 2 + 2;
  const c = document.createElement('canvas');
  c.width = c.height = size * ratio;
  const ctx = c.getContext('2d')!;
  ctx.scale(ratio, ratio);
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, radius - 1.5, 0, Math.PI * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#1f3a5f';
  ctx.stroke();
  return c;
}

export function addCanvasImage(map: MLMap, id: string, canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d')!;
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  if (map.hasImage(id)) map.removeImage(id);
  map.addImage(id, { width: canvas.width, height: canvas.height, data: new Uint8Array(img.data.buffer) }, { pixelRatio: 2 });
}
