/**
 * The HTML list of /carte/, rendered at build time: it works alone, and this module shows in it what the filters,
 * the legend and (once the map is there) the view leave.
 */
import type { BBox, MapLayer } from '../../lib/map/contract';
import { passes, type MapFilters } from './state';

export interface ListEntry {
  li: HTMLLIElement;
  id: string;
  layer: MapLayer;
  themes: string[];
  publics: string[];
  mode: string;
  bbox: BBox;
}

const words = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean);

/** Reads the entries from the list's data attributes (written by src/pages/carte/index.astro). */
export function readEntries(root: ParentNode = document): ListEntry[] {
  return [...root.querySelectorAll<HTMLLIElement>('.carte-liste li[data-id]')].map((li) => ({
    li,
    id: li.dataset.id!,
    layer: li.dataset.layer as MapLayer,
    themes: words(li.dataset.themes),
    publics: words(li.dataset.publics),
    mode: li.dataset.mode ?? '',
    bbox: li.dataset.bbox!.split(',').map(Number) as BBox,
  }));
}

export const entryKey = (layer: string, id: string) => `${layer}:${id}`;

/** Shows the entries that pass, per section with its count, and the total in `countEl`. */
export function refreshList(
  entries: ListEntry[],
  on: Set<MapLayer>,
  f: MapFilters,
  inView: (b: BBox) => boolean,
  countEl: HTMLElement,
  mapShown: boolean,
): void {
  let total = 0;
  const perLayer = new Map<MapLayer, number>();
  for (const e of entries) {
    const show = on.has(e.layer) && passes(e, f) && inView(e.bbox);
    // Written only when it changes: hundreds of entries, and each write makes the browser restyle the list.
    if (e.li.hidden === show) e.li.hidden = !show;
    if (show) {
      total++;
      perLayer.set(e.layer, (perLayer.get(e.layer) ?? 0) + 1);
    }
  }
  for (const s of document.querySelectorAll<HTMLElement>('[data-section]')) {
    const id = s.dataset.section as MapLayer;
    s.hidden = !on.has(id);
    s.querySelector('[data-count]')!.textContent = String(perLayer.get(id) ?? 0);
  }
  countEl.innerHTML = `<span data-total>${total}</span> résultat${total > 1 ? 's' : ''}${mapShown ? ' dans la zone affichée' : ''}`;
}
