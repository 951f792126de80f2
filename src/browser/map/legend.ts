/** The legend's samples, drawn with the same canvases as the map's symbols (so the legend matches the map). */
import type { MapConfig, ThemeSymbol } from '../../lib/map/contract';
import { lieuCanvas, markerCanvas } from './engine';

/** Fills the legend's samples once the site's font is ready (the lieu symbol draws a letter). */
export function paintLegend(cfg: MapConfig): void {
  const byId = new Map(cfg.thematiques.map((t) => [t.id, t]));
  void document.fonts.ready.then(() => {
    paintThemeSamples(document, byId);
    const lieu = document.querySelector('[data-sample=lieux]');
    if (lieu) lieu.replaceChildren(asImg(lieuCanvas(), 18));
    const off = document.querySelector('[data-sample=offres]');
    if (off && cfg.thematiques.length) off.replaceChildren(...cfg.thematiques.slice(0, 3).map((t) => asImg(markerCanvas(t), 20)));
  });
}

/** Image of each thématique's marker, drawn and encoded once (the /carte/ list has hundreds of samples). */
const markerUrls = new Map<string, string>();

/** Fills every empty `.legend-theme[data-theme]` under root with its thématique's marker. */
export function paintThemeSamples(root: ParentNode, byId: Map<string, ThemeSymbol>): void {
  for (const s of root.querySelectorAll<HTMLElement>('.legend-theme[data-theme]')) {
    const t = byId.get(s.dataset.theme!);
    if (!t || s.firstChild) continue;
    let url = markerUrls.get(t.id);
    if (!url) markerUrls.set(t.id, (url = markerCanvas(t).toDataURL()));
    s.append(asImg(url, 22));
  }
}

function asImg(c: HTMLCanvasElement | string, size: number): HTMLImageElement {
  const img = document.createElement('img');
  img.src = typeof c === 'string' ? c : c.toDataURL();
  img.width = img.height = size;
  img.alt = '';
  return img;
}
