/**
 * /carte/ for a territory too large for one GeoJSON file (src/lib/map/tiles.ts): points and areas come
 * as vector tiles for the area and zoom in view, grouped with their count below the exact zoom. The
 * list beside the map is built here from the tiles in view (the page's HTML has no list: it would be
 * tens of MB); filters and the legend apply to the exact points and the areas, the groups count all.
 */
import type { ExpressionSpecification, Map as MLMap, MapGeoJSONFeature, Popup } from 'maplibre-gl';
import type { MapConfig, MapLayer as LayerId } from '../../lib/map/contract';
import { esc } from '../search/html';
import { createMap, loadMapLibre, webglAvailable } from './engine';
import { addSymbolImages } from './layers';
import { mapQuery } from './state';

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

export function startTiled(app: HTMLElement, config: MapConfig): void {
  const cfg = { ...config, tuiles: config.tuiles! };
  const status = $<HTMLElement>('#carte-etat')!;
  const form = $<HTMLFormElement>('#carte-filtres')!;
  const legend = $<HTMLFieldSetElement>('#carte-legende')!;
  const themeById = new Map(cfg.thematiques.map((t) => [t.id, t]));
  const params = new URLSearchParams(location.search);
  for (const name of ['thematique', 'public', 'mode'] as const) {
    const v = params.get(name);
    const sel = form.elements.namedItem(name) as HTMLSelectElement;
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const layerBoxes = [...legend.querySelectorAll<HTMLInputElement>('input[name=couche]')];
  if (params.has('couches')) {
    const on = new Set(params.get('couches')!.split(','));
    for (const b of layerBoxes) b.checked = on.has(b.value);
  }
  const filters = () => ({
    thematique: (form.elements.namedItem('thematique') as HTMLSelectElement).value,
    public: (form.elements.namedItem('public') as HTMLSelectElement).value,
    mode: (form.elements.namedItem('mode') as HTMLSelectElement).value,
  });
  const layersOn = () => new Set(layerBoxes.filter((b) => b.checked).map((b) => b.value as LayerId));
  form.hidden = false;
  legend.hidden = false;

  if (!webglAvailable()) {
    $<HTMLElement>('.carte-map-wrap')!.hidden = true;
    status.innerHTML =
      'Votre navigateur ne peut pas afficher la carte. Parcourez <a href="/offres/">toutes les activités</a> ou <a href="/communes/">les communes</a>.';
    return;
  }
  // Said to screen readers only: the map box, in place from the first paint (.js-only), shows it to the eye,
  // and a line appearing above the map would push the page down (layout shift).
  status.textContent = 'Chargement de la carte…';
  status.classList.add('visually-hidden');
  const wrap = $<HTMLElement>('.carte-map-wrap')!;
  wrap.hidden = false;

  void (async () => {
    let map: MLMap;
    // ?centre=lat,lon&zoom=z opens the map on a place (a link from a fiche or a commune).
    const centre = (params.get('centre') ?? '').split(',').map(Number);
    const zoom = Number(params.get('zoom') ?? cfg.tuiles.rawZoom + 1);
    const view =
      centre.length === 2 && centre.every(Number.isFinite) && Number.isFinite(zoom)
        ? { center: [centre[1]!, centre[0]!] as [number, number], zoom }
        : { bounds: cfg.bounds, fitBoundsOptions: { padding: 20 } };
    try {
      map = await createMap($<HTMLElement>('#carte')!, cfg.basemap, { ...view, minZoom: cfg.tuiles.minZoom });
      await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
    } catch (err) {
      wrap.hidden = true;
      status.classList.remove('visually-hidden');
      status.innerHTML = 'La carte n’a pas pu s’afficher. Parcourez <a href="/offres/">toutes les activités</a> ou <a href="/communes/">les communes</a>.';
      console.error(err);
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
        'icon-image': ['step', ['get', 'point_count'], 'cluster-s', 10, 'cluster-m', 100, 'cluster-l'],
        'icon-allow-overlap': true,
        'text-field': ['to-string', ['get', 'point_count_abbreviated']],
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

    /** The same rules as the list-based map: filters narrow the activities; lieux and équipes follow the legend. */
    function offerFilter(): ExpressionSpecification {
      const f = filters();
      const all: ExpressionSpecification[] = [['==', ['get', 'kind'], 'offre']];
      if (f.thematique) all.push(['in', ` ${f.thematique} `, ['concat', ' ', ['get', 'themes'], ' ']]);
      if (f.public)
        all.push(['any', ['in', ` ${f.public} `, ['concat', ' ', ['get', 'publics'], ' ']], ['in', ' tous ', ['concat', ' ', ['get', 'publics'], ' ']]]);
      if (f.mode) all.push(['==', ['get', 'mode'], f.mode]);
      return ['all', ...all];
    }
    const otherLayersShown = () => {
      const f = filters();
      return !f.mode && !f.thematique;
    };
    function applyState(): void {
      const on = layersOn();
      const vis = (id: string, v: boolean) => map.getLayer(id) && map.setLayoutProperty(id, 'visibility', v ? 'visible' : 'none');
      if (on.has('domicile')) addDomicile();
      vis('offres-points', on.has('offres'));
      vis('clusters', on.has('offres') || on.has('lieux'));
      vis('lieux-points', on.has('lieux') && otherLayersShown());
      vis('equipes-fill', on.has('equipes') && otherLayersShown());
      vis('equipes-line', on.has('equipes') && otherLayersShown());
      vis('domicile-fill', on.has('domicile'));
      vis('domicile-line', on.has('domicile'));
      map.setFilter('offres-points', offerFilter());
      history.replaceState(null, '', mapQuery(filters(), on, cfg.layers) || location.pathname);
    }

    // --- Map → list: what the tiles in view hold. ---
    const countEl = $<HTMLElement>('#carte-compte')!;
    const lists = new Map([...document.querySelectorAll<HTMLUListElement>('.carte-liste[data-layer]')].map((ul) => [ul.dataset.layer as LayerId, ul]));
    let shownById = new Map<string, Shown>();
    function refreshList(): void {
      const on = layersOn();
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
          if (f.geometry.type === 'Point' && inView(f.geometry.coordinates as [number, number])) grouped += Number(p.point_count);
          continue;
        }
        const layer: LayerId = f.layer.id.startsWith('equipes')
          ? 'equipes'
          : f.layer.id.startsWith('domicile')
            ? 'domicile'
            : p.kind === 'lieu'
              ? 'lieux'
              : 'offres';
        if (!on.has(layer)) continue;
        const m = byLayer.get(layer) ?? byLayer.set(layer, new Map()).get(layer)!;
        const id = String(p.id);
        if (m.has(id)) continue;
        const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : undefined;
        if (at && !inView(at)) continue;
        m.set(id, {
          layer,
          id,
          nom: String(p.nom),
          resume: String(p.resume ?? (layer === 'equipes' ? 'Équipe citoyenne' : 'Service à domicile')),
          themes: String(p.themes ?? '')
            .split(' ')
            .filter(Boolean),
          at,
          arret: typeof p.arret === 'string' ? p.arret : undefined,
        });
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
      const groups = grouped ? ` ; ${grouped} autres, regroupés sur la carte : zoomez pour les voir` : '';
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
      const layer: LayerId = f.layer.id.startsWith('equipes')
        ? 'equipes'
        : f.layer.id.startsWith('domicile')
          ? 'domicile'
          : p.kind === 'lieu'
            ? 'lieux'
            : 'offres';
      popupAt(
        {
          layer,
          id: String(p.id),
          nom: String(p.nom),
          resume: String(p.resume ?? (layer === 'equipes' ? 'Équipe citoyenne' : 'Service à domicile')),
          themes: String(p.themes ?? '')
            .split(' ')
            .filter(Boolean),
          arret: typeof p.arret === 'string' ? p.arret : undefined,
        },
        pos,
      );
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
    form.addEventListener('change', changed);
    form.addEventListener('reset', () => setTimeout(changed));
    legend.addEventListener('change', changed);
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
    app.classList.add('carte-prete');
    app.dataset.ready = 'true';
    status.textContent = '';
    status.classList.remove('visually-hidden');
  })();
}
