/**
 * The filters form and the legend (which is the layer switch) of /carte/ as the page's state, restored from the URL
 * (./state.ts#parseMapUrl). One class for both maps: the list map (./carte.ts) and the tiled one (./carte-tuiles.ts).
 */
import type { MapLayer } from '../../lib/map/contract';
import { FILTER_NAMES, type MapFilters, type MapUrlState, showsDomicile } from './state';

export class Controls {
  readonly boxes: HTMLInputElement[];
  constructor(
    readonly form: HTMLFormElement,
    readonly legend: HTMLFieldSetElement,
  ) {
    this.boxes = [...legend.querySelectorAll<HTMLInputElement>('input[name=couche]')];
  }
  private select(name: string): HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLSelectElement;
  }
  filters(): MapFilters {
    return { thematique: this.select('thematique').value, public: this.select('public').value, mode: this.select('mode').value };
  }
  layersOn(): Set<MapLayer> {
    return new Set(this.boxes.filter((b) => b.checked).map((b) => b.value as MapLayer));
  }
  switchOn(layer: MapLayer): boolean {
    const box = this.boxes.find((b) => b.value === layer);
    if (!box || box.checked) return false;
    box.checked = true;
    return true;
  }
  /** Applies the URL's filters (values the page offers only) and layers. */
  restore(url: MapUrlState): void {
    for (const name of FILTER_NAMES) {
      const v = url.filters[name];
      const sel = this.select(name);
      if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
    }
    if (url.layers) for (const b of this.boxes) b.checked = url.layers.has(b.value as MapLayer);
    if (showsDomicile(url.filters)) this.switchOn('domicile');
  }
  /** Calls `changed` after any change of a filter or a layer; choosing « à domicile » switches its zones on. */
  listen(changed: () => void): void {
    this.form.addEventListener('change', () => {
      if (showsDomicile(this.filters())) this.switchOn('domicile');
      changed();
    });
    this.form.addEventListener('reset', () => setTimeout(changed));
    this.legend.addEventListener('change', changed);
  }
}
