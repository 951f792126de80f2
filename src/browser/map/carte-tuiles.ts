/**
 * /carte/ for a territory too large for one GeoJSON file (src/lib/map/tiles.ts): points and areas come
 * as vector tiles for the area and zoom in view, grouped with their count below the exact zoom. The
 * list beside the map is built here from the tiles in view (the page's HTML has no list: it would be
 * tens of MB). Same controls, URL and filter rule as the list map (./controls.ts, ./state.ts,
 * src/lib/map/filter.ts): the rule runs as MapLibre expressions on every layer, and a group shows how
 * many of its items the filters let through.
 */
import type { ExpressionSpecification, FilterSpecification, LngLatBoundsLike, Map as MLMap, MapGeoJSONFeature, Popup } from 'maplibre-gl';
import type { MapConfig, MapLayer as LayerId } from '../../lib/map/contract';
import { filterExpression, groupCount, groupCountExact, groupCountExpression } from '../../lib/map/filter';
import { esc } from '../search/html';
import { Controls } from './controls';
import { createMap, interactivePossible, loadMapLibre, sayFailed, sayLoading } from './engine';
import { interactiveAtOnce, onDemand } from './on-demand';
import { addSymbolImages } from './layers';
import { paintLegend } from './legend';
import { mapQuery, parseMapUrl } from './state';

/** The list shows at most this many items: zoom in for the others. */
const LIST_MAX = 200;
const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
const urlOf = (layer: LayerId, id: string) => `/${layer === 'lieux' ? 'lieux' : layer === 'equipes' ? 'equipes' : 'offres'}/${encodeURIComponent(id)}/`;

interface Shown {
  layer: LayerId;
  id: string;
  nom: string;
  resume: string;
  themes: string[];
  at?: [number, number];
  arret?: string;
}

/** Which legend layer a tile feature belongs to, from its style layer or source and its kind. */
function layerOf(f: MapGeoJSONFeature): LayerId {
  const from = f.layer?.id ?? f.source;
  if (from.startsWith('equipes')) return 'equipes';
  if (from.startsWith('domicile')) return 'domicile';
  return f.properties.kind === 'lieu' ? 'lieux' : 'offres';
}

/** What the list and the popup show of a tile feature (its properties: src/lib/map/tiles.ts). */
function shownOf(f: Pick<MapGeoJSONFeature, 'properties' | 'geometry'>, layer: LayerId): Shown {
  const p = f.properties as Record<string, string | number | boolean>;
  return {
    layer,
    id: String(p.id),
    nom: String(p.nom),
    resume: String(p.resume ?? (layer === 'equipes' ? 'Équipe citoyenne' : 'Service à domicile')),
    themes: String(p.themes ?? '')
      .split(' ')
      .filter(Boolean),
    at: f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : undefined,
    arret: typeof p.arret === 'string' ? p.arret : undefined,
  };
}

export function startTiled(app: HTMLElement, config: MapConfig): void {
  const cfg = { ...config, tuiles: config.tuiles! };
  const status = $<HTMLElement>('#carte-etat')!;
  const form = $<HTMLFormElement>('#carte-filtres')!;
  const legend = $<HTMLFieldSetElement>('#carte-legende')!;
  const themeById = new Map(cfg.thematiques.map((t) => [t.id, t]));
  const controls = new Controls(form, legend);
  const url = parseMapUrl(location.search);
  const params = new URLSearchParams(location.search);
  controls.restore(url);
  const filters = () => controls.filters();
  const layersOn = () => controls.layersOn();
  form.hidden = false;
  legend.hidden = false;
  paintLegend(cfg);

  const noMap =
    'Votre navigateur ne peut pas afficher la carte interactive. Parcourez <a href="/offres/">toutes les activités</a> ou <a href="/communes/">les communes</a>.';
  const countEl = $<HTMLElement>('#carte-compte')!;
  // Until the map is there the list is empty: it is built from the tiles in view.
  countEl.innerHTML =
    'Ouvrez la carte interactive pour lister ce qui se trouve dans la zone affichée, ou <a href="/recherche/">cherchez près d’une adresse</a>.';
  const od = onDemand((focus) => void showMap(focus));
  app.dataset.ready = 'true';
  if (!interactivePossible(status, noMap, od)) return;
  if (interactiveAtOnce()) od.open();

  async function showMap(focus: boolean): Promise<void> {
    sayLoading(status);
    let map: MLMap;
    // ?centre=lat,lon&zoom=z opens the map on a place (a link from a fiche or a commune).
    // ?bbox=w,s,e,n: the extent of a small static map (commune pages, fiches' « Voir sur la carte »).
    const centre = (params.get('centre') ?? '').split(',').map(Number);
    const zoom = Number(params.get('zoom') ?? cfg.tuiles.rawZoom + 1);
    const box = (params.get('bbox') ?? '').split(',').map(Number);
    const view =
      centre.length === 2 && centre.every(Number.isFinite) && Number.isFinite(zoom)
        ? { center: [centre[1]!, centre[0]!] as [number, number], zoom }
        : box.length === 4 && box.every(Number.isFinite)
          ? { bounds: box as LngLatBoundsLike, fitBoundsOptions: { padding: 20 } }
          : { bounds: cfg.bounds, fitBoundsOptions: { padding: 20 } };
    try {
      map = await createMap($<HTMLElement>('#carte')!, cfg.basemap, { ...view, minZoom: cfg.tuiles.minZoom });
      await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
    } catch (err) {
      sayFailed(
        status,
        'La carte interactive n’a pas pu s’afficher. Parcourez <a href="/offres/">toutes les activités</a> ou <a href="/communes/">les communes</a>.',
        od,
        err,
      );
      return;
    }
    const ml = await loadMapLibre();
    await document.fonts.ready;
    addSymbolImages(map, cfg);
    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', 'Carte interactive. Flèches : se déplacer ; + et − : zoomer ; Entrée : ouvrir l’élément sous la mire.');
    canvas.setAttribute('aria-describedby', 'carte-aide');

    const origin = location.origin;
    const src = (url: string) => ({ type: 'vector' as const, url: `pmtiles://${origin}${url}` });
    map.addSource('equipes', src(cfg.tuiles.equipes));
    const colour = [
      'coalesce',
      ['get', ['get', 'theme'], ['literal', Object.fromEntries(cfg.thematiques.map((t) => [t.id, t.couleur]))]],
      '#555',
    ] as unknown as ExpressionSpecification;
    const teamColor = '#5b3f8c';
    let domicileAdded = false;
    const addDomicile = () => {
      if (domicileAdded) return;
      domicileAdded = true;
      map.addSource('domicile', src(cfg.tuiles.domicile));
      map.addLayer(
        { id: 'domicile-fill', type: 'fill', source: 'domicile', 'source-layer': 'domicile', paint: { 'fill-color': colour, 'fill-opacity': 0.14 } },
        'equipes-fill',
      );
      map.addLayer(
        {
          id: 'domicile-line',
          type: 'line',
          source: 'domicile',
          'source-layer': 'domicile',
          paint: { 'line-color': colour, 'line-width': 2, 'line-dasharray': [1, 1.5] },
        },
        'equipes-fill',
      );
    };
    map.addLayer({ id: 'equipes-fill', type: 'fill', source: 'equipes', 'source-layer': 'equipes', paint: { 'fill-color': teamColor, 'fill-opacity': 0.1 } });
    map.addLayer({
      id: 'equipes-line',
      type: 'line',
      source: 'equipes',
      'source-layer': 'equipes',
      paint: { 'line-color': teamColor, 'line-width': 2, 'line-dasharray': [4, 2] },
    });
    map.addSource('points', src(cfg.tuiles.points));
    map.addLayer({
      id: 'clusters',
      type: 'symbol',
      source: 'points',
      'source-layer': 'points',
      filter: ['has', 'point_count'],
      layout: {
        'icon-allow-overlap': true,
        'text-font': ['Atkinson Bold'],
        'text-size': 14,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1f3a5f' },
    });
    map.addLayer({
      id: 'lieux-points',
      type: 'symbol',
      source: 'points',
      'source-layer': 'points',
      filter: ['==', ['get', 'kind'], 'lieu'],
      layout: { 'icon-image': 'lieu', 'icon-allow-overlap': true },
    });
    map.addLayer({
      id: 'offres-points',
      type: 'symbol',
      source: 'points',
      'source-layer': 'points',
      filter: ['==', ['get', 'kind'], 'offre'],
      layout: { 'icon-image': ['concat', 'theme-', ['get', 'theme']], 'icon-allow-overlap': true },
    });

    /** The list map's rule (src/lib/map/filter.ts) on every layer; groups show and size by what passes. */
    function applyState(): void {
      const on = layersOn();
      const f = filters();
      const vis = (id: string, v: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', v ? 'visible' : 'none');
      if (on.has('domicile')) addDomicile();
      const rule = filterExpression(f) as ExpressionSpecification;
      const kind = (k: string) => ['all', ['!', ['has', 'point_count']], ['==', ['get', 'kind'], k], rule] as FilterSpecification;
      map.setFilter('offres-points', kind('offre'));
      map.setFilter('lieux-points', kind('lieu'));
      for (const id of ['equipes-fill', 'equipes-line', 'domicile-fill', 'domicile-line']) if (map.getLayer(id)) map.setFilter(id, rule as FilterSpecification);
      const count = groupCountExpression(f, on) as ExpressionSpecification;
      map.setFilter('clusters', ['all', ['has', 'point_count'], ['>', count, 0]]);
      map.setLayoutProperty('clusters', 'icon-image', ['step', count, 'cluster-s', 10, 'cluster-m', 100, 'cluster-l']);
      // With several filters a group's number is an upper bound (src/lib/map/filter.ts), as the legend and the text
      // beside the map say (the map's font subset has no « ≤ » to draw it in the circle).
      map.setLayoutProperty('clusters', 'text-field', ['to-string', count]);
      vis('offres-points', on.has('offres'));
      vis('clusters', on.has('offres') || on.has('lieux'));
      vis('lieux-points', on.has('lieux'));
      vis('equipes-fill', on.has('equipes'));
      vis('equipes-line', on.has('equipes'));
      vis('domicile-fill', on.has('domicile'));
      vis('domicile-line', on.has('domicile'));
      history.replaceState(null, '', mapQuery(f, on, cfg.layers) || location.pathname);
    }

    // --- Map → list: what the tiles in view hold. ---
    const lists = new Map([...document.querySelectorAll<HTMLUListElement>('.carte-liste[data-layer]')].map((ul) => [ul.dataset.layer as LayerId, ul]));
    let shownById = new Map<string, Shown>();
    function refreshList(): void {
      const on = layersOn();
      const filt = filters();
      const b = map.getBounds();
      const inView = (c: [number, number]) => c[0] >= b.getWest() && c[0] <= b.getEast() && c[1] >= b.getSouth() && c[1] <= b.getNorth();
      const rendered = map.queryRenderedFeatures({
        layers: ['clusters', 'offres-points', 'lieux-points', 'equipes-fill', ...(map.getLayer('domicile-fill') ? ['domicile-fill'] : [])],
      });
      const byLayer = new Map<LayerId, Map<string, Shown>>();
      let grouped = 0;
      for (const f of rendered) {
        const p = f.properties as Record<string, string | number | boolean>;
        if (p.point_count) {
          if (f.geometry.type === 'Point' && inView(f.geometry.coordinates as [number, number])) grouped += groupCount(p, filt, on);
          continue;
        }
        const layer = layerOf(f);
        if (!on.has(layer)) continue;
        const m = byLayer.get(layer) ?? byLayer.set(layer, new Map()).get(layer)!;
        const id = String(p.id);
        if (m.has(id)) continue;
        const shown = shownOf(f, layer);
        if (shown.at && !inView(shown.at)) continue;
        m.set(id, shown);
      }
      shownById = new Map();
      let total = 0;
      for (const [layer, ul] of lists) {
        const items = [...(byLayer.get(layer)?.values() ?? [])].sort((a, c) => a.nom.localeCompare(c.nom, 'fr'));
        total += items.length;
        const section = ul.closest<HTMLElement>('[data-section]')!;
        section.hidden = !on.has(layer);
        section.querySelector('[data-count]')!.textContent = String(items.length);
        ul.innerHTML = items
          .slice(0, LIST_MAX)
          .map((i) => {
            shownById.set(`${i.layer}:${i.id}`, i);
            const themes = i.themes
              .map((t) => themeById.get(t))
              .filter(Boolean)
              .map((t) => `<span class="carte-theme">${esc(t!.libelle)}</span>`)
              .join('');
            return `<li data-id="${esc(i.id)}" data-layer="${i.layer}"><a href="${urlOf(i.layer, i.id)}">${esc(i.nom)}</a><span class="carte-resume">${themes ? `<span class="carte-themes">${themes}</span>` : ''}<span class="carte-mode">${esc(i.resume)}</span></span>${i.at ? `<button type="button" class="montrer secondary button" data-montrer="${esc(i.id)}">Voir sur la carte<span class="visually-hidden"> : ${esc(i.nom)}</span></button>` : ''}</li>`;
          })
          .join('');
        if (items.length > LIST_MAX)
          ul.insertAdjacentHTML('beforeend', `<li class="muted">… et ${items.length - LIST_MAX} autres : zoomez pour les voir.</li>`);
      }
      const upTo = groupCountExact(filt) ? '' : 'au plus ';
      const groups = grouped ? ` ; ${upTo}${grouped} autres, regroupés sur la carte : zoomez pour les voir` : '';
      countEl.innerHTML = `<span data-total>${total}</span> résultat${total > 1 ? 's' : ''} dans la zone affichée${groups}`;
    }
    app.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-montrer]');
      if (!b) return;
      const li = b.closest('li')!;
      const s = shownById.get(`${li.dataset.layer}:${li.dataset.id}`);
      if (!s?.at) return;
      returnFocus = b;
      map.flyTo({ center: s.at, zoom: Math.max(map.getZoom(), 13), duration: 900 });
      popupAt(s, s.at);
    });

    // --- Popups. ---
    let popup: Popup | undefined;
    let returnFocus: HTMLElement | undefined;
    function popupAt(s: Shown, at: [number, number]): void {
      popup?.remove();
      const el = document.createElement('div');
      el.className = 'carte-popup';
      const title = document.createElement('p');
      title.className = 'carte-popup-titre';
      title.textContent = s.nom;
      el.append(title);
      for (const line of [
        s.arret && `Arrêt : ${s.arret}`,
        s.themes
          .map((t) => themeById.get(t)?.libelle)
          .filter(Boolean)
          .join(', '),
        s.resume,
      ]) {
        if (!line) continue;
        const p = document.createElement('p');
        p.textContent = line;
        el.append(p);
      }
      const a = document.createElement('a');
      a.href = urlOf(s.layer, s.id);
      a.className = 'carte-popup-lien';
      a.textContent = 'Voir la fiche';
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ` : ${s.nom}`;
      a.append(hidden);
      el.append(a);
      popup = new ml.Popup({ maxWidth: '340px', focusAfterOpen: true, closeButton: true }).setLngLat(at).setDOMContent(el).addTo(map);
      popup.on('close', () => {
        if (returnFocus?.isConnected) returnFocus.focus();
        returnFocus = undefined;
      });
      el.addEventListener('keydown', (ev) => {
        if (ev.key === 'Escape') popup?.remove();
      });
    }
    function openFeature(f: MapGeoJSONFeature, at: [number, number]): void {
      const p = f.properties as Record<string, string | number>;
      const pos = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : at;
      if (p.point_count) return void map.easeTo({ center: pos, zoom: Math.min(map.getZoom() + 2, cfg.tuiles.rawZoom) });
      popupAt(shownOf(f, layerOf(f)), pos);
    }

    /**
     * ?voir=<id> (a fiche's « Voir sur la carte »): the link puts the map on the record (?centre= or ?bbox=), whose
     * tiles are then loaded; its feature is found there by id, its layer switched on and its popup opened.
     */
    async function showVoir(id: string): Promise<void> {
      const idle = () => {
        const done = new Promise<void>((resolve) => map.once('idle', () => resolve()));
        map.triggerRepaint(); // an idle map fires 'idle' again only after a frame
        return done;
      };
      const find = (source: 'points' | 'equipes' | 'domicile') => {
        if (!map.getSource(source)) return undefined;
        const f = map.querySourceFeatures(source, { sourceLayer: source, filter: ['==', ['get', 'id'], id] }).find((x) => !x.properties.point_count);
        if (!f) return undefined;
        return { f, layer: (source === 'points' ? (f.properties.kind === 'lieu' ? 'lieux' : 'offres') : source) as LayerId };
      };
      let found = find('points') ?? find('equipes');
      if (!found) {
        // Not a point nor an équipe: an offer at home, whose zones are fetched only when their layer is on.
        const switched = controls.switchOn('domicile');
        if (switched) changed();
        await idle();
        found = find('domicile');
        if (!found && switched) {
          controls.boxes.find((b) => b.value === 'domicile')!.checked = false;
          changed();
        }
      }
      if (!found) {
        status.textContent = 'L’élément demandé n’est pas dans la zone affichée : cherchez-le dans la liste ou déplacez la carte.';
        return;
      }
      if (controls.switchOn(found.layer)) changed();
      const shown = shownOf(found.f, found.layer);
      popupAt(shown, shown.at ?? [map.getCenter().lng, map.getCenter().lat]);
    }
    const clickable = () => ['clusters', 'offres-points', 'lieux-points', 'equipes-fill', ...(map.getLayer('domicile-fill') ? ['domicile-fill'] : [])];
    map.on('click', (ev) => {
      const fs = map.queryRenderedFeatures(ev.point, { layers: clickable() });
      if (fs[0]) openFeature(fs[0], [ev.lngLat.lng, ev.lngLat.lat]);
    });
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
        { layers: clickable() },
      );
      const pointFirst = fs.sort((a, b) => Number(b.geometry.type === 'Point') - Number(a.geometry.type === 'Point'));
      if (pointFirst[0]) {
        returnFocus = canvas;
        openFeature(pointFirst[0], [map.getCenter().lng, map.getCenter().lat]);
      } else status.textContent = 'Rien sous la mire : déplacez la carte avec les flèches.';
    });

    const changed = () => {
      applyState();
      map.once('idle', refreshList);
    };
    controls.listen(changed);
    map.on('moveend', () => map.once('idle', refreshList));
    const searchHere = $<HTMLAnchorElement>('#carte-chercher-ici');
    const updateSearchHere = () => {
      const c = map.getCenter();
      if (searchHere) searchHere.href = `/recherche/?ou=${c.lat.toFixed(5)},${c.lng.toFixed(5)}`;
    };
    map.on('moveend', updateSearchHere);
    updateSearchHere();
    applyState();
    $<HTMLElement>('#liste-titre')!.textContent = 'Dans la zone affichée';
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    refreshList();
    status.textContent = '';
    if (url.voir) await showVoir(url.voir);
    od.shown();
    app.classList.add('carte-prete');
    app.dataset.interactive = 'true';
    status.classList.remove('visually-hidden');
    // Asked from the button: the keyboard goes on to the map (the button is gone with the overview).
    if (focus && !url.voir) canvas.focus();
  }
}
