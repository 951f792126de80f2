/**
 * /carte/: the map beside the HTML list of what is in view. The list is rendered at build time and works alone;
 * this script adds the filters and the legend (which is the layer switch) to it and to the overview drawn at build time,
 * then the interactive map when it is wanted (./on-demand.ts) and the browser can draw one, and keeps list and map in
 * sync both ways. State and URL: ./state.ts; list: ./list.ts; map layers:
 * ./layers.ts; popups: ./popup.ts; legend: ./legend.ts; the form and legend as state: ./controls.ts (shared with the tiled map).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, Map as MLMap, MapGeoJSONFeature, Popup } from 'maplibre-gl';
import type { BBox, MapConfig, MapJson, MapLayer, MapPointProps } from '../../lib/map/contract';
import { createMap, interactivePossible, loadMapLibre, sayFailed, sayLoading } from './engine';
import { interactiveAtOnce, onDemand } from './on-demand';
import { addDataLayers, applyToMap, CLICKABLE, loadDomicile, ringSelection } from './layers';
import { paintLegend } from './legend';
import { entryKey, readEntries, refreshList, type ListEntry } from './list';
import { popupContent } from './popup';
import { Controls } from './controls';
import { intersects, mapQuery, parseMapUrl, passes } from './state';

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);

export function start(): void {
  const app = $<HTMLElement>('#carte-app');
  if (!app) return;
  const cfg = JSON.parse(app.dataset.config!) as MapConfig;
  // A large territory: points in tiles, list built from what is in view (a module of its own, loaded only then).
  if (cfg.tuiles) return void import('./carte-tuiles').then((m) => m.startTiled(app, cfg));
  const status = $<HTMLElement>('#carte-etat')!;
  const legend = $<HTMLFieldSetElement>('#carte-legende')!;
  const controls = new Controls($<HTMLFormElement>('#carte-filtres')!, legend);
  const entries = readEntries();
  const entryByKey = new Map(entries.map((e) => [entryKey(e.layer, e.id), e]));
  const url = parseMapUrl(location.search);
  controls.restore(url);

  const countEl = $<HTMLElement>('#carte-compte')!;
  let inView: (b: BBox) => boolean = () => true;
  let mapShown = false;
  let onStateChange = () => {};
  // The overview stands in for the map until it is asked for (./on-demand.ts); showMap is defined below.
  const od = onDemand((focus) => void showMap(focus));
  const refresh = () => {
    refreshList(entries, controls.layersOn(), controls.filters(), inView, countEl, mapShown);
    od.paint(new Set(entries.filter((e) => !e.li.hidden).map((e) => entryKey(e.layer, e.id))));
  };
  const changed = () => {
    const q = mapQuery(controls.filters(), controls.layersOn(), cfg.layers);
    history.replaceState(null, '', q || location.pathname);
    onStateChange();
    refresh();
  };
  controls.form.hidden = false;
  legend.hidden = false;
  paintLegend(cfg);
  controls.listen(changed);

  const noMap =
    'Votre navigateur ne peut pas afficher la carte interactive. La liste ci-dessous contient tout ce qu’elle montrerait ; vous pouvez aussi parcourir <a href="/offres/">toutes les activités</a>.';
  const failed = 'La carte interactive n’a pas pu s’afficher. La liste ci-dessous contient tout ; voir aussi <a href="/offres/">toutes les activités</a>.';
  // « Voir sur la carte » in the list before the map is there: it opens the map, then shows the entry.
  let showWhenReady: { entry: ListEntry; from: HTMLElement } | undefined;
  let showEntry: ((e: ListEntry, from?: HTMLElement) => void) | undefined;
  // The page is ready to use: list, filters and overview (the layout-shift and phone tests wait for this).
  app.dataset.ready = 'true';
  refresh();
  if (!interactivePossible(status, noMap, od)) return;
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-montrer]')) {
    b.hidden = false;
    b.addEventListener('click', () => {
      const li = b.closest('li')!;
      const entry = entryByKey.get(entryKey(li.dataset.layer!, li.dataset.id!))!;
      if (showEntry) showEntry(entry, b);
      else {
        showWhenReady = { entry, from: b };
        od.open();
      }
    });
  }
  if (interactiveAtOnce()) od.open();

  async function showMap(focus: boolean): Promise<void> {
    sayLoading(status);
    let map: MLMap;
    let data: MapJson;
    try {
      [map, data] = await Promise.all([
        createMap($<HTMLElement>('#carte')!, cfg.basemap, { bounds: cfg.bounds, fitBoundsOptions: { padding: 20 } }),
        fetch('/carte/donnees.json').then((r) => {
          if (!r.ok) throw new Error(`données de la carte : ${r.status}`);
          return r.json() as Promise<MapJson>;
        }),
      ]);
      await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
    } catch (err) {
      sayFailed(status, failed, od, err);
      return;
    }
    const ml = await loadMapLibre();
    await document.fonts.ready;

    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', 'Carte interactive. Flèches : se déplacer ; + et − : zoomer ; Entrée : ouvrir l’élément sous la mire.');
    canvas.setAttribute('aria-describedby', 'carte-aide');

    const shownPoints = (): FeatureCollection<Point, MapPointProps> => {
      const on = controls.layersOn();
      const f = controls.filters();
      return {
        type: 'FeatureCollection',
        features: data.points.features.filter((p) => {
          const e = entryByKey.get(entryKey(p.properties.kind === 'lieu' ? 'lieux' : 'offres', p.properties.id));
          return e && on.has(e.layer) && passes(e, f);
        }),
      };
    };
    const shownAreas = (layer: MapLayer) => {
      const f = controls.filters();
      return controls.layersOn().has(layer) ? entries.filter((e) => e.layer === layer && passes(e, f)).map((e) => e.id) : [];
    };
    addDataLayers(map, cfg, data, shownPoints());
    onStateChange = () => {
      if (controls.layersOn().has('domicile')) void loadDomicile(map);
      applyToMap(map, shownPoints(), { equipes: shownAreas('equipes'), domicile: shownAreas('domicile') });
    };
    onStateChange();

    // --- Map → list: what is in view. ---
    inView = (b) => {
      const v = map.getBounds();
      return intersects(b, [v.getWest(), v.getSouth(), v.getEast(), v.getNorth()]);
    };
    map.on('moveend', refresh);
    // "Where" for the search page can be a point of the map: its centre (under the crosshair).
    const searchHere = $<HTMLAnchorElement>('#carte-chercher-ici');
    const updateSearchHere = () => {
      const c = map.getCenter();
      if (searchHere) searchHere.href = `/recherche/?ou=${c.lat.toFixed(5)},${c.lng.toFixed(5)}`;
    };
    map.on('moveend', updateSearchHere);
    updateSearchHere();
    mapShown = true;
    $<HTMLElement>('#liste-titre')!.textContent = 'Dans la zone affichée';
    refresh();

    // --- Popups. ---
    const themeById = new Map(cfg.thematiques.map((t) => [t.id, t]));
    let popup: Popup | undefined;
    let returnFocus: HTMLElement | undefined;
    function popupFor(layer: MapLayer, id: string, at: [number, number], arret?: string): void {
      const e = entryByKey.get(entryKey(layer, id));
      if (!e) return;
      popup?.remove();
      const el = popupContent(e, themeById, arret);
      ringSelection(map, layer === 'offres' || layer === 'lieux' ? data.points.features.filter((f) => f.properties.id === id) : []);
      popup = new ml.Popup({ maxWidth: '340px', focusAfterOpen: true, closeButton: true }).setLngLat(at).setDOMContent(el).addTo(map);
      popup.on('close', () => {
        ringSelection(map, []);
        if (returnFocus?.isConnected) returnFocus.focus();
        returnFocus = undefined;
      });
      el.addEventListener('keydown', (ev) => {
        if (ev.key === 'Escape') popup?.remove();
      });
    }

    function openFeature(f: MapGeoJSONFeature, at: [number, number]): void {
      const p = f.properties as Record<string, unknown>;
      if (p.cluster) {
        const src = map.getSource('points') as GeoJSONSource;
        void src
          .getClusterExpansionZoom(p.cluster_id as number)
          .then((z) => map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom: z + 0.2 }));
        return;
      }
      const layer: MapLayer = f.layer.id.startsWith('equipes')
        ? 'equipes'
        : f.layer.id.startsWith('domicile')
          ? 'domicile'
          : p.kind === 'lieu'
            ? 'lieux'
            : 'offres';
      const pos = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : at;
      popupFor(layer, String(p.id), pos, typeof p.arret === 'string' ? p.arret : undefined);
    }

    map.on('click', (ev) => {
      const fs = map.queryRenderedFeatures(ev.point, { layers: CLICKABLE });
      if (fs[0]) openFeature(fs[0], [ev.lngLat.lng, ev.lngLat.lat]);
    });
    for (const l of CLICKABLE) {
      map.on('mouseenter', l, () => (canvas.style.cursor = 'pointer'));
      map.on('mouseleave', l, () => (canvas.style.cursor = ''));
    }

    // Keyboard on the map: Enter opens what is under the crosshair at the centre.
    canvas.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      const c = map.project(map.getCenter());
      const r = 22;
      const fs = map.queryRenderedFeatures(
        [
          [c.x - r, c.y - r],
          [c.x + r, c.y + r],
        ],
        { layers: CLICKABLE },
      );
      const pointFirst = fs.sort((a, b) => Number(b.geometry.type === 'Point') - Number(a.geometry.type === 'Point'));
      if (pointFirst[0]) {
        returnFocus = canvas;
        openFeature(pointFirst[0], [map.getCenter().lng, map.getCenter().lat]);
      } else status.textContent = 'Rien sous la mire : déplacez la carte avec les flèches.';
    });

    // --- List → map: fly there and open the popup. ---
    showEntry = (e: ListEntry, from?: HTMLElement): void => {
      returnFocus = from;
      const pt = data.points.features.find((f) => f.properties.id === e.id);
      const [w, s, east, n] = e.bbox;
      const at: [number, number] = pt ? (pt.geometry.coordinates as [number, number]) : [(w + east) / 2, (s + n) / 2];
      // MapLibre skips the flight for people who ask their system for reduced motion.
      if (w === east && s === n) map.flyTo({ center: at, zoom: Math.max(map.getZoom(), 13), duration: 900 });
      else map.fitBounds([w, s, east, n] as LngLatBoundsLike, { padding: 40, maxZoom: 13, duration: 900 });
      popupFor(e.layer, e.id, at, pt?.properties.arret);
    };
    // ?bbox=w,s,e,n: the extent of a small static map (commune pages) opened here.
    const box = (new URLSearchParams(location.search).get('bbox') ?? '').split(',').map(Number);
    if (box.length === 4 && box.every(Number.isFinite)) map.fitBounds(box as LngLatBoundsLike, { padding: 20, duration: 0 });
    const voir = url.voir ? entries.find((x) => x.id === url.voir) : undefined;
    if (voir) {
      if (controls.switchOn(voir.layer)) changed();
      showEntry(voir);
    } else if (showWhenReady) showEntry(showWhenReady.entry, showWhenReady.from);

    od.shown();
    app!.classList.add('carte-prete');
    app!.dataset.interactive = 'true';
    status.textContent = '';
    status.classList.remove('visually-hidden');
    // Asked from the button: the keyboard goes on to the map (the button is gone with the overview).
    if (focus && !showWhenReady && !voir) canvas.focus();
  }
}
