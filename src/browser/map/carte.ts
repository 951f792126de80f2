/**
 * /carte/: the map beside the HTML list of what is in view. The list is rendered at build time and
 * works alone; this script adds the map, the filters and the legend (which is the layer switch), and
 * keeps list and map in sync both ways.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, Map as MLMap, MapGeoJSONFeature, Popup } from 'maplibre-gl';
import { addCanvasImage, clusterCanvas, createMap, lieuCanvas, loadMapLibre, markerCanvas, webglAvailable, type BasemapConfig, type ThemeSymbol } from './engine';

type LayerId = 'offres' | 'lieux' | 'equipes' | 'domicile';
interface Config {
  basemap: BasemapConfig;
  bounds: [number, number, number, number];
  layers: { id: LayerId; libelle: string; parDefaut: boolean }[];
  thematiques: ThemeSymbol[];
  publics: { id: string; libelle: string }[];
  modes: { id: string; libelle: string }[];
}
type PointProps = { id: string; kind: 'offre' | 'lieu'; theme: string; nom: string; arret?: string };
interface MapJson {
  points: FeatureCollection<Point, PointProps>;
  equipes: FeatureCollection<Polygon | MultiPolygon, { id: string; nom: string }>;
}
type DomicileJson = FeatureCollection<Polygon | MultiPolygon, { id: string; nom: string; theme: string }>;

interface Entry {
  li: HTMLLIElement;
  id: string;
  layer: LayerId;
  themes: string[];
  publics: string[];
  mode: string;
  bbox: [number, number, number, number];
}

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);

export function start(): void {
  const app = $<HTMLElement>('#carte-app');
  if (!app) return;
  const cfg = JSON.parse(app.dataset.config!) as Config;
  const status = $<HTMLElement>('#carte-etat')!;
  const form = $<HTMLFormElement>('#carte-filtres')!;
  const legend = $<HTMLFieldSetElement>('#carte-legende')!;
  const themeById = new Map(cfg.thematiques.map((t) => [t.id, t]));

  const entries: Entry[] = [...document.querySelectorAll<HTMLLIElement>('.carte-liste li[data-id]')].map((li) => ({
    li,
    id: li.dataset.id!,
    layer: li.dataset.layer as LayerId,
    themes: (li.dataset.themes ?? '').split(' ').filter(Boolean),
    publics: (li.dataset.publics ?? '').split(' ').filter(Boolean),
    mode: li.dataset.mode ?? '',
    bbox: li.dataset.bbox!.split(',').map(Number) as Entry['bbox'],
  }));
  const entryById = new Map(entries.map((e) => [`${e.layer}:${e.id}`, e]));

  // --- State shared by the list and the map: filters and visible layers, mirrored in the URL. ---
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
  if (params.get('mode') === 'a_domicile') layerBoxes.find((b) => b.value === 'domicile')!.checked = true;

  const filters = () => ({
    thematique: (form.elements.namedItem('thematique') as HTMLSelectElement).value,
    public: (form.elements.namedItem('public') as HTMLSelectElement).value,
    mode: (form.elements.namedItem('mode') as HTMLSelectElement).value,
  });
  const layersOn = () => new Set(layerBoxes.filter((b) => b.checked).map((b) => b.value as LayerId));

  /** Filters narrow the activities; lieux and équipes follow the legend only, and hide when a mode of activity is chosen. */
  function passes(e: Pick<Entry, 'layer' | 'themes' | 'publics' | 'mode'>, f = filters()): boolean {
    if (e.layer === 'offres' || e.layer === 'domicile') {
      if (f.thematique && !e.themes.includes(f.thematique)) return false;
      if (f.public && !e.publics.includes(f.public) && !e.publics.includes('tous')) return false;
      if (f.mode && e.mode !== f.mode) return false;
      return true;
    }
    return !f.mode && !f.thematique && (!f.public || e.layer !== 'equipes' || f.public === 'seniors' || f.public === 'personnes_isolees');
  }

  function writeUrl(): void {
    const f = filters();
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    const on = [...layersOn()].sort().join(',');
    const def = cfg.layers.filter((l) => l.parDefaut).map((l) => l.id).sort().join(',');
    if (on !== def) p.set('couches', on);
    const q = p.toString();
    history.replaceState(null, '', q ? `?${q}` : location.pathname);
  }

  // --- The list alone (no map): filters and layers already apply to it. ---
  let inView: (b: Entry['bbox']) => boolean = () => true;
  const countEl = $<HTMLElement>('#carte-compte')!;

  function refreshList(): void {
    const on = layersOn();
    const f = filters();
    let total = 0;
    const perLayer = new Map<LayerId, number>();
    for (const e of entries) {
      const show = on.has(e.layer) && passes(e, f) && inView(e.bbox);
      e.li.hidden = !show;
      if (show) {
        total++;
        perLayer.set(e.layer, (perLayer.get(e.layer) ?? 0) + 1);
      }
    }
    for (const s of document.querySelectorAll<HTMLElement>('[data-section]')) {
      const id = s.dataset.section as LayerId;
      s.hidden = !on.has(id);
      s.querySelector('[data-count]')!.textContent = String(perLayer.get(id) ?? 0);
    }
    countEl.innerHTML = `<span data-total>${total}</span> résultat${total > 1 ? 's' : ''}${mapReady ? ' dans la zone affichée' : ''}`;
  }

  form.hidden = false;
  legend.hidden = false;
  paintLegend(cfg);
  let mapReady = false;
  let onStateChange = () => {};
  const changed = () => {
    writeUrl();
    onStateChange();
    refreshList();
  };
  form.addEventListener('change', () => {
    if (filters().mode === 'a_domicile') layerBoxes.find((b) => b.value === 'domicile')!.checked = true;
    changed();
  });
  form.addEventListener('reset', () => setTimeout(changed));
  legend.addEventListener('change', changed);
  refreshList();

  // --- The map, when this browser can draw it. ---
  if (!webglAvailable()) {
    status.innerHTML = 'Votre navigateur ne peut pas afficher la carte. La liste ci-dessous contient tout ce qu’elle montrerait ; vous pouvez aussi parcourir <a href="/offres/">toutes les activités</a>.';
    return;
  }
  status.textContent = 'Chargement de la carte…';
  const wrap = $<HTMLElement>('.carte-map-wrap')!;
  wrap.hidden = false;

  void (async () => {
    let map: MLMap;
    let data: MapJson;
    try {
      const [m, res] = await Promise.all([
        createMap($<HTMLElement>('#carte')!, cfg.basemap, { bounds: cfg.bounds, fitBoundsOptions: { padding: 20 } }),
        fetch('/carte/donnees.json').then((r) => {
          if (!r.ok) throw new Error(`données de la carte : ${r.status}`);
          return r.json() as Promise<MapJson>;
        }),
      ]);
      map = m;
      data = res;
      await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
    } catch (err) {
      wrap.hidden = true;
      status.innerHTML = 'La carte n’a pas pu s’afficher. La liste ci-dessous contient tout ; voir aussi <a href="/offres/">toutes les activités</a>.';
      console.error(err);
      return;
    }
    const ml = await loadMapLibre();
    await document.fonts.ready;
    for (const t of cfg.thematiques) addCanvasImage(map, `theme-${t.id}`, markerCanvas(t));
    addCanvasImage(map, 'lieu', lieuCanvas());

    const canvas = map.getCanvas();
    canvas.setAttribute('aria-label', 'Carte interactive. Flèches : se déplacer ; + et − : zoomer ; Entrée : ouvrir l’élément sous la mire.');
    canvas.setAttribute('aria-describedby', 'carte-aide');

    // Sources: points filtered in JS (so clusters count only what is shown), areas filtered by id.
    const pointsData = (): FeatureCollection<Point, PointProps> => {
      const on = layersOn();
      const f = filters();
      return {
        type: 'FeatureCollection',
        features: data.points.features.filter((p) => {
          const e = entryById.get(`${p.properties.kind === 'lieu' ? 'lieux' : 'offres'}:${p.properties.id}`);
          return e && on.has(e.layer) && passes(e, f);
        }),
      };
    };
    const areaIds = (layer: LayerId) => entries.filter((e) => e.layer === layer && layersOn().has(layer) && passes(e)).map((e) => e.id);

    map.addSource('equipes', { type: 'geojson', data: data.equipes, promoteId: 'id' });
    map.addSource('domicile', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
    // The zones of the offers at home are fetched the first time their layer is switched on.
    let domicileLoading: Promise<void> | undefined;
    const loadDomicile = () =>
      (domicileLoading ??= fetch('/carte/domicile.json')
        .then((r) => r.json() as Promise<DomicileJson>)
        .then((fc) => (map.getSource('domicile') as GeoJSONSource).setData(fc))
        .then(() => undefined));
    map.addSource('points', { type: 'geojson', data: pointsData(), cluster: true, clusterRadius: 36, clusterMaxZoom: 12 });
    const teamColor = '#5b3f8c';
    map.addLayer({ id: 'domicile-fill', type: 'fill', source: 'domicile', paint: { 'fill-color': ['coalesce', ['get', ['get', 'theme'], ['literal', Object.fromEntries(cfg.thematiques.map((t) => [t.id, t.couleur]))]], '#555'], 'fill-opacity': 0.14 } });
    map.addLayer({ id: 'domicile-line', type: 'line', source: 'domicile', paint: { 'line-color': ['coalesce', ['get', ['get', 'theme'], ['literal', Object.fromEntries(cfg.thematiques.map((t) => [t.id, t.couleur]))]], '#555'], 'line-width': 2, 'line-dasharray': [1, 1.5] } });
    map.addLayer({ id: 'equipes-fill', type: 'fill', source: 'equipes', paint: { 'fill-color': teamColor, 'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.3, 0.1] } });
    map.addLayer({ id: 'equipes-line', type: 'line', source: 'equipes', paint: { 'line-color': teamColor, 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, 2], 'line-dasharray': [4, 2] } });
    // Clusters are symbols with an icon, so that they take room: commune names move around them instead of hiding under them.
    for (const [name, r] of [['s', 15], ['m', 19], ['l', 24]] as const) addCanvasImage(map, `cluster-${name}`, clusterCanvas(r));
    map.addLayer({
      id: 'clusters',
      type: 'symbol',
      source: 'points',
      filter: ['has', 'point_count'],
      layout: {
        'icon-image': ['step', ['get', 'point_count'], 'cluster-s', 10, 'cluster-m', 30, 'cluster-l'],
        'icon-allow-overlap': true,
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['Atkinson Bold'],
        'text-size': 15,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1f3a5f' },
    });
    map.addLayer({ id: 'lieux-points', type: 'symbol', source: 'points', filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'kind'], 'lieu']], layout: { 'icon-image': 'lieu', 'icon-allow-overlap': true } });
    map.addLayer({ id: 'offres-points', type: 'symbol', source: 'points', filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'kind'], 'offre']], layout: { 'icon-image': ['concat', 'theme-', ['get', 'theme']], 'icon-allow-overlap': true } });
    map.addSource('selection', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'selection', type: 'circle', source: 'selection', paint: { 'circle-radius': 21, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#c2410c', 'circle-stroke-width': 4 } }, 'lieux-points');

    function applyState(): void {
      if (layersOn().has('domicile')) void loadDomicile();
      (map.getSource('points') as GeoJSONSource).setData(pointsData());
      map.setFilter('equipes-fill', ['in', ['get', 'id'], ['literal', areaIds('equipes')]]);
      map.setFilter('equipes-line', ['in', ['get', 'id'], ['literal', areaIds('equipes')]]);
      map.setFilter('domicile-fill', ['in', ['get', 'id'], ['literal', areaIds('domicile')]]);
      map.setFilter('domicile-line', ['in', ['get', 'id'], ['literal', areaIds('domicile')]]);
    }
    onStateChange = applyState;
    applyState();

    // --- Map → list: what is in view. ---
    inView = (b) => {
      const v = map.getBounds();
      return b[0] <= v.getEast() && b[2] >= v.getWest() && b[1] <= v.getNorth() && b[3] >= v.getSouth();
    };
    map.on('moveend', refreshList);
    // "Where" for the search page can be a point of the map: its centre (under the crosshair).
    const searchHere = $<HTMLAnchorElement>('#carte-chercher-ici');
    const updateSearchHere = () => {
      const c = map.getCenter();
      if (searchHere) searchHere.href = `/recherche/?ou=${c.lat.toFixed(5)},${c.lng.toFixed(5)}`;
    };
    map.on('moveend', updateSearchHere);
    updateSearchHere();
    mapReady = true;
    $<HTMLElement>('#liste-titre')!.textContent = 'Dans la zone affichée';
    refreshList();

    // --- Popups. ---
    let popup: Popup | undefined;
    let returnFocus: HTMLElement | undefined;
    function popupFor(layer: LayerId, id: string, at: [number, number], arret?: string): void {
      const e = entryById.get(`${layer}:${id}`);
      if (!e) return;
      popup?.remove();
      const el = document.createElement('div');
      el.className = 'carte-popup';
      const link = e.li.querySelector('a')!;
      const title = document.createElement('p');
      title.className = 'carte-popup-titre';
      title.textContent = link.textContent;
      el.append(title);
      if (arret) {
        const p = document.createElement('p');
        p.textContent = `Arrêt : ${arret}`;
        el.append(p);
      }
      const resume = e.li.querySelector('.carte-resume')!.cloneNode(true) as HTMLElement;
      el.append(resume);
      const a = document.createElement('a');
      a.href = link.getAttribute('href')!;
      a.textContent = 'Voir la fiche';
      const hiddenName = document.createElement('span');
      hiddenName.className = 'visually-hidden';
      hiddenName.textContent = ` : ${link.textContent}`;
      a.append(hiddenName);
      a.className = 'carte-popup-lien';
      el.append(a);
      paintThemeSamples(el, themeById);
      const selected = data.points.features.filter((f) => f.properties.id === id);
      (map.getSource('selection') as GeoJSONSource).setData({ type: 'FeatureCollection', features: layer === 'offres' || layer === 'lieux' ? selected : [] });
      popup = new ml.Popup({ maxWidth: '340px', focusAfterOpen: true, closeButton: true }).setLngLat(at).setDOMContent(el).addTo(map);
      popup.on('close', () => {
        (map.getSource('selection') as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
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
        void src.getClusterExpansionZoom(p.cluster_id as number).then((z) => map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom: z + 0.2 }));
        return;
      }
      const layer: LayerId = f.layer.id.startsWith('equipes') ? 'equipes' : f.layer.id.startsWith('domicile') ? 'domicile' : p.kind === 'lieu' ? 'lieux' : 'offres';
      const pos = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : at;
      popupFor(layer, String(p.id), pos, typeof p.arret === 'string' ? p.arret : undefined);
    }

    const clickable = ['clusters', 'offres-points', 'lieux-points', 'domicile-fill', 'equipes-fill'];
    map.on('click', (ev) => {
      const fs = map.queryRenderedFeatures(ev.point, { layers: clickable });
      if (fs[0]) openFeature(fs[0], [ev.lngLat.lng, ev.lngLat.lat]);
    });
    for (const l of clickable) {
      map.on('mouseenter', l, () => (canvas.style.cursor = 'pointer'));
      map.on('mouseleave', l, () => (canvas.style.cursor = ''));
    }

    // Keyboard on the map: Enter opens what is under the crosshair at the centre.
    canvas.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      ev.preventDefault();
      const c = map.project(map.getCenter());
      const r = 22;
      const fs = map.queryRenderedFeatures([[c.x - r, c.y - r], [c.x + r, c.y + r]], { layers: clickable });
      const pointFirst = fs.sort((a, b) => Number(b.geometry.type === 'Point') - Number(a.geometry.type === 'Point'));
      if (pointFirst[0]) {
        returnFocus = canvas;
        openFeature(pointFirst[0], [map.getCenter().lng, map.getCenter().lat]);
      } else status.textContent = 'Rien sous la mire : déplacez la carte avec les flèches.';
    });

    // --- List → map: fly there and open the popup. ---
    for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-montrer]')) {
      b.hidden = false;
      b.addEventListener('click', () => {
        const li = b.closest('li')!;
        const e = entryById.get(`${li.dataset.layer}:${li.dataset.id}`)!;
        showEntry(e, b);
      });
    }
    function showEntry(e: Entry, from?: HTMLElement): void {
      returnFocus = from;
      const pt = data.points.features.find((f) => f.properties.id === e.id);
      const [w, s, east, n] = e.bbox;
      const at: [number, number] = pt ? (pt.geometry.coordinates as [number, number]) : [(w + east) / 2, (s + n) / 2];
      // MapLibre skips the flight for people who ask their system for reduced motion.
      if (w === east && s === n) map.flyTo({ center: at, zoom: Math.max(map.getZoom(), 13), duration: 900 });
      else map.fitBounds([w, s, east, n] as LngLatBoundsLike, { padding: 40, maxZoom: 13, duration: 900 });
      popupFor(e.layer, e.id, at, pt?.properties.arret);
    }
    const voir = params.get('voir');
    if (voir) {
      const e = entries.find((x) => x.id === voir);
      if (e) {
        const box = layerBoxes.find((x) => x.value === e.layer);
        if (box && !box.checked) {
          box.checked = true;
          changed();
        }
        showEntry(e);
      }
    }

    app.classList.add('carte-prete');
    app.dataset.ready = 'true';
    status.textContent = '';
  })();
}

/** Fills the legend's samples with the same drawings as the map's symbols. */
function paintLegend(cfg: Config): void {
  const byId = new Map(cfg.thematiques.map((t) => [t.id, t]));
  void document.fonts.ready.then(() => {
    paintThemeSamples(document, byId);
    const lieu = document.querySelector('[data-sample=lieux]');
    if (lieu) lieu.replaceChildren(asImg(lieuCanvas(), 18));
    const first = cfg.thematiques[0];
    const off = document.querySelector('[data-sample=offres]');
    if (off && first) off.replaceChildren(...cfg.thematiques.slice(0, 3).map((t) => asImg(markerCanvas(t), 20)));
  });
}
function paintThemeSamples(root: ParentNode, byId: Map<string, ThemeSymbol>): void {
  for (const s of root.querySelectorAll<HTMLElement>('.legend-theme[data-theme]')) {
    const t = byId.get(s.dataset.theme!);
    if (t && !s.firstChild) s.append(asImg(markerCanvas(t), 22));
  }
}
function asImg(c: HTMLCanvasElement, size: number): HTMLImageElement {
  const img = document.createElement('img');
  img.src = c.toDataURL();
  img.width = img.height = size;
  img.alt = '';
  return img;
}
